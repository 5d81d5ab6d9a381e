using FsCheck;
using FsCheck.Fluent;

namespace StealthRelay.Redaction.Tests.Properties;

/// <summary>
/// Generators for round-trip properties. E-mails are distinct under normalization and stand between spaces, so
/// "restored equals original" is exact (normalization deliberately maps case variants to one placeholder).
/// </summary>
public static class RoundTripArbitraries
{
    private static readonly string[] Emails =
    [
        "ann@x.io", "bob.smith@corp.example", "c_d+tag@mail.example.org", "zoe@uni.example", "li.wei@shop.example",
    ];

    private static readonly string[] Fragments =
    [
        "[EMAIL_ADDRESS_1]", "[email_address_2]", "[PLACEHOLDER_1]", "[ EMAIL ADDRESS 1 ]", "[", "]", "_1]", "[EMAIL",
        "[PERSON_1]", "[Note 1]", "\"", "\\", "\n", "é", "😀", "[EMA", "{\"a\":1}",
    ];

    private static readonly Gen<string> Word =
        Gen.Elements("hello", "World", "a", "to", "mail", "ok.", "x_y", "12", "-", ",", "  ", "Über", "ß");

    private static readonly Gen<string> Piece = Gen.Frequency(
        (5, Word),
        (3, Gen.Elements(Emails).Select(e => " " + e + " ")),
        (3, Gen.Elements(Fragments)));

    public static Arbitrary<RoundTripScenario> Scenario() =>
        Gen.ListOf(Piece)
            .Select(pieces => string.Concat(pieces))
            .SelectMany(text => Gen.Choose(0, int.MaxValue).Select(seed => new RoundTripScenario(text, seed)))
            .ToArbitrary();
}
