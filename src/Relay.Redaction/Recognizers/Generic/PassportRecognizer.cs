using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// PASSPORT: a passport number right after a key word naming it (<c>passport no.</c>, <c>passport number</c>,
/// <c>Reisepass</c>, <c>Passnummer</c>, <c>numéro de passeport</c>, <c>paspoortnummer</c>, <c>número de pasaporte</c>,
/// <c>numero di passaporto</c>), past a colon, an equals sign, <c>#</c>, "is", a short bracket or an issuing country
/// in capitals (<c>passport: UK 123456789</c>); key words and number words in the plural too, and every number of a
/// list after one key word (<c>passport numbers: C01X00T47, C01X00T48 and C01X00T49</c>). The number is what passports print: 6 to 9 letters and digits with at
/// least one digit (typed in lower case too: <c>c01x00t47</c>; US and UK 9 digits, DE
/// <c>C01X00T47</c>, FR <c>12AB34567</c>, NL <c>NPFH45K12</c>, ES <c>PAA123456</c>); no national format has a
/// separator inside it. Each country's letters and lengths differ and none prints a check character in the number,
/// so only a named number counts. The span is the number; the key word stays, so the model still reads what the
/// value was. <see cref="RecognizerScores.Structural"/>: the key word is the structure.
/// </summary>
internal sealed partial class PassportRecognizer : IRecognizer
{
    /// <summary>A word every key word of <see cref="NumberPattern"/> holds: the regex runs only on texts with one.</summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["passport", "reisepass", "reisepäss", "passn", "pass-n", "passeport", "paspoort", "pasaporte", "passaport"],
        StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Passport];

    public IReadOnlyList<string> Context { get; } =
        ["passport", "reisepass", "passeport", "paspoort", "pasaporte", "passaporto", "travel", "nationality"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (HasKeyWord(text))
        {
            KeyedNumber.Add(NumberPattern(), text, 6, 9, EntityTypes.Passport, nameof(PassportRecognizer), results, ListItemPattern());
        }
    }

    /// <summary>The gate: false only where <see cref="NumberPattern"/> cannot match.</summary>
    internal static bool HasKeyWord(string text) => text.AsSpan().ContainsAny(KeyWords);

    /// <summary>
    /// A key word, an optional number word, a separator, an optional issuing country in capitals (<c>UK</c>,
    /// <c>USA</c>), and 6-9 letters and digits (any case) as a whole token.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:passports?|reisep(?:ass|ässe)(?:-?nummern?|-?nr\.?)?|pass(?:-?nummern?|-?nr\.?)|passeports?|paspoort(?:en|nummers?)?|pasaportes?|passaport[oi])" +
        @"(?:[ \t\u00A0]+" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator +
        @"(?:(?-i:[A-Z]{2,3})[ \t\u00A0]+(?=[A-Za-z]*[0-9]))?(?<num>[A-Z0-9]{6,9})" + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();

    /// <summary>The next passport number of a list after one key word (<c>passport numbers: C01X00T47, C01X00T48</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator + @"(?<num>[A-Z0-9]{6,9})" + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex ListItemPattern();
}
