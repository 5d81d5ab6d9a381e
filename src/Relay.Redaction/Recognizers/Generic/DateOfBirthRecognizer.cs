using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// DATE_OF_BIRTH: a date right after a key word that says it is one (<c>DOB</c>, <c>date of birth</c>, <c>born on</c>,
/// <c>Geburtsdatum</c>, <c>geboren am</c>, <c>né le</c>, <c>date de naissance</c>, <c>geboortedatum</c>, <c>fecha de
/// nacimiento</c>, <c>data di nascita</c>, and their plurals), past a colon or blanks, and each date of a list after one
/// key word: <c>03/14/1985</c>, <c>14.03.1985</c>,
/// <c>1985-03-14</c>, <c>14 March 1985</c>, <c>March 14, 1985</c>, <c>3. März 1985</c>, <c>14 mars 1985</c>. A date of
/// birth is one of the identifiers medical and HR notes carry; other dates are not PII and are left alone, so the
/// key word is required. The date must exist (day-first or month-first for the numeric forms) with a year from 1880
/// to 2100, or two digits; month names in en, de, fr, nl, es and it. <see cref="RecognizerScores.Structural"/>.
/// </summary>
internal sealed partial class DateOfBirthRecognizer : IRecognizer
{
    private static readonly FrozenDictionary<string, int> Months = BuildMonths();

    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["dob", "d.o.b", "birth", "born", "geburt", "geboren", "geb.", "naissance", "né", "nee le", "geboorte", "nacimiento",
            "nacid", "nascita", "nato il", "nata il"],
        StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.DateOfBirth];

    public IReadOnlyList<string> Context { get; } = ["patient", "employee", "birth", "age", "geburt", "naissance", "geboorte"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (!text.AsSpan().ContainsAnyInRange('0', '9') || !text.AsSpan().ContainsAny(KeyWords))
        {
            return;
        }

        foreach (Match match in DatePattern().Matches(text))
        {
            // One key word may name a list of dates: each that exists is one.
            for (var m = match; m.Success && IsDate(m); m = ListItemPattern().Match(text, m.Index + m.Length))
            {
                var date = m.Groups["date"];
                results.Add(new EntitySpan(EntityTypes.DateOfBirth, date.Index, date.Index + date.Length, RecognizerScores.Structural, nameof(DateOfBirthRecognizer)));
            }
        }
    }

    private static bool IsDate(Match m)
    {
        if (m.Groups["iso"].Success)
        {
            return Exists(Number(m.Groups["y"]), Number(m.Groups["a"]), Number(m.Groups["b"]));
        }

        if (m.Groups["a"].Success)
        {
            // Numeric, day and month in either order (14.03.1985 or 03/14/1985).
            var year = Year(m.Groups["y"]);
            int a = Number(m.Groups["a"]), b = Number(m.Groups["b"]);
            return Exists(year, b, a) || Exists(year, a, b);
        }

        var month = m.Groups["month"].Value.TrimEnd('.').ToLowerInvariant();
        return Months.TryGetValue(month, out var number) && Exists(Year(m.Groups["y"]), number, Number(m.Groups["d"]));
    }

    private static int Number(Group g) => int.Parse(g.ValueSpan, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Two digits stand for 19xx or 20xx; read as 20xx, whose leap years are 19xx's except 00 (29.02.00 exists in 2000).</summary>
    private static int Year(Group g) => g.Length == 2 ? 2000 + Number(g) : Number(g);

    private static bool Exists(int year, int month, int day) =>
        year is >= 1880 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static FrozenDictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "januari", "enero", "ene", "gennaio", "gen"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "februari", "febrero", "febbraio"],
            ["march", "mar", "märz", "maerz", "mars", "maart", "mrt", "marzo"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mei", "mayo", "maggio", "mag"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"],
            ["august", "aug", "août", "aout", "augustus", "agosto", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"],
            ["november", "nov", "novembre", "noviembre"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months.TryAdd(name, i + 1);
            }
        }

        return months.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The key words, singular and plural (<c>dates of birth</c>, <c>Geburtsdaten</c>, <c>fechas de nacimiento</c>).</summary>
    private const string KeyWord =
        @"(?<![\p{L}\p{N}_])(?:dob|d\.o\.b\.?|dates?[ \t\u00A0]+of[ \t\u00A0]+birth|birth[ \t\u00A0]?dates?|birthdays?|born(?:[ \t\u00A0]+on)?" +
        @"|geburtsdat(?:um|en)|geburtstage?|geboren(?:[ \t\u00A0]+(?:am|op))?|geb\.|dates?[ \t\u00A0]+de[ \t\u00A0]+naissance|n[ée]e?[ \t\u00A0]+le" +
        @"|geboortedat(?:um|a)|fechas?[ \t\u00A0]+de[ \t\u00A0]+nacimiento|nacid[oa]s?[ \t\u00A0]+el|dat[ae][ \t\u00A0]+di[ \t\u00A0]+nascita|nat[oa][ \t\u00A0]+il)";

    /// <summary>
    /// The date: ISO, numeric with one separator (day and month in either order), day and month name, or month name and
    /// day, each with its year; a whole token.
    /// </summary>
    private const string Date =
        @"(?<date>(?<iso>(?<y>[0-9]{4})-(?<a>[0-9]{2})-(?<b>[0-9]{2}))" +
        @"|(?<a>[0-9]{1,2})(?<s>[./-])(?<b>[0-9]{1,2})\k<s>(?<y>[0-9]{4}|[0-9]{2})" +
        @"|(?<d>[0-9]{1,2})\.?[ \t\u00A0]+(?<month>\p{L}{3,9}\.?)[ \t\u00A0]+(?<y>[0-9]{4})" +
        @"|(?<month>\p{L}{3,9}\.?)[ \t\u00A0]+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?[ \t\u00A0]+(?<y>[0-9]{4}))(?![\p{L}\p{N}_])";

    /// <summary>A key word, a colon (the date possibly on the next line) or blanks, and a date.</summary>
    [GeneratedRegex(
        KeyWord + @"(?:[ \t\u00A0]*[:=][ \t\u00A0]*(?:" + KeyedNumber.NextLine + @")?|[ \t\u00A0]+|(?<=\.))" + Date,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex DatePattern();

    /// <summary>The next date of a list after one key word (<c>dates of birth: 03/14/1985, 04/15/1986 and 05/16/1987</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator + Date,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex ListItemPattern();
}
