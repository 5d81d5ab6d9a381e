namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>Word-boundary checks: a match must never sit inside a longer alphanumeric run.</summary>
internal static class TextBoundary
{
    /// <summary>Letters, digits and underscore: the characters a token is made of.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>True when no word character touches [start, end) on either side.</summary>
    public static bool IsIsolated(string text, int start, int end) =>
        (start == 0 || !IsWordChar(text[start - 1])) && (end >= text.Length || !IsWordChar(text[end]));

    /// <summary>True when a word ending at <paramref name="end"/> is glued to a following word character (<c>Berlin_</c>, <c>Paris9</c>).</summary>
    public static bool IsGluedAfter(string text, int end) => end < text.Length && IsWordChar(text[end]);

    /// <summary>
    /// True when a number at [start, end) is part of a larger numeric expression: a decimal part (<c>1,5</c>),
    /// a longer dotted/dashed digit chain (<c>1.2.3</c>) or an order/reference marker (<c>#</c>) just before it.
    /// </summary>
    public static bool IsInsideNumericExpression(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] == '#')
        {
            return true;
        }

        if (start >= 2 && IsJoiner(text[start - 1]) && char.IsAsciiDigit(text[start - 2]))
        {
            return true;
        }

        return ContinuesAsNumber(text, end);
    }

    /// <summary>True when a number ending at <paramref name="end"/> goes on past a joiner (<c>123.45</c>, <c>12-34</c>).</summary>
    public static bool ContinuesAsNumber(string text, int end) =>
        end + 1 < text.Length && IsJoiner(text[end]) && char.IsAsciiDigit(text[end + 1]);

    private static bool IsJoiner(char c) => c is '.' or ',' or '-' or '/' or ':';
}
