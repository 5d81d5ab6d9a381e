using System.Text.RegularExpressions;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>
/// Values written with the separators word processors, PDFs and web pages put into them (no-break, narrow no-break,
/// thin and figure spaces, non-breaking hyphens, en dashes, minus signs, zero-width characters, full-width digits), and
/// as HTML and logged URLs carry them (character references, percent-escapes),
/// through the real analyzer with the default recognizers: each is found whole, at its offsets in the original text,
/// and restored byte for byte. Before the analyzer folded them, every one of these went to the provider in clear.
/// </summary>
public sealed class TypographicSeparatorRedactionTests
{
    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    /// <summary>Values written with ASCII blanks or dashes between their groups, with the type they are.</summary>
    private static readonly (string Kind, string Type, string Prefix, string Value)[] Values =
    [
        ("card", EntityTypes.CreditCard, "Card: ", "4111 1111 1111 1111"),
        ("iban", EntityTypes.IbanCode, "IBAN ", "DE89 3704 0044 0532 0130 00"),
        ("fr phone", EntityTypes.PhoneNumber, "Appelez le ", "06 12 34 56 78"),
        ("intl phone", EntityTypes.PhoneNumber, "Call ", "+44 20 7946 0958"),
        ("us phone", EntityTypes.PhoneNumber, "Call ", "(415) 555 0132"),
        ("nhs", EntityTypes.UkNhs, "NHS number ", "943 476 5919"),
        ("fr nir", EntityTypes.FrNir, "numéro de sécurité sociale ", "1 84 12 76 451 089 46"),
        ("de tax id", EntityTypes.DeTaxId, "Steuer-ID ", "86 095 742 719"),
        ("ssn", EntityTypes.UsSsn, "SSN ", "536-90-4399"),
        ("sort code", EntityTypes.UkSortCode, "sort code ", "12-34-56"),
    ];

    public static TheoryData<string, string> Separators()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, _, _, value) in Values)
        {
            var separators = value.Contains('-', StringComparison.Ordinal)
                ? new[] { "\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\uFE63", "\uFF0D" }
                : new[] { "\u00A0", "\u202F", "\u2009", "\u2007", "\u2002", "\u3000" };
            foreach (var separator in separators)
            {
                data.Add(kind, separator);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Separators))]
    public async Task RedactAsync_ValueWithTypographicSeparators_IsFoundWholeAndRestored(string kind, string separator)
    {
        var (_, type, prefix, ascii) = Values.Single(v => v.Kind == kind);
        var value = Regex.Replace(ascii, "(?<=[0-9A-Z)])[ -](?=[0-9A-Z(+])", separator);
        Assert.NotEqual(ascii, value);
        var prompt = prefix + value + ", thanks.";

        await AssertFoundWholeAsync(prompt, value, type);
    }

    [Theory]
    [InlineData("card 4111\u200B1111\u200B1111\u200B1111 expires soon", "4111\u200B1111\u200B1111\u200B1111", EntityTypes.CreditCard)]
    [InlineData("mail jo\u00ADhn.doe@exam\u00ADple.com today", "jo\u00ADhn.doe@exam\u00ADple.com", EntityTypes.EmailAddress)]
    [InlineData("IBAN: DE89\u20603704\u20600044\u20600532\u20600130\u206000", "DE89\u20603704\u20600044\u20600532\u20600130\u206000", EntityTypes.IbanCode)]
    [InlineData("カード \uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11",
        "\uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11", EntityTypes.CreditCard)]
    [InlineData("\uFEFF\u200Bjohn.doe@example.com\u200B is the address", "john.doe@example.com", EntityTypes.EmailAddress)]
    [InlineData("Steuer\u2011ID: 86095742719", "86095742719", EntityTypes.DeTaxId)]
    [InlineData("<p>Tel.:&nbsp;+49&nbsp;30&nbsp;1234567<br>", "+49&nbsp;30&nbsp;1234567", EntityTypes.PhoneNumber)]
    [InlineData("<td>4111&#160;1111&#160;1111&#160;1111</td>", "4111&#160;1111&#160;1111&#160;1111", EntityTypes.CreditCard)]
    [InlineData("Contact: john.doe&#64;example.com", "john.doe&#64;example.com", EntityTypes.EmailAddress)]
    [InlineData("IBAN&nbsp;DE89&nbsp;3704&nbsp;0044&nbsp;0532&nbsp;0130&nbsp;00", "DE89&nbsp;3704&nbsp;0044&nbsp;0532&nbsp;0130&nbsp;00", EntityTypes.IbanCode)]
    [InlineData("GET /api/users?email=john.doe%40example.com&page=2 HTTP/1.1", "john.doe%40example.com", EntityTypes.EmailAddress)]
    [InlineData("POST /signup?phone=%2B14155550132&lang=en", "%2B14155550132", EntityTypes.PhoneNumber)]
    public async Task RedactAsync_ValueWithInvisibleOrFullWidthCharacters_IsFoundWholeAndRestored(string prompt, string value, string type) =>
        await AssertFoundWholeAsync(prompt, value, type);

    [Fact]
    public async Task RedactAsync_SameNumberWithAsciiAndTypographicSeparators_GetsOnePlaceholder()
    {
        const string prompt = "Card 4111 1111 1111 1111, or as the PDF has it 4111\u00A01111\u00A01111\u00A01111.";

        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal(2, result.Entities.Count);
        Assert.Equal("Card [CREDIT_CARD_1], or as the PDF has it [CREDIT_CARD_1].", result.Text);
        // one placeholder, one value: its first writing is restored (as for any two writings of one number)
        Assert.Equal(prompt.Replace('\u00A0', ' '), result.Restore(result.Text));
    }

    private static async Task AssertFoundWholeAsync(string prompt, string value, string type)
    {
        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        var start = prompt.IndexOf(value, StringComparison.Ordinal);
        var span = Assert.Single(result.Entities, e => e.Start <= start && e.End >= start + value.Length);
        Assert.Equal(type, span.Type);
        Assert.Equal((start, start + value.Length), (span.Start, span.End));
        Assert.DoesNotContain(value, result.Text, StringComparison.Ordinal);
        Assert.Equal(prompt, result.Restore(result.Text));
    }
}
