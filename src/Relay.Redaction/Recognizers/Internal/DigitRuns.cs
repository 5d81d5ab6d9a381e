namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// The runs of ASCII digits in a text, one after another (a vectorized search for the first digit of each): the cheap
/// scan in front of a regex that can only match where a run of some shape stands.
/// </summary>
internal static class DigitRuns
{
    /// <summary>True when <paramref name="accept"/> holds for some run (its first digit, and one past its last).</summary>
    public static bool Any(string text, Func<string, int, int, bool> accept)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAnyInRange('0', '9');
            if (found < 0)
            {
                return false;
            }

            var start = from + found;
            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (accept(text, start, end))
            {
                return true;
            }

            from = end;
        }

        return false;
    }
}
