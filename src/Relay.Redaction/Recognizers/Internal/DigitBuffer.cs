namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>The ASCII digits of a formatted number: copied into a caller-provided buffer, or counted.</summary>
internal static class DigitBuffer
{
    /// <summary>How many ASCII digits <paramref name="source"/> holds.</summary>
    public static int Count(ReadOnlySpan<char> source)
    {
        var n = 0;
        foreach (var c in source)
        {
            n += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return n;
    }

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
