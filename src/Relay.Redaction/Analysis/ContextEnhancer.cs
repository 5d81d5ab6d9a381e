namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Presidio-style context: a recognizer's context word (case-insensitive, also inside a longer word such as
/// "phone" in "telephone") among the five words before a match raises its score by 0.35, capped at 1.0.
/// </summary>
internal static class ContextEnhancer
{
    public const int WindowWords = 5;
    public const double Boost = 0.35;

    public static EntitySpan Enhance(string text, EntitySpan span, IReadOnlyList<string> context)
    {
        if (context.Count == 0 || span.Score >= 1.0 || !HasContextBefore(text, span.Start, context))
        {
            return span;
        }

        return span with { Score = Math.Min(1.0, span.Score + Boost) };
    }

    private static bool HasContextBefore(string text, int start, IReadOnlyList<string> context)
    {
        var i = Math.Min(start, text.Length) - 1;
        for (var word = 0; word < WindowWords; word++)
        {
            while (i >= 0 && !char.IsLetterOrDigit(text[i]))
            {
                i--;
            }

            if (i < 0)
            {
                return false;
            }

            var end = i + 1;
            while (i >= 0 && char.IsLetterOrDigit(text[i]))
            {
                i--;
            }

            var w = text.AsSpan(i + 1, end - i - 1);
            foreach (var c in context)
            {
                if (c.Length > 0 && w.Contains(c, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
