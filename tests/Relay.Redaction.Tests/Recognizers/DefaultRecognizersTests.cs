using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Recognizers;

public sealed class DefaultRecognizersTests
{
    /// <summary>The entity type of each built-in recognizer (EMAIL_ADDRESS twice: the plain and the obfuscated writing).</summary>
    private static readonly string[] RuleEntityTypes =
    [
        EntityTypes.EmailAddress, EntityTypes.EmailAddress, EntityTypes.PhoneNumber, EntityTypes.CreditCard, EntityTypes.CardSecurityCode, EntityTypes.DateOfBirth, EntityTypes.Passport,
        EntityTypes.DriverLicense, EntityTypes.Vin, EntityTypes.IbanCode, EntityTypes.VatId, EntityTypes.BankAccount, EntityTypes.MedicalRecordNumber, EntityTypes.EmployeeId, EntityTypes.InsuranceNumber, EntityTypes.CustomerNumber, EntityTypes.UkSortCode, EntityTypes.UsSsn,
        EntityTypes.UsItin, EntityTypes.UsMbi, EntityTypes.AbaRoutingNumber,
        EntityTypes.IpAddress, EntityTypes.MacAddress, EntityTypes.Crypto, EntityTypes.Url, EntityTypes.Secret, EntityTypes.UkNhs, EntityTypes.UkNino, EntityTypes.DeTaxId,
        EntityTypes.DeIdCard, EntityTypes.DeSvnr, EntityTypes.DeKvnr, EntityTypes.ChAhv, EntityTypes.FrNir, EntityTypes.EsNif, EntityTypes.EsNie, EntityTypes.ItFiscalCode, EntityTypes.NlBsn, EntityTypes.InAadhaar, EntityTypes.InPan, EntityTypes.CaSin, EntityTypes.BrCpf, EntityTypes.BrCnpj, EntityTypes.Address,
    ];

