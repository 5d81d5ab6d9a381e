using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// ABA_ROUTING_NUMBER: the nine-digit routing transit number of a US bank, printed plain on every cheque
/// (<c>021000021</c>) and sometimes written in its parts, Federal Reserve routing symbol, institution and check digit
/// (<c>0210-0002-1</c>). The first two digits must be a Federal Reserve district (00-12), a thrift (21-32), an
/// electronic (61-72) or the traveller's cheque prefix (80), and the ABA checksum must hold: 3·(d1+d4+d7) +
/// 7·(d2+d5+d8) + (d3+d6+d9) a multiple of ten. About one random nine-digit number in 26 passes both, and nine-digit
/// numbers are everywhere (order numbers, a bare US SSN or BSN), so a plain one scores
/// <see cref="RecognizerScores.ShapeOnly"/> and needs a context word ("routing", "ABA", "RTN", "transit number"); the
/// dashed form, written as people split the number, scores <see cref="RecognizerScores.Formatted"/>. A match inside a
/// larger numeric expression is skipped, so the last nine digits of an ISBN-10 (<c>3-8204-9176-7</c>) never count.
/// </summary>
internal sealed partial class AbaRoutingNumberRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.AbaRoutingNumber];

    /// <summary>
    /// "routing" also stands for "routing number", "bank routing" and "routing transit number". "aba#" and "transit
    /// number" are phrases, so they match whole words only: ABA, not "abandoned"; not "transition".
    /// </summary>
    public IReadOnlyList<string> Context { get; } = ["routing", "aba#", "rtn", "transit number"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        // Most texts with digits hold no run that can start a routing number; a scan of the digit runs spares them the regex.
        if (!HasCandidateRun(text))
        {
            return;
        }

        CheckedNumbers.Add(RoutingPattern(), text, 9, IsValid, Score, EntityTypes.AbaRoutingNumber, nameof(AbaRoutingNumberRecognizer), results);
    }

    private static double Score(ReadOnlySpan<char> written) =>
        written.Length == 9 ? RecognizerScores.ShapeOnly : RecognizerScores.Formatted;

    /// <summary>
    /// True when some run of digits could start one of the two shapes: nine digits, or four followed by a dash and a
    /// digit. The necessary part of <see cref="RoutingPattern"/>.
    /// </summary>
    internal static bool HasCandidateRun(string text) => DigitRuns.Any(text, StartsCandidate);

    private static bool StartsCandidate(string text, int start, int end) =>
        end - start == 9 || (end - start == 4 && end + 1 < text.Length && text[end] == '-' && char.IsAsciiDigit(text[end + 1]));

    /// <summary>The prefix ranges and the ABA checksum over nine digits; one digit repeated (000000000) is never issued.</summary>
    internal static bool IsValid(ReadOnlySpan<char> d)
    {
        var prefix = ((d[0] - '0') * 10) + (d[1] - '0');
        if (prefix is not (<= 12 or (>= 21 and <= 32) or (>= 61 and <= 72) or 80))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i += 3)
        {
            sum += (3 * (d[i] - '0')) + (7 * (d[i + 1] - '0')) + (d[i + 2] - '0');
        }

        return sum % 10 == 0 && d.ContainsAnyExcept(d[0]);
    }

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:[0-9]{9}|[0-9]{4}-[0-9]{4}-[0-9])(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex RoutingPattern();
}
