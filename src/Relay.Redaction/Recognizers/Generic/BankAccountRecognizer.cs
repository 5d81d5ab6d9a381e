using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// BANK_ACCOUNT: a bank account number right after a key word naming it (<c>account</c>, <c>account number</c>,
/// <c>acct #</c>, <c>A/C No.</c>, <c>Acc. No.</c>, <c>checking account</c>, <c>Kontonummer</c>, <c>Konto-Nr.</c>, <c>numéro de compte</c>,
/// <c>rekeningnummer</c>, <c>número de cuenta</c>, <c>numero di conto</c>), past a colon, an equals sign, <c>#</c>,
/// "is" or a short bracket. The number is 6 to 17 digits (US accounts 6-17, UK 8, German up to 10), or a Spanish CCC
/// of 20 (<c>2100 0418 45 0200051332</c>: <see cref="RecognizerScores.Checksum"/> when its two check digits hold,
/// <see cref="IsSpanishCcc"/>, else only in its 4-4-2-10 groups, as a mistyped one), plain, in groups
/// joined by single dashes (<c>123-456789-01</c>), or in groups joined by single blanks where every group after the
/// first has 3 to 6 digits (<c>5577 9911</c>; a count after the number, <c>12345678 10 years</c>, is not taken); a
/// longer run is rejected whole, and so is one digit repeated (<c>00000000</c>). A number the credit-card recognizer
/// reports (a known issuer, 13-19 digits, Luhn) is left to it, and an IBAN starts with letters. There is no check
/// digit common to the banks, so only a named number counts. The span is the number; the key word stays.
/// <see cref="RecognizerScores.Structural"/>: the key word is the structure. Named neutrally (Presidio's
/// US_BANK_NUMBER) because the key words are in six languages, as PASSPORT and DRIVER_LICENSE are.
/// </summary>
internal sealed partial class BankAccountRecognizer : IRecognizer
{
    private const int MinDigits = 6;
    private const int MaxDigits = 17;

    /// <summary>The Spanish Código Cuenta Cliente: bank (4), branch (4), two check digits, account (10).</summary>
    private const int CccDigits = 20;

    /// <summary>How every key word of the pattern begins, lower-cased ("n" for numéro, número, numero, n°, nº, n.).</summary>
    private static readonly string[] KeyWordHeads =
        ["acc", "bank", "giro", "spar", "konto", "kto", "n", "compte", "rekening", "cuenta", "ccc", "código", "codigo", "conto"];

    /// <summary>How far before a key-word hit its key word may start ("número de cuenta", "código cuenta cliente").</summary>
    private const int MaxLeadIn = 40;

