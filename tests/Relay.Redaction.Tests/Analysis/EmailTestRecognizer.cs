using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>Test-only: a plain regex e-mail recognizer (the product's recognizers live on another branch).</summary>
internal sealed partial class EmailTestRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.EmailAddress];

    public IReadOnlyList<string> Context { get; } = ["email", "mail"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        foreach (Match m in Email().Matches(text))
        {
            results.Add(new EntitySpan(EntityTypes.EmailAddress, m.Index, m.Index + m.Length, 1.0, nameof(EmailTestRecognizer)));
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
