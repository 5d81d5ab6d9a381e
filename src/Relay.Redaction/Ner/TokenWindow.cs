namespace StealthRelay.Redaction.Ner;

/// <summary>A slice of one text's tokens that fits the model: tokens [Start, Start + Length) of text TextIndex.</summary>
internal readonly record struct TokenWindow(int TextIndex, int Start, int Length)
{
    /// <summary>
    /// How far token <paramref name="token"/> lies from the nearest edge of this window: where windows overlap, the
    /// prediction of the window in which the token is most central (most context on both sides) wins.
    /// </summary>
    public int Centrality(int token) => Math.Min(token - Start, Start + Length - 1 - token);

    /// <summary>
    /// Windows of at most <paramref name="windowLength"/> tokens over <paramref name="tokenCount"/> tokens, consecutive
    /// windows sharing <paramref name="overlap"/> tokens (capped at half a window); the last window ends at the last
    /// token. A text with no tokens has no window.
    /// </summary>
    public static void Plan(int textIndex, int tokenCount, int windowLength, int overlap, List<TokenWindow> windows)
    {
        if (tokenCount == 0)
        {
            return;
        }

        if (tokenCount <= windowLength)
        {
            windows.Add(new TokenWindow(textIndex, 0, tokenCount));
            return;
        }

        var step = windowLength - Math.Clamp(overlap, 0, windowLength / 2);
        var start = 0;
        while (true)
        {
            if (start + windowLength >= tokenCount)
            {
                windows.Add(new TokenWindow(textIndex, tokenCount - windowLength, windowLength));
                return;
            }

            windows.Add(new TokenWindow(textIndex, start, windowLength));
            start += step;
        }
    }
}
