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
    /// The fewest windows of at most <paramref name="maxLength"/> tokens that cover <paramref name="tokenCount"/> tokens
    /// with consecutive windows sharing at least <paramref name="overlap"/> tokens (capped at half a window), all of the
    /// same length and evenly spaced: the first starts at the first token, the last ends at the last token. Even
    /// windows repeat as few tokens as the overlap allows (511 tokens in windows of 510 are two windows of 288, not two
    /// of 510). A text with no tokens has no window.
    /// </summary>
    public static void Plan(int textIndex, int tokenCount, int maxLength, int overlap, List<TokenWindow> windows)
    {
        if (tokenCount == 0)
        {
            return;
        }

        if (tokenCount <= maxLength)
        {
            windows.Add(new TokenWindow(textIndex, 0, tokenCount));
            return;
        }

        var shared = Math.Clamp(overlap, 0, maxLength / 2);
        var count = DivideRoundingUp(tokenCount - shared, maxLength - shared);
        var length = DivideRoundingUp(tokenCount + ((count - 1) * shared), count);
        var spread = tokenCount - length;
        for (var i = 0; i < count; i++)
        {
            // Rounding down keeps every gap between starts at most ceil(spread / (count - 1)) <= length - shared.
            windows.Add(new TokenWindow(textIndex, (int)((long)i * spread / (count - 1)), length));
        }
    }

    private static int DivideRoundingUp(int dividend, int divisor) => (dividend + divisor - 1) / divisor;
}
