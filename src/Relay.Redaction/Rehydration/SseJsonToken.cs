using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>One JSON value of a <see cref="SseJsonDocument"/>: a flat record, no per-value object.</summary>
internal struct SseJsonToken
{
    public JsonKind Kind;

    /// <summary>For strings: the raw value contains escape sequences.</summary>
    public bool HasEscapes;

    /// <summary>First byte in the source (the opening quote of a string, the brace of an object).</summary>
    public int Start;

    /// <summary>One past the last byte in the source.</summary>
    public int End;

    /// <summary>For object members: where the unescaped UTF-8 name lies in the document's name buffer.</summary>
    public int NameStart;

    public int NameLength;

    /// <summary>The next member or item of the same parent, or -1.</summary>
    public int Next;
}
