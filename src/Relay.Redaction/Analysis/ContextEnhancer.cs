using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Presidio-style context: a recognizer's context word among the five words before a match raises its score by 0.35,
/// capped at 1.0. A context word of letters and digits only matches case-insensitively, also inside a longer word
/// ("phone" in "telephone"), or, when shorter than five characters, at a word's start ("tax" in "taxpayer", not in
/// "syntax"). One with blanks or punctuation ("social security", "steuer-id", "d.o.b", "ss#") is a
/// phrase: its letter-and-digit runs must be consecutive whole words there, case-insensitively ("Social Security
/// No.", "D.O.B.", "SS#").
/// </summary>
internal static class ContextEnhancer
{
    public const int WindowWords = 5;
    public const double Boost = 0.35;

    /// <summary>
    /// One-word context words shorter than this match only at the start of a word ("tax" in "taxpayer", "ip" in "ipv4"),
    /// since inside words they are everywhere ("itin" in "writing", "tax" in "syntax", "tin" in "meeting", "age" in
    /// "message"); longer ones match anywhere inside ("phone" in "telephone", "telefon" in "Telefonnummer").
    /// </summary>
    public const int MinInnerMatchLength = 5;

    /// <summary>Longest text between two values of a list (<c>", and "</c>, a line break and a bullet).</summary>
    private const int MaxListSeparatorLength = 16;

    private static readonly string[] ListWords = KeyedNumber.ListWords.Split('|');

    /// <summary>
    /// Enhances each of one recognizer's <paramref name="spans"/> in place. A span that continues a list (only a list
    /// separator between it and the span of the same type before it: a comma, semicolon, slash, "and"/"or", a line break
    /// with an optional bullet) shares the context of the span it continues: in "SSNs: 536904399, 536904398, ..." the
    /// context word is five words before the first numbers only, and each later number is as much an SSN as they are.
    /// </summary>
    public static void EnhanceEach(string text, List<EntitySpan> spans, IReadOnlyList<string> context)
    {
        if (context.Count == 0 || spans.Count == 0)
        {
            return;
        }

        if (spans.Count > 1)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }

        var previousHadContext = false;
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var continuesList = previousHadContext && i > 0 && spans[i - 1].Type == span.Type && IsListSeparator(text, spans[i - 1].End, span.Start);
            var hasContext = continuesList || HasContextBefore(text, span.Start, context);
            if (hasContext && span.Score < 1.0)
            {
                spans[i] = span with { Score = Math.Min(1.0, span.Score + Boost) };
            }

            previousHadContext = hasContext;
        }
    }

    /// <summary>True when <c>text[from..to)</c> joins two values of a list.</summary>
    internal static bool IsListSeparator(string text, int from, int to)
    {
        if (from > to || to - from > MaxListSeparatorLength)
        {
            return false;
        }

        var gap = text.AsSpan(from, to - from);
        var tokens = 0;
        var i = 0;
        while (i < gap.Length)
        {
            var c = gap[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is ',' or ';' or '/' or '&' or '-' or '*' or '•')
            {
                i++;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < gap.Length && char.IsLetter(gap[i]))
                {
                    i++;
                }

                if (!IsListWord(gap[start..i]))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }

            if (++tokens > 2)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsListWord(ReadOnlySpan<char> word)
    {
        foreach (var listWord in ListWords)
        {
            if (word.Equals(listWord, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasContextBefore(string text, int start, IReadOnlyList<string> context)
    {
        // the window's words, nearest first: starts and lengths
        Span<int> starts = stackalloc int[WindowWords];
        Span<int> lengths = stackalloc int[WindowWords];
        var count = 0;
        var i = Math.Min(start, text.Length) - 1;
        while (count < WindowWords)
        {
            while (i >= 0 && !char.IsLetterOrDigit(text[i]))
            {
                i--;
            }

            if (i < 0)
            {
                break;
            }

            var end = i + 1;
            while (i >= 0 && char.IsLetterOrDigit(text[i]))
            {
                i--;
            }

            starts[count] = i + 1;
            lengths[count] = end - i - 1;
            count++;
        }

        foreach (var c in context)
        {
            if (c.Length == 0)
            {
                continue;
            }

            if (IsOneWord(c))
            {
                for (var w = 0; w < count; w++)
                {
                    var word = text.AsSpan(starts[w], lengths[w]);
                    if (c.Length < MinInnerMatchLength
                            ? word.StartsWith(c, StringComparison.OrdinalIgnoreCase)
                            : word.Contains(c, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
            else if (HasPhrase(text, starts[..count], lengths[..count], c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneWord(string contextWord)
    {
        foreach (var ch in contextWord)
        {
            if (!char.IsLetterOrDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the letter-and-digit runs of <paramref name="phrase"/> are, in order, consecutive whole words of the
    /// window (given nearest first, so the phrase's first run is compared with a farther word than its second).
    /// </summary>
    private static bool HasPhrase(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, string phrase)
    {
        // the farthest word the phrase may start at is the window's last; try each start from there towards the match
        for (var first = starts.Length - 1; first >= 0; first--)
        {
            var w = first;
            var p = 0;
            var matched = true;
            var runs = 0;
            while (true)
            {
                while (p < phrase.Length && !char.IsLetterOrDigit(phrase[p]))
                {
                    p++;
                }

                if (p == phrase.Length)
                {
                    break;
                }

                var runStart = p;
                while (p < phrase.Length && char.IsLetterOrDigit(phrase[p]))
                {
                    p++;
                }

                if (w < 0 || !text.AsSpan(starts[w], lengths[w]).Equals(phrase.AsSpan(runStart, p - runStart), StringComparison.OrdinalIgnoreCase))
                {
                    matched = false;
                    break;
                }

                runs++;
                w--;
            }

            if (matched && runs > 0)
            {
                return true;
            }
        }

        return false;
    }
}
