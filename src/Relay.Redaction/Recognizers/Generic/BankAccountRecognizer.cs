using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// BANK_ACCOUNT: a bank account number right after a key word naming it (<c>account</c>, <c>account number</c>,
/// <c>acct #</c>, <c>checking account</c>, <c>Kontonummer</c>, <c>Konto-Nr.</c>, <c>numéro de compte</c>,
/// <c>rekeningnummer</c>, <c>número de cuenta</c>, <c>numero di conto</c>), past a colon, an equals sign, <c>#</c>,
/// "is" or a short bracket. The number is 6 to 17 digits (US accounts 6-17, UK 8, German up to 10), plain, in groups
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

    /// <summary>
    /// A word every key word of <see cref="NumberPattern"/> holds: the regex runs only on texts with one. The regex folds
    /// the Kelvin sign onto k and this search does not, so the words with a k are here in both writings.
    /// </summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["account", "acct", "konto", "\u212Aonto", "kto", "\u212Ato", "compte", "rekening", "re\u212Aening", "cuenta", "conto"],
        StringComparison.OrdinalIgnoreCase);

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

        Span<char> digits = stackalloc char[MaxDigits];
        foreach (Match match in NumberPattern().Matches(text))
        {
            var number = match.Groups["num"];
            var count = DigitBuffer.Collect(number.ValueSpan, digits);
            if (count >= MinDigits && !TextBoundary.ContinuesAsNumber(text, number.Index + number.Length) && IsAccountNumber(digits[..count]))
            {
                results.Add(new EntitySpan(
                    EntityTypes.BankAccount, number.Index, number.Index + number.Length, RecognizerScores.Structural, nameof(BankAccountRecognizer)));
            }
        }
    }

    /// <summary>The gate: false only where <see cref="NumberPattern"/> cannot match.</summary>
    internal static bool HasKeyWord(string text) => text.AsSpan().ContainsAny(KeyWords);

    /// <summary>Not one digit repeated (a placeholder), and not a payment card number (the card recognizer's).</summary>
    private static bool IsAccountNumber(ReadOnlySpan<char> d) =>
        d.ContainsAnyExcept(d[0]) && !(d.Length >= 13 && CreditCardRecognizer.IsKnownIssuer(d) && Luhn.IsValid(d));

    /// <summary>
    /// A key word with an optional number word or <c>#</c>, a separator, and digits: plain, in groups joined by single
    /// dashes, or in groups of 3-6 joined by single blanks after a first of 1-6, as a whole token.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:account|acct\.?|(?:bank|giro|spar)?konto(?:-?nummer|-?nr\.?)?|kto\.?(?:-?nr\.?)?" +
        @"|(?:num[ée]ro|n[°º])[ \t\u00A0]+de[ \t\u00A0]+compte|compte[ \t\u00A0]+(?:bancaire|courant)|rekening(?:nummer)?" +
        @"|(?:n[úu]mero|n[°º])[ \t\u00A0]+de[ \t\u00A0]+cuenta|cuenta[ \t\u00A0]+(?:bancaria|corriente)" +
        @"|(?:numero|n[°º.])[ \t\u00A0]+(?:di|del)[ \t\u00A0]+conto|conto[ \t\u00A0]+(?:corrente|bancario))" +
        @"(?:[ \t\u00A0]*#|[ \t\u00A0]+" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator +
        @"(?<num>[0-9]{1,6}(?:[ \t\u00A0][0-9]{3,6})+(?![0-9])|[0-9]+(?:-[0-9]+)*)" + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();
}
