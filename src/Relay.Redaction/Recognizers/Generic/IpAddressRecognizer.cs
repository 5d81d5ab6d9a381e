using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// IP_ADDRESS, v4 and v6, each candidate validated with <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>.
/// IPv4 needs exactly four decimal octets without leading zeros, not part of a longer dotted chain, and not right
/// after the word "version", "build", "release" or "v" (so <c>10.0.13</c> or <c>v1.2.3.4</c> are not addresses). IPv6 covers full,
/// compressed (<c>::</c>) and IPv4-embedded forms; a candidate needs at least two colons, a digit, and no adjacent
/// word character (so <c>std::vector</c>, times and MAC addresses are not addresses).
/// </summary>
internal sealed partial class IpAddressRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.IpAddress];

    public IReadOnlyList<string> Context { get; } = ["ip", "ip address", "ipv4", "ipv6", "host", "server", "address", "subnet"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (text.Contains('.'))
        {
            AnalyzeV4(text, results);
        }

        if (text.Contains(':'))
        {
            AnalyzeV6(text, results);
        }
    }

    private static void AnalyzeV4(string text, List<EntitySpan> results)
    {
        foreach (var match in V4Pattern().EnumerateMatches(text))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (HasLeadingZeroOctet(value) || FollowsVersionWord(text, match.Index) || IsIPv6Tail(text, match.Index)
                || !IPAddress.TryParse(value, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            {
                continue;
            }

            results.Add(new EntitySpan(EntityTypes.IpAddress, match.Index, match.Index + match.Length, RecognizerScores.Structural, nameof(IpAddressRecognizer)));
        }
    }

    private static void AnalyzeV6(string text, List<EntitySpan> results)
    {
        // Every address holds a colon: jump from colon to colon (a vectorized search) and take the run of hex digits,
        // colons and dots around each, instead of walking every word made of the letters a-f.
        var i = 0;
        while (i < text.Length)
        {
            var colon = text.AsSpan(i).IndexOf(':');
            if (colon < 0)
            {
                return;
            }

            var start = i + colon;
            while (start > i && (IsV6Char(text[start - 1]) || text[start - 1] == '.'))
            {
                start--;
            }

            while (text[start] == '.')
            {
                start++;
            }

            var end = start;
            var colons = 0;
            var hasDigit = false;
            while (end < text.Length && (IsV6Char(text[end]) || text[end] == '.'))
            {
                colons += text[end] == ':' ? 1 : 0;
                hasDigit |= char.IsAsciiDigit(text[end]);
                end++;
            }

            i = end;
            if (colons < 2 || !hasDigit || (start > 0 && TextBoundary.IsWordChar(text[start - 1])))
            {
                continue;
            }

            // Sentence punctuation after an address ("... fe80::1.") is not part of it.
            while (end > start && text[end - 1] == '.')
            {
                end--;
            }

            if (end < text.Length && TextBoundary.IsWordChar(text[end]))
            {
                continue;
            }

            if (!TryParseV6(text.AsSpan(start, end - start)))
            {
                // "... at fe80::1: it failed": a trailing colon belongs to the sentence.
                if (text[end - 1] != ':' || !TryParseV6(text.AsSpan(start, end - start - 1)))
                {
                    continue;
                }

                end--;
            }

            results.Add(new EntitySpan(EntityTypes.IpAddress, start, end, RecognizerScores.Structural, nameof(IpAddressRecognizer)));
        }
    }

    /// <summary>"::ffff:192.0.2.1": the dotted part belongs to an IPv6 address (found by the IPv6 pass), "host:10.0.0.1" does not.</summary>
    private static bool IsIPv6Tail(string text, int start) =>
        start >= 2 && text[start - 1] == ':' && (char.IsAsciiHexDigit(text[start - 2]) || text[start - 2] == ':');

    private static bool TryParseV6(ReadOnlySpan<char> value) =>
        value.Length >= 3 && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool IsV6Char(char c) => char.IsAsciiHexDigit(c) || c == ':';

    private static bool HasLeadingZeroOctet(ReadOnlySpan<char> value)
    {
        for (var k = 0; k < value.Length - 1; k++)
        {
            if (value[k] == '0' && (k == 0 || value[k - 1] == '.') && char.IsAsciiDigit(value[k + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowsVersionWord(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        return before.EndsWith("version", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("build", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("release", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("ver.", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" v", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" v.", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![\p{L}\p{N}_]|\.[0-9])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex V4Pattern();
}
