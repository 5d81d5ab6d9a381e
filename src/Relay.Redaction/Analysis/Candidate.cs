namespace StealthRelay.Redaction.Analysis;

/// <summary>A span before fusion, and whether the NER model (not a rule) produced it.</summary>
internal readonly record struct Candidate(EntitySpan Span, bool FromModel)
{
    /// <summary>A rule hit the fusion trusts over a model guess: score at least 0.9 and not from the model.</summary>
    public bool IsValidated => !FromModel && Span.Score >= 0.9 && Span.Source != "ner";
}
