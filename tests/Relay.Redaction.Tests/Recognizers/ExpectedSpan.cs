namespace StealthRelay.Redaction.Tests.Recognizers;

/// <summary>An expected span: type, UTF-16 offsets (end exclusive) and the accepted score range.</summary>
public sealed record ExpectedSpan(string Type, int Start, int End, double MinScore, double MaxScore)
{
    public bool Matches(EntitySpan span) =>
        span.Type == Type && span.Start == Start && span.End == End && span.Score >= MinScore && span.Score <= MaxScore;

    public override string ToString() => $"{Type}[{Start},{End}) {MinScore:0.##}-{MaxScore:0.##}";
}
