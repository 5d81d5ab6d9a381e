using System.Globalization;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>
/// Long lists of distinct values, as people paste them (a column of phone numbers, a list of cards), through the real
/// analyzer with the default recognizers and the text redactor: no value may be left in clear, whatever joins them.
/// The values are distinct, so value propagation cannot cover for a part of the list a recognizer did not read.
/// </summary>
public sealed class ListRedactionTests
{
    private const int Count = 300;

    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    public static TheoryData<string, string> Lists()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "email", "card", "iban", "us phone", "uk phone", "fr phone", "ipv4", "nhs" })
        {
            foreach (var separator in new[] { " ", ", ", "\n", " | ", "\t" })
            {
                data.Add(kind, separator);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task RedactAsync_LongListOfDistinctValues_LeavesNoValueInClear(string kind, string separator)
    {
        var values = Enumerable.Range(0, Count).Select(i => Value(kind, i)).ToArray();
        Assert.Equal(Count, values.Distinct().Count());
        var prompt = "Please check these: " + string.Join(separator, values) + separator + "thanks.";

        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        var inClear = values.Where(v => result.Text.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.True(inClear.Count == 0, $"{inClear.Count} of {Count} values in clear, e.g. {string.Join(" / ", inClear.Take(3))}");
        Assert.Equal(prompt, result.Restore(result.Text));
    }

    private static string Value(string kind, int i) => kind switch
    {
        "email" => $"person{i}@example{i % 7}.com",
        "card" => Card(i),
        "iban" => Iban(i),
        "us phone" => $"(212) 555-{i:D4}",
        "uk phone" => $"07700 900{i:D3}",
        "fr phone" => string.Create(CultureInfo.InvariantCulture, $"06 12 {i / 100:D2} {i % 100:D2} 78"),
        "ipv4" => $"10.1.{i / 250}.{(i % 250) + 1}",
        "nhs" => Nhs(i),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Visa numbers 4000 00xx xxxx xxxC and, every third, American Express numbers 3700 0xxxxx xxxxC, with their Luhn
    /// check digits in printed grouping: the mix of four and three groups moves card boundaries across long chains.
    /// </summary>
    private static string Card(int i)
    {
        var amex = i % 3 == 2;
        var body = amex ? "37000" + (i * 7919).ToString("D9", CultureInfo.InvariantCulture) : "400000" + (i * 7919).ToString("D9", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var k = 0; k < body.Length; k++)
        {
            var d = body[body.Length - 1 - k] - '0';
            sum += k % 2 == 0 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        var digits = body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
        return amex ? $"{digits[..4]} {digits[4..10]} {digits[10..]}" : $"{digits[..4]} {digits[4..8]} {digits[8..12]} {digits[12..]}";
    }

    /// <summary>A German IBAN (bank code 37040044) with its mod-97 check digits, in groups of four.</summary>
    private static string Iban(int i)
    {
        var bban = "37040044" + (i * 104729L).ToString("D10", CultureInfo.InvariantCulture);
        var remainder = 0;
        foreach (var c in bban + "131400") // DE = 13 14, check digits 00
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        var iban = $"DE{98 - remainder:D2}{bban}";
        return string.Join(' ', Enumerable.Range(0, (iban.Length + 3) / 4).Select(k => iban.Substring(k * 4, Math.Min(4, iban.Length - (k * 4)))));
    }

    /// <summary>An NHS number (mod-11 check digit; bodies whose check would be 10 are skipped), written 3-3-4.</summary>
    private static string Nhs(int i)
    {
        for (var n = 400000000L + (i * 1013L); ; n++)
        {
            var body = n.ToString(CultureInfo.InvariantCulture);
            var sum = 0;
            for (var k = 0; k < 9; k++)
            {
                sum += (body[k] - '0') * (10 - k);
            }

            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            var digits = body + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
            return $"{digits[..3]} {digits[3..6]} {digits[6..]}";
        }
    }
}
