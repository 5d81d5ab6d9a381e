namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>Shannon entropy of a string, in bits per character, over its own character distribution.</summary>
internal static class ShannonEntropy
{
    public static double BitsPerChar(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        // ASCII counted exactly; anything else shares one bucket (secrets are ASCII).
        Span<int> counts = stackalloc int[129];
        counts.Clear();
        foreach (var c in value)
        {
            counts[c < 128 ? c : 128]++;
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / value.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }
}
