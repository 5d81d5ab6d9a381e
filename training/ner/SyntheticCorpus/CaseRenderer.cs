namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// Re-cases a document line by line (original, UPPER, lower, Title) without changing its length, so entity
/// offsets stay valid: people paste shouting tickets, lower-case chat and title-cased subject lines.
/// </summary>
internal static class CaseRenderer
{
    public static AnnotatedText Render(AnnotatedText doc, Random random)
    {
        var chars = doc.Text.ToCharArray();
        var lineStart = 0;
        for (var i = 0; i <= chars.Length; i++)
        {
            if (i == chars.Length || chars[i] == '\n')
            {
                ApplyStyle(chars, lineStart, i, random.NextDouble());
                lineStart = i + 1;
            }
        }

        return doc with { Text = new string(chars) };
    }

    private static void ApplyStyle(char[] chars, int start, int end, double roll)
    {
        // 70 % as generated, 10 % upper, 10 % lower, 10 % title case.
        for (var i = start; i < end; i++)
        {
            chars[i] = roll switch
            {
                < 0.70 => chars[i],
                < 0.80 => char.ToUpperInvariant(chars[i]),
                < 0.90 => char.ToLowerInvariant(chars[i]),
                _ => i == start || !char.IsLetter(chars[i - 1])
                    ? char.ToUpperInvariant(chars[i])
                    : char.ToLowerInvariant(chars[i]),
            };
        }
    }
}
