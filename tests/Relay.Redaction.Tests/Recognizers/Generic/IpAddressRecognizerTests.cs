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
}