    /// <summary>
    /// A word every key word of <see cref="NumberPattern"/> holds: the regex runs only on texts with one. The regex folds
    /// the Kelvin sign onto k and this search does not, so the words with a k are here in both writings.
    /// </summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["acc", "a/c", "konto", "\u212Aonto", "kto", "\u212Ato", "compte", "rekening", "re\u212Aening", "cuenta", "conto", "ccc"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The words of <see cref="KeyWords"/>, lower-cased and folded.</summary>
    private static readonly string[] GateWords = ["account", "acct", "acc", "konto", "kto", "compte", "rekening", "cuenta", "conto", "ccc"];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.BankAccount];

    public IReadOnlyList<string> Context { get; } =
        ["bank", "iban", "bic", "swift", "sort code", "routing", "banque", "banco", "banca", "überweisung", "virement", "bonifico"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (!HasKeyWord(text))
        {
            return;
        }

        Span<char> digits = stackalloc char[CccDigits];
        foreach (var first in FindNumbers(text))
        {
            // One key word may name a list: each number of it that is an account number is one.
            for (var number = first; number.Success && Add(text, number, digits, results);)
            {
                number = AnchoredKeyedScan.NextListItem(ListItemPattern(), text, number);
            }
        }
    }

    /// <summary>
    /// The <c>num</c> groups of <see cref="NumberPattern"/>'s matches, found without running it over the whole text: its
    /// key words start with common letters, so it would be tried at nearly every word (58 us per KB once the gate
    /// opens, as on "Contoso"). It runs instead, anchored, only at the word starts up to <see cref="MaxLeadIn"/>
    /// characters before each key-word hit ("numéro de compte" starts ten characters before "compte"), by
    /// <see cref="AnchoredKeyedScan"/>.
    /// </summary>
    internal static IEnumerable<Group> FindNumbers(string text) =>
        AnchoredKeyedScan.FindNumbers(text, KeyWords, MaxLeadIn, AnchoredNumberPattern(), EndsKeyWord, StartsWithKeyWordHead);

    /// <summary>
    /// Whether the key-word hit at <paramref name="hit"/> can end a key word: the letters from it are a key word alone
    /// ("konto", "Konto" in "Bankkonto") or one that goes on ("Kontonummer", "rekeningnummer"); "Contoso" and
    /// "accounting" are none.
    /// </summary>
    private static bool EndsKeyWord(string text, int hit)
    {
        if (IsAccountSlash(text, hit))
        {
            return true;
        }

        var end = hit;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end - hit > 16)
        {
            return false;
        }

        Span<char> word = stackalloc char[end - hit];
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = text[hit + i] switch { '\u212A' => 'k', '\u017F' => 's', var c => char.ToLowerInvariant(c) };
        }

        foreach (var keyWord in GateWords)
        {
            if (word.SequenceEqual(keyWord) || (keyWord == "account" && word.SequenceEqual("accounts"))
                || (keyWord is "konto" or "kto" or "rekening" && word.StartsWith(keyWord, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the word at <paramref name="start"/> can begin a key word of the pattern (a cheap filter: a failed
    /// attempt of the pattern costs about 0.4 us). Folds as the pattern does, the Kelvin sign to k and the long s to s.
    /// </summary>
    private static bool StartsWithKeyWordHead(string text, int start)
    {
        if (IsAccountSlash(text, start))
        {
            return true;
        }

        Span<char> head = stackalloc char[8];
        var n = 0;
        for (var i = start; i < text.Length && n < head.Length && char.IsLetter(text[i]); i++)
        {
            head[n++] = text[i] switch { '\u212A' => 'k', '\u017F' => 's', var c => char.ToLowerInvariant(c) };
        }

        var word = head[..n];
        foreach (var keyWordHead in KeyWordHeads)
        {
            if (word.StartsWith(keyWordHead, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>a/c</c> (any case) at <paramref name="i"/>, not followed by a letter: the bookkeeping abbreviation of "account".</summary>
    private static bool IsAccountSlash(string text, int i) =>
        text.AsSpan(i).StartsWith("a/c", StringComparison.OrdinalIgnoreCase) && (i + 3 == text.Length || !char.IsLetter(text[i + 3]));

    /// <summary>Adds the number when it is an account number; returns whether it was.</summary>
    private static bool Add(string text, Group number, Span<char> digits, List<EntitySpan> results)
    {
        var count = DigitBuffer.Collect(number.ValueSpan, digits);
        if (count < MinDigits || TextBoundary.ContinuesAsNumber(text, number.Index + number.Length))
        {
            return false;
        }

        // A CCC whose check digits hold is one whatever its writing; one in its 4-4-2-10 groups is a mistyped one.
        var score = count <= MaxDigits ? (IsAccountNumber(digits[..count]) ? RecognizerScores.Structural : 0)
            : count != CccDigits ? 0
            : IsSpanishCcc(digits) ? RecognizerScores.Checksum
            : number.Length > CccDigits && digits.ContainsAnyExcept(digits[0]) ? RecognizerScores.Structural
            : 0;
        if (score > 0)
        {
            results.Add(new EntitySpan(EntityTypes.BankAccount, number.Index, number.Index + number.Length, score, nameof(BankAccountRecognizer)));
        }

        return score > 0;
    }

    /// <summary>The gate: false only where <see cref="NumberPattern"/> cannot match.</summary>
    internal static bool HasKeyWord(string text) => text.AsSpan().ContainsAny(KeyWords);

    /// <summary>Not one digit repeated (a placeholder), and not a payment card number (the card recognizer's).</summary>
    private static bool IsAccountNumber(ReadOnlySpan<char> d) =>
        d.ContainsAnyExcept(d[0]) && !(d.Length >= 13 && CreditCardRecognizer.IsKnownIssuer(d) && Luhn.IsValid(d));

    /// <summary>
    /// The two check digits of a Spanish CCC (<c>2100 0418 45 0200051332</c>): the first over <c>00</c> + bank + branch,
    /// the second over the account, each 11 minus the sum weighted 1, 2, 4, 8, 5, 10, 9, 7, 3, 6 modulo 11 (11 is 0,
    /// 10 is 1).
    /// </summary>
    internal static bool IsSpanishCcc(ReadOnlySpan<char> d) =>
        d.Length == CccDigits && d.ContainsAnyExcept(d[0])
        && d[8] - '0' == CccCheckDigit(d[..8], leadingZeros: 2) && d[9] - '0' == CccCheckDigit(d[10..], leadingZeros: 0);

    private static int CccCheckDigit(ReadOnlySpan<char> digits, int leadingZeros)
    {
        ReadOnlySpan<int> weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i + leadingZeros];
        }

        var check = 11 - (sum % 11);
        return check switch { 11 => 0, 10 => 1, _ => check };
    }

    /// <summary>
    /// A key word with an optional number word or <c>#</c>, a separator, and digits: a Spanish CCC in its 4-4-2-10
    /// groups, plain, in groups joined by single dashes, or in groups of 3-6 joined by single blanks after a first of
    /// 1-6, as a whole token.
    /// </summary>
    private const string NumberAfterKeyWord =
        @"(?<![\p{L}\p{N}_])(?:accounts?|acct\.?|a/c|acc\.?(?=[ \t\u00A0]*(?:#|no\b|nr\b|num))|(?:bank|giro|spar)?konto(?:-?nummern?|-?nr\.?)?|kto\.?(?:-?nr\.?)?" +
        @"|(?:num[ée]ros?|n[°º])[ \t\u00A0]+de[ \t\u00A0]+compte|compte[ \t\u00A0]+(?:bancaire|courant)|rekening(?:nummers?)?" +
        @"|(?:n[úu]meros?|n[°º])[ \t\u00A0]+de[ \t\u00A0]+cuenta|cuenta[ \t\u00A0]+(?:bancaria|corriente)|ccc|c[óo]digo[ \t\u00A0]+cuenta[ \t\u00A0]+cliente" +
        @"|(?:numero|n[°º.])[ \t\u00A0]+(?:di|del)[ \t\u00A0]+conto|conto[ \t\u00A0]+(?:corrente|bancario))" +
        @"(?:[ \t\u00A0]*#|[ \t\u00A0]+" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator + AccountNumber + KeyedNumber.End;

    /// <summary>The number: a Spanish CCC in its 4-4-2-10 groups, plain, in groups joined by single dashes, or in groups of 3-6 joined by single blanks.</summary>
    private const string AccountNumber =
        @"(?<num>[0-9]{4}(?<s>[ \t\u00A0-])[0-9]{4}\k<s>[0-9]{2}\k<s>[0-9]{10}(?![0-9])" +
        @"|[0-9]{1,6}(?:[ \t\u00A0][0-9]{3,6})+(?![0-9])|[0-9]+(?:-[0-9]+)*)";

    /// <summary>The next account number of a list after one key word (<c>account numbers 12345678, 87654321 and 11223344</c>).</summary>
    [GeneratedRegex(@"\G" + KeyedNumber.ListSeparator + AccountNumber + KeyedNumber.End, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex ListItemPattern();

    /// <summary>The whole pattern, unanchored: the reference the tests hold the gate and the anchored scan to.</summary>
    [GeneratedRegex(NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();

    /// <summary>The pattern anchored where <see cref="Regex.Match(string, int)"/> starts (<c>\G</c>); its look-behind still sees the text before.</summary>
    [GeneratedRegex(@"\G" + NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex AnchoredNumberPattern();
}
