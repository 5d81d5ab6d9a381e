namespace StealthRelay.Redaction.Ner;

/// <summary>The position prefix of a label: BIO, IOB2, BIOES/BILOU and plain IO schemes all reduce to these.</summary>
internal enum BioTag
{
    Outside,
    Begin,
    Inside,
    End,
    Single,
}
