using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Redaction.Tests.Placeholders;

public class PlaceholderVaultTests
{
    private static PlaceholderVault NewVault() => new(PlaceholderFormat.Get("[{type}_{index}]"));

    [Fact]
    public void GetOrAdd_SameValue_ReturnsSamePlaceholder()
    {
        using var vault = NewVault();
        var first = vault.GetOrAdd(EntityTypes.EmailAddress, "ann@example.com");
        var again = vault.GetOrAdd(EntityTypes.EmailAddress, "ann@example.com");
        Assert.Equal("[EMAIL_ADDRESS_1]", first);
        Assert.Equal(first, again);
        Assert.Equal(1, vault.Count);
    }

    [Fact]
    public void GetOrAdd_NumbersPerType_FollowFirstAppearance()
    {
        using var vault = NewVault();
        Assert.Equal("[EMAIL_ADDRESS_1]", vault.GetOrAdd(EntityTypes.EmailAddress, "a@x.io"));
        Assert.Equal("[PERSON_1]", vault.GetOrAdd(EntityTypes.Person, "Ann Lee"));
        Assert.Equal("[EMAIL_ADDRESS_2]", vault.GetOrAdd(EntityTypes.EmailAddress, "b@x.io"));
        Assert.Equal("[PERSON_2]", vault.GetOrAdd(EntityTypes.Person, "Bo Chan"));
        Assert.Equal("[EMAIL_ADDRESS_1]", vault.GetOrAdd(EntityTypes.EmailAddress, "a@x.io"));
    }

