using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class MacAddressRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new MacAddressRecognizer();

    protected override string EntityType => EntityTypes.MacAddress;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("IP 10.0.0.1, MAC 00:1A:2B:3C:4D:5E.", "00:1A:2B:3C:4D:5E"),
        Hit("wlan0 ether 3c-22-fb-0a-11-9e up", "3c-22-fb-0a-11-9e"),
        Hit("switch port 001a.2b3c.4d5e learned", "001a.2b3c.4d5e"),
        Hit("(AA:BB:CC:DD:EE:01)", "AA:BB:CC:DD:EE:01"),
        Hits("00:1A:2B:3C:4D:5E and 00:1A:2B:3C:4D:5F", "00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5F"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no address here"),
        None("at 12:30:45 we met"),
        None("IPv6 fe80::1a2b:3c4d:5e6f:7a8b"),
        None("2001:db8:0:0:1:0:0:1"),
        None("hash 00:1A:2B:3C:4D:5E:6F:70"),
        None("version 1.2.3.4"),
        None("date 2024-01-15"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("00:00:00:00:00:00"),
        None("FF:FF:FF:FF:FF:FF"),
        None("00:1A:2B-3C:4D:5E"),
        None("00:1G:2B:3C:4D:5E"),
        None("001a.2b3c.4d5"),
        None("0:1A:2B:3C:4D:5E"),
    ];
}
