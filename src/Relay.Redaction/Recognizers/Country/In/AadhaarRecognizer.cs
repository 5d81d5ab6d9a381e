using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.In;

/// <summary>
/// IN_AADHAAR (Presidio's name): India's twelve-digit Aadhaar number, written in groups of four (<c>2341 2341 2346</c>,
/// <c>2341-2341-2346</c>, one separator throughout) or plain. UIDAI issues none starting with 0 or 1, and the last digit
/// is a Verhoeff check digit (<see cref="Verhoeff"/>). One random number in ten passes the check: the grouped writing
/// scores <see cref="RecognizerScores.WeakChecksum"/>, twelve plain digits <see cref="RecognizerScores.ShapeOnly"/>
/// (cloud account IDs and order numbers have that shape too; a context word such as Aadhaar or UID lifts it).
/// </summary>
internal sealed partial class AadhaarRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.InAadhaar];

    public IReadOnlyList<string> Context { get; } = ["aadhaar", "aadhar", "adhaar", "uid", "uidai", "आधार"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> digits = stackalloc char[12];
        foreach (var match in NumberPattern().EnumerateMatches(text))
        {
            var end = match.Index + match.Length;
            if (TextBoundary.IsInsideNumericExpression(text, match.Index, end))
            {
                continue;
            }

            DigitBuffer.Collect(text.AsSpan(match.Index, match.Length), digits);
            if (digits[0] is not ('0' or '1') && Verhoeff.IsValid(digits))
            {
                var score = match.Length == 12 ? RecognizerScores.ShapeOnly : RecognizerScores.WeakChecksum;
                results.Add(new EntitySpan(EntityTypes.InAadhaar, match.Index, end, score, nameof(AadhaarRecognizer)));
            }
        }
    }

    /// <summary>Twelve digits, plain or in groups of four joined by one blank or dash throughout, as a whole token.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])[0-9]{4}(?:(?<s>[ -])[0-9]{4}\k<s>[0-9]{4}|[0-9]{8})(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NumberPattern();
}
