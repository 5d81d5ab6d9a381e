namespace StealthRelay.Redaction;

/// <summary>
/// One detected entity. Offsets are UTF-16 code units into the analysed string, <see cref="End"/> exclusive.
/// Never log <c>text[Start..End]</c>: only the type, offsets and score may leave the process.
/// </summary>
/// <param name="Type">Entity type, Presidio naming (see <see cref="EntityTypes"/>).</param>
/// <param name="Start">First code unit of the match.</param>
/// <param name="End">One past the last code unit of the match.</param>
/// <param name="Score">Confidence in [0, 1]. Validated (checksummed) recognizer hits score high.</param>
/// <param name="Source">Which recognizer or model produced it (for auditing), e.g. <c>CreditCardRecognizer</c> or <c>ner</c>.</param>
public sealed record EntitySpan(string Type, int Start, int End, double Score, string Source)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;

    /// <summary>True when this span and <paramref name="other"/> share at least one code unit.</summary>
    public bool Overlaps(EntitySpan other) => Start < other.End && other.Start < End;
}
