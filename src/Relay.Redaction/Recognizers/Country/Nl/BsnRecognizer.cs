using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.Nl;

/// <summary>
/// NL_BSN: the Dutch burgerservicenummer (citizen service number, formerly sofinummer), nine digits written plain,
/// <c>1112.22.333</c> or <c>111 222 333</c>, that pass the "elfproef": the first eight digits weighted 9..2 minus the
/// last is a multiple of eleven. One random nine-digit number in eleven passes, and nine-digit numbers are everywhere
/// (order numbers, amounts, a bare US SSN), so a plain or spaced one scores <see cref="RecognizerScores.ShapeOnly"/>
/// and needs a context word ("BSN", "burgerservicenummer", "sofinummer") to pass the default threshold; the dotted
/// form, which is how BSNs are printed, scores <see cref="RecognizerScores.WeakChecksum"/>.
/// </summary>
internal sealed partial class BsnRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.NlBsn];

    public IReadOnlyList<string> Context { get; } =
        ["bsn", "burgerservicenummer", "burgerservice", "sofinummer", "sofi", "citizen service number", "persoonsnummer"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        // Most texts with digits hold no run that can start a BSN; a scan of the digit runs spares them the regex.
        if (!HasCandidateRun(text))
        {
            return;
        }

        CheckedNumbers.Add(BsnPattern(), text, 9, IsValid, Score, EntityTypes.NlBsn, nameof(BsnRecognizer), results);
    }

    private static double Score(ReadOnlySpan<char> written) =>
        written.Contains('.') ? RecognizerScores.WeakChecksum : RecognizerScores.ShapeOnly;

    /// <summary>
    /// True when some run of digits could start one of the three shapes: nine digits, or four followed by a dot and a
    /// digit, or three followed by a blank and a digit. The necessary part of <see cref="BsnPattern"/>.
    /// </summary>
    internal static bool HasCandidateRun(string text) => DigitRuns.Any(text, StartsCandidate);

    private static bool StartsCandidate(string text, int start, int end)
    {
        var length = end - start;
        var digitAfterNext = end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]);
        return length == 9 || (length == 4 && digitAfterNext && text[end] == '.') || (length == 3 && digitAfterNext && text[end] == ' ');
    }

    /// <summary>The elfproef over nine digits; all zeros, or one digit repeated, is never issued.</summary>
    internal static bool IsValid(ReadOnlySpan<char> d)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (d[i] - '0') * (9 - i);
        }

        sum -= d[8] - '0';
        return sum % 11 == 0 && d.ContainsAnyExcept(d[0]);
    }

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{3} [0-9]{3} [0-9]{3}|[0-9]{9})(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex BsnPattern();
}
