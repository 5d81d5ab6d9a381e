using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// VIN: a vehicle identification number (ISO 3779), 17 letters and digits without I, O and Q, as a whole token, all
/// in capitals or all in lower case (people type <c>1hgcm82633a004352</c>; a token in mixed case is a random
/// identifier). Standing alone, a token counts when it meets the North American rules (49 CFR 565.15): the check
/// digit in position 9 (letters transliterated A=1 ... Z=9, weights 8,7,6,5,4,3,2,10,0,9,8,...,2, sum mod 11, 10
/// written X) and the last four characters digits; and it needs a letter beyond A-F, because one 17-character hex
/// string in about 18 and one 17-digit number in 11 pass the check digit (hashes, Steam and Discord ids).
/// <see cref="RecognizerScores.Checksum"/>: random 17-character tokens of capitals and digits pass all of that about
/// once in 19,000 (drawn from the VIN alphabet itself, once in 4,000). Right after a key word naming the VIN (<c>VIN</c>, <c>chassis number</c>, <c>Fahrgestellnummer</c>,
/// <c>FIN</c>, <c>numéro de série</c>, <c>chassisnummer</c>, <c>número de bastidor</c>, <c>numero di telaio</c>), a
/// token with at least two letters and two digits counts too: <see cref="RecognizerScores.Checksum"/> when its check
/// digit passes, else <see cref="RecognizerScores.Structural"/> (European VINs need not carry one).
/// </summary>
internal sealed partial class VinRecognizer : IRecognizer
{
    private const int Length = 17;
    private const int CheckPosition = 8;

    /// <summary>The check-digit value of A-Z (I, O and Q never occur).</summary>
    private static ReadOnlySpan<byte> LetterValues => [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9];

    private static ReadOnlySpan<byte> Weights => [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    private static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>A word every key word of <see cref="KeyedPattern"/> holds but <c>FIN</c>.</summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["vin", "identifi", "chassis", "fahrgestell", "série", "serie", "bastidor", "telaio"], StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Vin];

    public IReadOnlyList<string> Context { get; } =
        ["vin", "vehicle", "chassis", "fahrgestell", "fahrzeug", "véhicule", "voertuig", "bastidor", "telaio"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (AddStandalone(text, results) && HasKeyWord(text))
        {
            AddKeyed(text, results);
        }
    }

    /// <summary>
    /// Appends every token that is a VIN on its own; returns whether a 17-character token of the VIN alphabet was
    /// left, which a key word before it could still make one.
    /// </summary>
    internal static bool AddStandalone(string text, List<EntitySpan> results)
    {
        Span<char> vin = stackalloc char[Length];
        var left = false;
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(LettersAndDigits);
            if (found < 0)
            {
                break;
            }

            var start = from + found;
            var run = text.AsSpan(start).IndexOfAnyExcept(LettersAndDigits);
            var end = run < 0 ? text.Length : start + run;
            from = end;
            if (end - start != Length || !IsWholeToken(text, start, end) || !TryUpper(text.AsSpan(start, Length), vin))
            {
                continue;
            }

            if (StandsAlone(vin))
            {
                results.Add(new EntitySpan(EntityTypes.Vin, start, end, RecognizerScores.Checksum, nameof(VinRecognizer)));
            }
            else
            {
                left = true;
            }
        }

        return left;
    }

    /// <summary>Appends the tokens right after a key word that <see cref="AddStandalone"/> did not take.</summary>
    internal static void AddKeyed(string text, List<EntitySpan> results)
    {
        Span<char> vin = stackalloc char[Length];
        foreach (Match match in KeyedPattern().Matches(text))
        {
            var number = match.Groups["num"];
            if (!TryUpper(number.ValueSpan, vin) || StandsAlone(vin) || !HasLettersAndDigits(vin))
            {
                continue;
            }

            var score = HasValidCheckDigit(vin) ? RecognizerScores.Checksum : RecognizerScores.Structural;
            results.Add(new EntitySpan(EntityTypes.Vin, number.Index, number.Index + number.Length, score, nameof(VinRecognizer)));
        }
    }

    /// <summary>The gate in front of <see cref="KeyedPattern"/>: false only where it cannot match (<c>FIN</c> in capitals in both).</summary>
    internal static bool HasKeyWord(string text) =>
        text.AsSpan().ContainsAny(KeyWords) || text.Contains("FIN", StringComparison.Ordinal);

    /// <summary>Check digit, last four characters digits, and a letter beyond A-F (<paramref name="vin"/> upper-cased).</summary>
    internal static bool StandsAlone(ReadOnlySpan<char> vin) =>
        HasValidCheckDigit(vin) && !vin[^4..].ContainsAnyExceptInRange('0', '9') && vin.ContainsAnyInRange('G', 'Z');

    /// <summary>The North American check digit of an upper-case VIN: position 9 holds the weighted sum mod 11, 10 as X.</summary>
    internal static bool HasValidCheckDigit(ReadOnlySpan<char> vin)
    {
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            var c = vin[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : LetterValues[c - 'A']) * Weights[i];
        }

        var check = sum % 11;
        return vin[CheckPosition] == (check == 10 ? 'X' : (char)('0' + check));
    }

    /// <summary>
    /// Copies <paramref name="token"/> upper-cased into <paramref name="vin"/>: false unless it is 17 characters of the
    /// VIN alphabet, not mixed in case.
    /// </summary>
    private static bool TryUpper(ReadOnlySpan<char> token, Span<char> vin)
    {
        if (token.Length != Length || token.ContainsAny("IOQioq") || (token.ContainsAnyInRange('a', 'z') && token.ContainsAnyInRange('A', 'Z')))
        {
            return false;
        }

        token.ToUpperInvariant(vin);
        return true;
    }

    private static bool HasLettersAndDigits(ReadOnlySpan<char> vin)
    {
        var digits = DigitBuffer.Count(vin);
        return digits >= 2 && Length - digits >= 2;
    }

    /// <summary>
    /// No word character on either side, no letter or digit and <c>-</c> before (<c>ORD-...</c>), no <c>-</c> or
    /// <c>.</c> and a letter or digit after (<c>...-12</c>, <c>....5</c>). A slash does not join: paths hold VINs.
    /// </summary>
    private static bool IsWholeToken(string text, int start, int end) =>
        TextBoundary.IsIsolated(text, start, end)
        && !(start >= 2 && text[start - 1] == '-' && char.IsLetterOrDigit(text[start - 2]))
        && !(end + 1 < text.Length && text[end] is '-' or '.' && char.IsLetterOrDigit(text[end + 1]));

    /// <summary>
    /// A key word, an optional number word, a separator, and 17 characters of the VIN alphabet as a whole token (the
    /// same token <see cref="AddStandalone"/> reads; its case and letter rules are checked in code).
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:vin|vehicle[ \t\u00A0]+identification[ \t\u00A0]+number|(?-i:FIN)|chassis(?:nummer)?" +
        @"|fahrgestell(?:-?nummer|-?nr\.?)|fahrzeug-?identifi(?:zierungs|kations)-?nummer" +
        @"|num[ée]ro[ \t\u00A0]+de[ \t\u00A0]+s[ée]rie|bastidor|telaio)" +
        @"(?:[ \t\u00A0]+" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator +
        @"(?<![\p{L}\p{N}_])(?<num>(?-i:[A-HJ-NPR-Za-hj-npr-z0-9]{17}))(?![\p{L}\p{N}_]|[-.][\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex KeyedPattern();
}