    /// <summary>
    /// One entity of each rule type, with text around them that holds nothing else; but DE_KVNR, IN_PAN and CA_SIN, which
    /// score over the threshold only with a context word (the analyzer's part, not the recognizer's).
    /// </summary>
    internal static readonly (string Type, string Value)[] Paragraph =
    [
        (EntityTypes.EmailAddress, "jane.doe@example.com"),
        (EntityTypes.PhoneNumber, "+44 20 7946 0958"),
        (EntityTypes.CreditCard, "4111 1111 1111 1111"),
        (EntityTypes.IbanCode, "DE89 3704 0044 0532 0130 00"),
        (EntityTypes.UsSsn, "536-22-1234"),
        (EntityTypes.IpAddress, "203.0.113.7"),
        (EntityTypes.Url, "https://files.example.com/report.pdf?sig=Zm9vYmFyYmF6"),
        (EntityTypes.Secret, SecretValue),
        (EntityTypes.UkNhs, "943 476 5919"),
        (EntityTypes.UkNino, "AB 12 34 56 C"),
        (EntityTypes.DeTaxId, "86 095 742 719"),
        (EntityTypes.DeIdCard, "T220001293"),
        (EntityTypes.FrNir, "2 69 05 49 588 157 80"),
        (EntityTypes.EsNif, "12345678Z"),
        (EntityTypes.EsNie, "X1234567L"),
        (EntityTypes.ItFiscalCode, "RSSMRA85T10A562S"),
        (EntityTypes.Address, "Hauptstraße 5, 10115 Berlin"),
        (EntityTypes.NlBsn, "1112.22.333"),
        (EntityTypes.CardSecurityCode, "737"),
        (EntityTypes.DateOfBirth, "14.03.1985"),
        (EntityTypes.MacAddress, "00:1A:2B:3C:4D:5E"),
        (EntityTypes.Passport, "C01X00T47"),
        (EntityTypes.DriverLicense, "MORGA657054SM9IJ"),
        (EntityTypes.Vin, "1HGCM82633A004352"),
        (EntityTypes.UsItin, "970-70-1234"),
        (EntityTypes.UkSortCode, "20-00-00"),
        (EntityTypes.BankAccount, "55779911"),
        (EntityTypes.AbaRoutingNumber, "0210-0002-1"),
        (EntityTypes.VatId, "DE 136 695 976"),
        (EntityTypes.Crypto, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
        (EntityTypes.MedicalRecordNumber, "00991234"),
        (EntityTypes.DeSvnr, "65 170839 J 003"),
        (EntityTypes.UsMbi, "1EG4-TE5-MK73"),
        (EntityTypes.EmployeeId, "E40771"),
        (EntityTypes.InsuranceNumber, "POL123456789"),
        (EntityTypes.CustomerNumber, "K-100234"),
        (EntityTypes.InAadhaar, "2341 2341 2346"),
        (EntityTypes.ChAhv, "756.9217.0769.85"),
        (EntityTypes.BrCpf, "529.982.247-25"),
        (EntityTypes.BrCnpj, "11.222.333/0001-81"),
    ];

    private const string SecretValue = "AKIAIOSFODNN7EXAMPLE";

    internal static string ParagraphText =>
        $"Hello, I am writing about my account. Email {Paragraph[0].Value}, phone {Paragraph[1].Value}. " +
        $"My card is {Paragraph[2].Value} and my IBAN is {Paragraph[3].Value}. SSN {Paragraph[4].Value}; " +
        $"I connect from {Paragraph[5].Value} and the report is at {Paragraph[6].Value} . The deploy key id is {Paragraph[7].Value}. " +
        $"NHS number {Paragraph[8].Value}, NI number {Paragraph[9].Value}, Steuer-ID {Paragraph[10].Value}, " +
        $"Ausweis {Paragraph[11].Value}, NIR {Paragraph[12].Value}, DNI {Paragraph[13].Value}, NIE {Paragraph[14].Value}, " +
        $"codice fiscale {Paragraph[15].Value}. Ship to {Paragraph[16].Value}. BSN {Paragraph[17].Value}. CVV {Paragraph[18].Value}. Born on {Paragraph[19].Value}. Laptop MAC {Paragraph[20].Value}. " +
        $"Passport no. {Paragraph[21].Value}, driving licence {Paragraph[22].Value}, car {Paragraph[23].Value}, ITIN {Paragraph[24].Value}. " +
        $"Sort code {Paragraph[25].Value}, account number {Paragraph[26].Value}, routing {Paragraph[27].Value}. USt-IdNr. {Paragraph[28].Value}. Tip jar {Paragraph[29].Value}. MRN {Paragraph[30].Value}. SV-Nummer {Paragraph[31].Value}. Medicare {Paragraph[32].Value}. Employee ID {Paragraph[33].Value}, policy number {Paragraph[34].Value}, customer no. {Paragraph[35].Value}. Aadhaar {Paragraph[36].Value}. AHV-Nr. {Paragraph[37].Value}. CPF {Paragraph[38].Value}, CNPJ {Paragraph[39].Value}." +
        $" Meeting on 2024-01-15 about version 10.0.13, order #123456789012, total $1,234.50.";

    [Fact]
    public void Create_DefaultOptions_ReturnsEachRecognizerOfEveryRuleEntityType()
    {
        var recognizers = DefaultRecognizers.Create(new RecognizerOptions());

        Assert.Equal(RuleEntityTypes.Length, recognizers.Count);
        Assert.Equal(recognizers.Count, recognizers.Select(r => r.GetType()).Distinct().Count());
        Assert.Equal(
            RuleEntityTypes.Order(StringComparer.Ordinal),
            recognizers.SelectMany(r => r.SupportedEntities).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Create_UnknownPhoneRegion_Throws()
    {
        var options = new RecognizerOptions { PhoneRegions = ["QQ"] };
        Assert.Throws<ArgumentException>(() => DefaultRecognizers.Create(options));
    }

    [Fact]
    public void Analyze_MixedParagraphWithOneOfEach_YieldsExactlyTheExpectedSet()
    {
        var text = ParagraphText;
        var expected = Paragraph
            .Select(p => (p.Type, Start: text.IndexOf(p.Value, StringComparison.Ordinal), End: text.IndexOf(p.Value, StringComparison.Ordinal) + p.Value.Length))
            .OrderBy(e => e.Start)
            .ToList();
        Assert.All(expected, e => Assert.True(e.Start >= 0));

        var raw = Analyze(DefaultRecognizers.Create(new RecognizerOptions()), text)
            .Where(s => s.Score >= RedactionPolicyDefaultThreshold)
            .ToList();

        // Nothing outside the planted values: no date, version, order number or price is tagged.
        Assert.All(raw, s => Assert.Contains(expected, e => e.Start < s.End && s.Start < e.End));

        // Where two recognizers claim the same text (943 476 5919 is also a valid US phone number), the higher score
        // wins, as the analyzer's fusion does.
        var found = raw
            .Where(s => !raw.Any(o => o != s && o.Overlaps(s) && o.Score > s.Score))
            .Select(s => (s.Type, s.Start, s.End))
            .OrderBy(e => e.Start)
            .ToList();

        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task Analyze_SameTextFromParallelTasks_GivesIdenticalResults()
    {
        var recognizers = DefaultRecognizers.Create(new RecognizerOptions());
        var text = ParagraphText;
        var reference = Analyze(recognizers, text);

        var tasks = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            var runs = new List<List<EntitySpan>>();
            for (var i = 0; i < 20; i++)
            {
                runs.Add(Analyze(recognizers, text));
            }

            return runs;
        }));
        var all = await Task.WhenAll(tasks);

        Assert.NotEmpty(reference);
        Assert.All(all.SelectMany(r => r), run => Assert.Equal(reference, run));
    }

    [Fact]
    public void AddDefaultRecognizers_CalledTwiceWithRegions_RegistersEachOnceAsSingletons()
    {
        var services = new ServiceCollection();
        services.AddDefaultRecognizers(o => o.PhoneRegions = ["FR"]);
        services.AddDefaultRecognizers();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var first = provider.GetServices<IRecognizer>().ToList();
        var second = provider.GetServices<IRecognizer>().ToList();

        Assert.Equal(RuleEntityTypes.Length, first.Count);
        Assert.Equal(first.Count, first.Select(r => r.GetType()).Distinct().Count());
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));

        var phone = first.Single(r => r.SupportedEntities.Contains(EntityTypes.PhoneNumber));
        var results = new List<EntitySpan>();
        phone.Analyze("portable 06 12 34 56 78, office (212) 555-1234", results);
        var span = Assert.Single(results);
        Assert.Equal(9, span.Start);
    }

    [Fact]
    public void AddDefaultRecognizers_UnknownRegions_ValidationReportsEachOne()
    {
        var services = new ServiceCollection();
        services.AddDefaultRecognizers(o => o.PhoneRegions = ["US", "XX", "QQ"]);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecognizerOptions>>().Value);

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("'XX'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'QQ'", StringComparison.Ordinal));
    }

    private const double RedactionPolicyDefaultThreshold = 0.5;

    private static List<EntitySpan> Analyze(IReadOnlyList<IRecognizer> recognizers, string text)
    {
        var results = new List<EntitySpan>();
        foreach (var recognizer in recognizers)
        {
            recognizer.Analyze(text, results);
        }

        return results;
    }
}
