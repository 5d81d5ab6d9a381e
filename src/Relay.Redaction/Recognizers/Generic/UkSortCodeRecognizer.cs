using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// UK_SORT_CODE: the six digits that name a UK bank branch, <c>20-00-00</c>, <c>20 00 00</c> or <c>200000</c> (one
/// separator throughout), right after a key word naming them (<c>sort code</c>, <c>sortcode</c>, <c>sort-code</c>,
/// <c>S/C</c> in capitals), past a colon, an equals sign, <c>#</c>, "is" or a short bracket. A sort code has no check
/// digit (the modulus rules that exist check it with an account number, against Vocalink's tables) and a bare
/// <c>20-00-00</c> is as often a date or a score, so only a named one counts. With the account number it pays into an
/// account (BANK_ACCOUNT takes that number after its own key word). The span is the digits; the key word stays.
/// <see cref="RecognizerScores.Structural"/>: the key word is the structure.
/// </summary>
internal sealed partial class UkSortCodeRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.UkSortCode];

    public IReadOnlyList<string> Context { get; } = ["bank", "account", "branch", "payee"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (HasKeyWord(text))
        {
            KeyedNumber.Add(SortCodePattern(), text, 6, 8, EntityTypes.UkSortCode, nameof(UkSortCodeRecognizer), results, ListItemPattern());
        }
    }

    /// <summary>The gate: false only where <see cref="SortCodePattern"/> cannot match (<c>S/C</c> is upper case in both).</summary>
    internal static bool HasKeyWord(string text) =>
        text.Contains("sort", StringComparison.OrdinalIgnoreCase) || text.Contains("S/C", StringComparison.Ordinal);

    /// <summary>A key word, a separator and three pairs of digits, one separator (dash, blank or none) throughout.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:sort(?:[ \t\u00A0]+|-)?codes?|(?-i:S/C))" + KeyedNumber.Separator +
        @"(?<num>[0-9]{2}(?<sep>[- ]?)[0-9]{2}\k<sep>[0-9]{2})" + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex SortCodePattern();

    /// <summary>The next sort code of a list after one key word (<c>sort codes 20-00-00, 40-47-84</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator + @"(?<num>[0-9]{2}(?<sep>[- ]?)[0-9]{2}\k<sep>[0-9]{2})" + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex ListItemPattern();
}
