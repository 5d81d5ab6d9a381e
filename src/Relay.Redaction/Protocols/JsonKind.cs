namespace StealthRelay.Redaction.Protocols;

/// <summary>The kind of a <see cref="JsonSyntaxNode"/>.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
