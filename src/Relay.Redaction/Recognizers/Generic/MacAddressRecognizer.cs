namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// MAC_ADDRESS: a network interface's hardware address, which identifies one device (and so its owner) wherever it is
/// seen: six pairs of hex digits joined by colons or by hyphens, the same joiner throughout (<c>00:1A:2B:3C:4D:5E</c>,
/// <c>00-1a-2b-3c-4d-5e</c>), or three dotted groups of four (<c>001a.2b3c.4d5e</c>). Found by a scan of the joiners,
/// not a regex. Not glued to more hex digits or joiners (an IPv6 address, a longer hash), and not all zeros or the
/// broadcast address (no device has them). <see cref="RecognizerScores.Structural"/>: there is no check digit, but
/// the shape is unambiguous.
/// </summary>
internal sealed class MacAddressRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.MacAddress];

    public IReadOnlyList<string> Context { get; } = ["mac", "mac address", "hardware address", "ethernet", "wifi", "wlan", "device"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(':', '-', '.');
            if (found < 0)
            {
                return;
            }

            var joiner = from + found;
            var start = text[joiner] == '.' ? joiner - 4 : joiner - 2;
            var length = text[joiner] == '.' ? 14 : 17;
            if (start >= 0 && IsMac(text, start, length))
            {
                results.Add(new EntitySpan(EntityTypes.MacAddress, start, start + length, RecognizerScores.Structural, nameof(MacAddressRecognizer)));
                from = start + length;
            }
            else
            {
                from = joiner + 1;
            }
        }
    }

    /// <summary>Whether the <paramref name="length"/> characters at <paramref name="start"/> are a MAC address standing alone.</summary>
    internal static bool IsMac(string text, int start, int length)
    {
        var end = start + length;
        if (end > text.Length || !StandsAlone(text, start, end))
        {
            return false;
        }

        var value = text.AsSpan(start, length);
        var group = length == 14 ? 4 : 2;
        var joiner = value[group];
        for (var i = 0; i < value.Length; i++)
        {
            var isJoiner = (i + 1) % (group + 1) == 0;
            if (isJoiner ? value[i] != joiner : !char.IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }

        return value.ContainsAnyExcept(joiner, '0') && value.ContainsAnyExcept(joiner, 'f', 'F');
    }

    /// <summary>No letter, digit or joiner continues the value on either side (so no part of an IPv6 address or a longer run).</summary>
    private static bool StandsAlone(string text, int start, int end) =>
        (start == 0 || !(char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is ':' or '-' or '_'
            || (text[start - 1] == '.' && start >= 2 && char.IsLetterOrDigit(text[start - 2]))))
        && (end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is ':' or '-' or '_'
            || (text[end] == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))));
}
