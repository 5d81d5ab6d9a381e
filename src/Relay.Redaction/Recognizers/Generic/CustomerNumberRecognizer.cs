using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// CUSTOMER_NUMBER: the number a company files a customer under, in the support tickets and e-mails people paste into
/// prompts, right after a key word naming it: <c>customer ID</c>, <c>customer no.</c>, <c>client number</c> (these
/// English words only with a number word or <c>#</c> after them; an <c>account</c> number is BANK_ACCOUNT's);
/// <c>Kundennummer</c>, <c>Kunden-Nr.</c>, <c>Kd.-Nr.</c>; <c>numéro client</c>, <c>numéro de client</c>,
/// <c>référence client</c>; <c>klantnummer</c>; <c>número de cliente</c>; <c>codice cliente</c>, <c>numero cliente</c>.
/// The number: up to four letters, an optional dash, then 4 to 12 digits with single dashes between them
/// (<c>4471223</c>, <c>K-100234</c>, <c>CUST-0098812</c>), as a whole token; every number of a list after one key word.
/// Only a named number counts; the span is the number, the key word stays. <see cref="RecognizerScores.Structural"/>.
/// The pattern runs only around the key words (<see cref="AnchoredKeyedScan"/>).
/// </summary>
internal sealed partial class CustomerNumberRecognizer : IRecognizer
{
    /// <summary>A word every key word holds: the pattern runs only around them.</summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["customer", "client", "kunde", "kd.", "klant", "cliente"], StringComparison.OrdinalIgnoreCase);

    private const string Blank = @"[ \t\u00A0]+";

    /// <summary>The English words name a number only with a number word or <c>#</c> after them ("customer 12" is a count).</summary>
    private const string KeyWord =
        @"(?:(?:customers?|clients?)(?=[ \t\u00A0]*(?:ids?\b|numbers?\b|no\b|nr\b|#))" +
        @"|kunden-?(?:nummer|nr\.?)|kd\.?-?nr\.?" +
        @"|num[ée]ro" + Blank + "(?:de" + Blank + ")?client|r[ée]f[ée]rence" + Blank + "client" +
        @"|klantnummer|klant-?nr\.?" +
        @"|n[úu]mero" + Blank + "de" + Blank + "cliente" +
        @"|codice" + Blank + "cliente|numero" + Blank + "(?:di" + Blank + ")?cliente)";

    /// <summary>The number: up to four letters, an optional dash, then 4-12 digits with single dashes between them.</summary>
    private const string CustomerNumber = @"(?<num>[A-Z]{0,4}-?[0-9](?:-?[0-9]){3,11})";

    private const string NumberAfterKeyWord =
        @"(?<![\p{L}\p{N}_])" + KeyWord + @"(?:[ \t\u00A0]*#|[ \t\u00A0]*" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator + CustomerNumber + KeyedNumber.End;

    /// <summary>How far before the word the gate finds its key word may start ("numéro de " before "client").</summary>
    private const int MaxLeadIn = 40;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.CustomerNumber];

    public IReadOnlyList<string> Context { get; } =
        ["customer", "client", "ticket", "order", "support", "kunde", "kundin", "klant", "cliente"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        AnchoredKeyedScan.Add(
            text, KeyWords, MaxLeadIn, AnchoredNumberPattern(), ListItemPattern(), EntityTypes.CustomerNumber, nameof(CustomerNumberRecognizer), results);
    }

    /// <summary>The whole pattern, unanchored: the reference the tests hold the anchored scan to.</summary>
    [GeneratedRegex(NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();

    [GeneratedRegex(@"\G" + NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex AnchoredNumberPattern();

    /// <summary>The next customer number of a list after one key word (<c>customer numbers 4471223 and 4471224</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator + CustomerNumber + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex ListItemPattern();
}
