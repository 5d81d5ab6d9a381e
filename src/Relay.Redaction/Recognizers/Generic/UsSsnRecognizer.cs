using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// US_SSN: <c>AAA-GG-SSSS</c>, <c>AAA GG SSSS</c> or nine plain digits. The SSA rules are checked (area not 000, 666
/// or 900-999, which the IRS uses for ITINs; group not 00; serial not 0000) and well-known published or advertising
/// numbers are rejected. There is no check digit, so the score follows the format (<see cref="AreaGroupSerial"/>):
/// dashed <see cref="RecognizerScores.Structural"/>, spaced <see cref="RecognizerScores.Formatted"/>, plain nine digits
/// <see cref="RecognizerScores.ShapeOnly"/> (below the default threshold: it needs a context word such as "ssn" nearby).
/// </summary>
internal sealed partial class UsSsnRecognizer : IRecognizer
{
    /// <summary>Numbers published as examples (Woolworth wallet card, SSA pamphlets, "123-45-6789").</summary>
    private static readonly string[] KnownFakes =
        ["123456789", "078051120", "219099999", "457555462", "111111111", "333333333", "987654320", "987654321"];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.UsSsn];

    public IReadOnlyList<string> Context { get; } = ["ssn", "social security", "social security number", "ssa", "ss#", "ssn#", "taxpayer"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        AreaGroupSerial.Add(SsnPattern(), text, IsValid, EntityTypes.UsSsn, nameof(UsSsnRecognizer), results);
    }

    internal static bool IsValid(ReadOnlySpan<char> d)
    {
        var area = ((d[0] - '0') * 100) + ((d[1] - '0') * 10) + (d[2] - '0');
        if (area is 0 or 666 or >= 900 || d.Slice(3, 2).SequenceEqual("00") || d.Slice(5, 4).SequenceEqual("0000"))
        {
            return false;
        }

        foreach (var fake in KnownFakes)
        {
            if (d.SequenceEqual(fake))
            {
                return false;
            }
        }

        // All nine digits the same (111-11-1111 ...) is a placeholder, never an issued number.
        return d.ContainsAnyExcept(d[0]);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[0-9]{3}([- ]?)[0-9]{2}\1[0-9]{4}(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex SsnPattern();
}
