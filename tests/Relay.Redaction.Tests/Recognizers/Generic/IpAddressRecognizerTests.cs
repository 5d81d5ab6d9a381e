using StealthRelay.Redaction.Recognizers.Internal;
using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class IpAddressRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new IpAddressRecognizer();

    protected override string EntityType => EntityTypes.IpAddress;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("Server 192.168.100.200 is down", 7, 22),
        Hit("ssh root@10.0.0.1", "10.0.0.1"),
        Hit("dns 8.8.8.8.", "8.8.8.8"),
        Hit("v6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 full", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        Hit("compressed 2001:db8::8a2e:370:7334, ok", "2001:db8::8a2e:370:7334"),
        Hit("loopback ::1", "::1"),
        Hit("link-local fe80::1ff:fe23:4567:890a.", "fe80::1ff:fe23:4567:890a"),
        Hit("mapped ::ffff:192.0.2.128 here", "::ffff:192.0.2.128"),
        Hit("prefix 2001:db8:: is documentation", "2001:db8::"),
        Hits("from 203.0.113.7 to 2001:db8::1", "203.0.113.7", "2001:db8::1"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("Upgrade to 10.0.13 now"),
        None("version 1.2.3.4 released"),
        None("release v1.2.3.4"),
        None("build 10.0.13.45 passed"),
        None("chain 1.2.3.4.5"),
        None("at 12:30:45 sharp"),
        None("mac 00:1A:2B:3C:4D:5E"),
        None("std::vector<int> and Foo::Bar"),
        None("Meeting on 2024-01-15"),
        None("pi 3.14159"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("bad 256.1.1.1"),
        None("bad 192.168.1.300"),
        None("leading zeros 192.168.01.1"),
        None("bad v6 2001:db8:::1"),
        None("bad v6 2001:db8::g1"),
        None("too many groups 1:2:3:4:5:6:7:8:9"),
    ];

    [Fact]
    public void Analyze_IPv6_SameAsTheWordByWordScanItReplaced()
    {
        // Texts of hex letters, digits, colons, dots, blanks and other letters, with real addresses mixed in.
        var random = new Random(20261123);
        string[] pieces = ["2001:db8::1", "::1", "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.128", "std::vector", "a:b:c", "12:30:45",
            "dead:beef", ".", ":", "::", " ", "face", "x", "1.2.3.4", "ab.cd::1", "fe80::1:", "0a", "café"];
        var recognizer = new IpAddressRecognizer();
        for (var n = 0; n < 3000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = new List<EntitySpan>();
            ReferenceV6(text, expected);
            var actual = new List<EntitySpan>();
            recognizer.Analyze(text, actual);
            var v6 = actual.Where(s => text.AsSpan(s.Start, s.Length).Contains(':')).Select(s => (s.Start, s.End));
            Assert.Equal(expected.Select(s => (s.Start, s.End)), v6);
        }
    }

    /// <summary>The IPv6 scan as first written: every run of hex digits, colons and dots, word by word.</summary>
    private static void ReferenceV6(string text, List<EntitySpan> results)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsV6Char(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            var colons = 0;
            var hasDigit = false;
            while (end < text.Length && (IsV6Char(text[end]) || text[end] == '.'))
            {
                colons += text[end] == ':' ? 1 : 0;
                hasDigit |= char.IsAsciiDigit(text[end]);
                end++;
            }

            var start = i;
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

            results.Add(new EntitySpan(EntityTypes.IpAddress, start, end, RecognizerScores.Structural, "IpAddressRecognizer"));
        }
    }

    private static bool TryParseV6(ReadOnlySpan<char> value) =>
        value.Length >= 3 && System.Net.IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    private static bool IsV6Char(char c) => char.IsAsciiHexDigit(c) || c == ':';
}
