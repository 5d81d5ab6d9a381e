using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// A number right after a key word that names it (<c>passport no. 123456789</c>, <c>DL# D1234567</c>): the regex pieces
/// and the match loop the passport and driving licence recognizers share. Their patterns capture the number as
/// <c>num</c>; the key word stays in the text.
/// </summary>
internal static class KeyedNumber
{
    /// <summary>A number word after the key word: number, nummer, numéro, número, núm., no., nr., n°, nº, n., ID.</summary>
    public const string NumberWord = @"(?:number|nummer|num[ée]ro|n[úu]mero|n[úu]m\.?|no\.?|nr\.?|n[°º.]|id)";

    /// <summary>
    /// Between the key word and the number: a colon, an equals sign or <c>#</c>; blanks with an optional "is" (ist,
    /// lautet, est, es, è); a short bracket (<c>Passport (UK): </c>); or nothing after a dot or a degree sign (<c>Nr.123</c>).
    /// </summary>
    public const string Separator =
        @"(?:[ \t\u00A0]*[:=#][ \t\u00A0]*|[ \t\u00A0]+(?:(?:is|ist|lautet|est|es|è)[ \t\u00A0]+)?" +
        @"|[ \t\u00A0]*\([^)\n]{0,20}\)[ \t\u00A0]*:?[ \t\u00A0]*|(?<=[.°º#]))";

    /// <summary>After the number: neither a word character nor a joiner with more of the token (<c>-12</c>, <c>/A</c>, <c>.5</c>).</summary>
    public const string End = @"(?![\p{L}\p{N}_]|[-./][\p{L}\p{N}])";

    /// <summary>
    /// Appends the <c>num</c> group of every match of <paramref name="pattern"/> with <paramref name="minLength"/> to
    /// <paramref name="maxLength"/> characters and at least one digit (a word in capitals is not a number), at
    /// <see cref="RecognizerScores.Structural"/>: the key word is the structure.
    /// </summary>
    public static void Add(Regex pattern, string text, int minLength, int maxLength, string type, string source, List<EntitySpan> results)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var number = match.Groups["num"];
            if (number.Length >= minLength && number.Length <= maxLength && number.ValueSpan.ContainsAnyInRange('0', '9'))
            {
                results.Add(new EntitySpan(type, number.Index, number.Index + number.Length, RecognizerScores.Structural, source));
            }
        }
    }
}
