namespace StealthRelay.Redaction.Tests.Recognizers;

/// <summary>One row of a recognizer table: a text and exactly the spans expected in it.</summary>
public sealed record RecognizerCase(string Text, IReadOnlyList<ExpectedSpan> Expected)
{
    public override string ToString() => $"\"{Text}\" -> [{string.Join(", ", Expected)}]";
}
