namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>Copies the ASCII digits of a formatted number into a caller-provided buffer.</summary>
internal static class DigitBuffer
{
    /// <summary>Writes the digits of <paramref name="source"/> into <paramref name="destination"/>; returns the count, or -1 if they do not fit.</summary>
    public static int Collect(ReadOnlySpan<char> source, Span<char> destination)
    {
        var n = 0;
        foreach (var c in source)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == destination.Length)
                {
                    return -1;
                }

                destination[n++] = c;
            }
        }

        return n;
    }
}