    [Theory]
    [InlineData(EntityTypes.EmailAddress, "Ann@Example.com", "ann@example.COM")]
    [InlineData(EntityTypes.Person, "Ann   Lee", " ann lee")]
    [InlineData(EntityTypes.Person, "Ann\nLee", "ANN LEE")]
    [InlineData(EntityTypes.PhoneNumber, "+1 (555) 010-0199", "1 555 010 0199")]
    [InlineData(EntityTypes.CreditCard, "4111 1111 1111 1111", "4111-1111-1111-1111")]
    [InlineData(EntityTypes.UsSsn, "078-05-1120", "078 05 1120")]
    [InlineData(EntityTypes.UsItin, "912-70-1234", "912701234")]
    [InlineData(EntityTypes.NlBsn, "1112.22.333", "111222333")]
    [InlineData(EntityTypes.AbaRoutingNumber, "0210-0002-1", "021000021")]
    [InlineData(EntityTypes.BankAccount, "5577 9911", "55779911")]
    [InlineData(EntityTypes.BankAccount, "123-456789-01", "12345678901")]
    [InlineData(EntityTypes.UkSortCode, "20-00-00", "20 00 00")]
    [InlineData(EntityTypes.IbanCode, "DE89 3704 0044 0532 0130 00", "de89370400440532013000")]
    [InlineData(EntityTypes.VatId, "DE 136 695 976", "de136695976")]
    [InlineData(EntityTypes.VatId, "BE 0403.170.701", "BE0403170701")]
    [InlineData(EntityTypes.Passport, "C01X00T47", "c01x00t47")]
    [InlineData(EntityTypes.DriverLicense, "123-456-789", "123 456 789")]
    [InlineData(EntityTypes.DriverLicense, "MORGA 657054 SM9IJ", "morga657054sm9ij")]
    [InlineData(EntityTypes.Vin, "1HGCM82633A004352", "1hgcm82633a004352")]
    [InlineData(EntityTypes.MedicalRecordNumber, "PT-00451", "PT00451")]
    [InlineData(EntityTypes.DeSvnr, "65 170839 J 003", "65170839J003")]
    [InlineData(EntityTypes.DeKvnr, "X110411675", "x110411675")]
    [InlineData(EntityTypes.UsMbi, "1EG4-TE5-MK73", "1EG4TE5MK73")]
    [InlineData(EntityTypes.EmployeeId, "EMP-00451", "emp00451")]
    [InlineData(EntityTypes.InsuranceNumber, "HX-4482-1190-77", "HX4482119077")]
    [InlineData(EntityTypes.CustomerNumber, "K-100234", "k100234")]
    [InlineData(EntityTypes.InAadhaar, "2341 2341 2346", "2341-2341-2346")]
    [InlineData(EntityTypes.ChAhv, "756.9217.0769.85", "7569217076985")]
    [InlineData(EntityTypes.CaSin, "130 256 787", "130-256-787")]
    [InlineData(EntityTypes.BrCpf, "529.982.247-25", "52998224725")]
    [InlineData(EntityTypes.BrCnpj, "11.222.333/0001-81", "11222333000181")]
    [InlineData(EntityTypes.Crypto, "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    public void GetOrAdd_NormalizedEqualValues_ShareAPlaceholder(string type, string a, string b)
    {
        using var vault = NewVault();
        Assert.Equal(vault.GetOrAdd(type, a), vault.GetOrAdd(type, b));
        Assert.True(vault.TryGetValue(vault.GetOrAdd(type, b), out var restored));
        Assert.Equal(a, restored);
    }

    [Theory]
    [InlineData(EntityTypes.PhoneNumber, "555 010 0199", "555 010 0198")]
    [InlineData(EntityTypes.Person, "Ann Lee", "Ann Leer")]
    public void GetOrAdd_DifferentValues_GetDifferentPlaceholders(string type, string a, string b)
    {
        using var vault = NewVault();
        Assert.NotEqual(vault.GetOrAdd(type, a), vault.GetOrAdd(type, b));
    }

    [Fact]
    public void GetOrAdd_SameTextDifferentType_GetsDifferentPlaceholders()
    {
        using var vault = NewVault();
        Assert.Equal("[PERSON_1]", vault.GetOrAdd(EntityTypes.Person, "Jordan"));
        Assert.Equal("[LOCATION_1]", vault.GetOrAdd(EntityTypes.Location, "Jordan"));
    }

    [Fact]
    public void TryGetValue_AnyCase_FindsValue()
    {
        using var vault = NewVault();
        vault.GetOrAdd(EntityTypes.EmailAddress, "a@x.io");
        Assert.True(vault.TryGetValue("[email_address_1]", out var value));
        Assert.Equal("a@x.io", value);
        Assert.False(vault.TryGetValue("[EMAIL_ADDRESS_2]", out _));
    }

    [Fact]
    public void Clear_DropsEveryValue()
    {
        var vault = NewVault();
        vault.GetOrAdd(EntityTypes.EmailAddress, "a@x.io");
        vault.Dispose();
        Assert.Equal(0, vault.Count);
        Assert.False(vault.TryGetValue("[EMAIL_ADDRESS_1]", out _));
        Assert.Equal("[EMAIL_ADDRESS_1]", vault.GetOrAdd(EntityTypes.EmailAddress, "b@x.io"));
    }

    [Fact]
    public void GetOrAdd_ConcurrentCallers_AssignEachValueOnce()
    {
        using var vault = NewVault();
        var values = Enumerable.Range(0, 200).Select(i => $"user{i}@x.io").ToArray();
        var results = new string[8][];
        Parallel.For(0, 8, t => results[t] = values.Select(v => vault.GetOrAdd(EntityTypes.EmailAddress, v)).ToArray());
        Assert.Equal(200, vault.Count);
        for (var t = 1; t < 8; t++)
        {
            Assert.Equal(results[0], results[t]);
        }

        Assert.Equal(200, results[0].Distinct().Count());
    }

    [Fact]
    public void AnyStartsWith_AnswersAsAScanOfEveryPlaceholderWould()
    {
        // The vault answers by binary search over its sorted placeholders; compare with the plain scan it replaced,
        // for prefixes of every length and case, prefixes of no placeholder, and placeholders added after a query.
        using var vault = NewVault();
        var random = new Random(20261205);
        string[] types = ["EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "IP_ADDRESS", "US_SSN", "E"];
        var placeholders = new List<string>();
        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                placeholders.Add(vault.GetOrAdd(types[random.Next(types.Length)], $"value {random.Next(200)}"));
            }

            foreach (var placeholder in placeholders.Distinct().Take(30))
            {
                for (var length = 1; length <= placeholder.Length; length++)
                {
                    foreach (var prefix in new[] { placeholder[..length], placeholder[..length].ToLowerInvariant(), placeholder[..length] + "9", placeholder[..length] + "Z" })
                    {
                        var expected = placeholders.Any(p => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
                        Assert.True(expected == vault.AnyStartsWith(prefix), $"prefix '{prefix}': expected {expected}");
                    }
                }
            }
        }

        Assert.False(vault.AnyStartsWith("(PHONE"));
        Assert.True(vault.AnyStartsWith(""));
    }
}

