using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// A number right after a key word that names it (<c>passport no. 123456789</c>, <c>DL# D1234567</c>): the regex pieces
/// and the match loop the passport and driving licence recognizers share. Their patterns capture the number as
/// <c>num</c>; the key word stays in the text.
/// </summary>
internal static class KeyedNumber
{
    /// <summary>
    /// A number word after the key word, singular or plural: number(s), nummer(n), numéro(s), número(s), núm., no(s).,
    /// nr(s)., n°, nº, n., ID(s).
    /// </summary>
    public const string NumberWord = @"(?:numbers?|nummern?|num[ée]ros?|n[úu]meros?|n[úu]m\.?|nos?\.?|nrs?\.?|n[°º.]|ids?)";

    /// <summary>
    /// Between the key word and the number: a colon, an equals sign or <c>#</c>, the number possibly on the next line
    /// (a form, or a list with a bullet); blanks with an optional "is" (ist, lautet, est, es, è); a short bracket
    /// (<c>Passport (UK): </c>); or nothing after a dot or a degree sign (<c>Nr.123</c>).
    /// </summary>
    public const string Separator =
        @"(?:[ \t\u00A0]*[:=#][ \t\u00A0]*(?:" + NextLine + ")?|" +
        @"[ \t\u00A0]+(?:(?:is|ist|lautet|est|es|è)[ \t\u00A0]+)?" +
        @"|[ \t\u00A0]*\([^)\n]{0,20}\)[ \t\u00A0]*:?[ \t\u00A0]*|(?<=[.°º#]))";

    /// <summary>A line break, blanks and an optional bullet (<c>-</c>, <c>*</c>, <c>•</c>): the value of a form or list on the next line.</summary>
    public const string NextLine = @"\r?\n[ \t\u00A0]*(?:[-*•][ \t\u00A0]+)?";

    /// <summary>
    /// The words that join the last two items of a list ("and"/"or" in English, German, French, Dutch, Spanish and
    /// Italian), as a regex alternation; <see cref="Analysis.ContextEnhancer"/> reads the same words.
    /// </summary>
    public const string ListWords = "and|or|und|oder|et|ou|en|of|y|o|e";

    /// <summary>
    /// Between two numbers of a list after one key word (<c>passport numbers: C01X00T47, C01X00T48 and C01X00T49</c>):
    /// a comma, semicolon or slash, "and"/"or" in the six languages or <c>&amp;</c>, or a line break with an optional
    /// bullet. Used by the list patterns, anchored with <c>\G</c> at the end of the number before.
    /// </summary>
    public const string ListSeparator =
        @"(?:[ \t\u00A0]*[,;/][ \t\u00A0]*(?:(?:" + ListWords + @")[ \t\u00A0]+)?" +
        @"|[ \t\u00A0]+(?:" + ListWords + @"|&)[ \t\u00A0]+" +
        @"|[ \t\u00A0]*" + NextLine + ")";

    /// <summary>After the number: neither a word character nor a joiner with more of the token (<c>-12</c>, <c>/A</c>, <c>.5</c>).</summary>
    public const string End = @"(?![\p{L}\p{N}_]|[-./][\p{L}\p{N}])";

    /// <summary>
    /// Appends the <c>num</c> group of every match of <paramref name="pattern"/> with <paramref name="minLength"/> to
    /// <paramref name="maxLength"/> characters and at least one digit (a word in capitals is not a number), at
    /// <see cref="RecognizerScores.Structural"/>: the key word is the structure.
    /// </summary>
    /// <remarks>
    /// With <paramref name="listItem"/> (a pattern starting with <c>\G</c>, a <see cref="ListSeparator"/> and a
    /// <c>num</c> group), the numbers that follow a match as a list are taken too, as long as each is a valid number:
    /// one key word often names several (<c>account numbers 12345678, 87654321 and 11223344</c>), and each of them is
    /// as much a value as the first.
    /// </remarks>
    public static void Add(
        Regex pattern, string text, int minLength, int maxLength, string type, string source, List<EntitySpan> results, Regex? listItem = null)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var number = match.Groups["num"];
            while (number.Success && number.Length >= minLength && number.Length <= maxLength && number.ValueSpan.ContainsAnyInRange('0', '9'))
            {
                results.Add(new EntitySpan(type, number.Index, number.Index + number.Length, RecognizerScores.Structural, source));
                if (listItem is null)
                {
                    break;
                }

                number = listItem.Match(text, number.Index + number.Length).Groups["num"];
            }
        }
    }
}
