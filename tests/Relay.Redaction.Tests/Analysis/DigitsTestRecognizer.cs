using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>
/// Test-only: 7 to 15 digits (spaces, dots, dashes and parentheses between them allowed) as PHONE_NUMBER with a weak
/// score that context ("phone", "call") raises over the default threshold.
/// </summary>
internal sealed partial class DigitsTestRecognizer : IRecognizer
{
    public DigitsTestRecognizer(double score = 0.4)
    {
        Score = score;
    }

    public double Score { get; }

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.PhoneNumber];

    public IReadOnlyList<string> Context { get; } = ["phone", "call", "tel"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        foreach (Match m in Digits().Matches(text))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits is >= 7 and <= 15)
            {
                results.Add(new EntitySpan(EntityTypes.PhoneNumber, m.Index, m.Index + m.Length, Score, nameof(DigitsTestRecognizer)));
            }
        }
    }

    [GeneratedRegex(@"\+?\d[\d \-.()]*\d")]
    private static partial Regex Digits();
}
