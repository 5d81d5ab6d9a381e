using System.Globalization;
using Bogus;

namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// What a template writes with: a seeded Bogus <see cref="Faker"/> for one locale, the text builder, and helpers that
/// append a fake value as a labelled entity (PER, LOC, ORG, ADDR) or as plain text (e-mail, phone: label O,
/// the rule recognizers own those).
/// </summary>
internal sealed class DocumentContext(string lang, Faker faker)
{
    private static readonly string[] Languages = ["en", "de", "fr", "nl"];

    public string Lang { get; } = lang;

    public Faker Faker { get; } = faker;

    public AnnotatedTextBuilder Builder { get; } = new();

    public Randomizer Random => Faker.Random;

    /// <summary>Picks the phrase for this document's language (en, de, fr, nl order).</summary>
    public string T(string en, string de, string fr, string nl) => Array.IndexOf(Languages, Lang) switch
    {
        0 => en,
        1 => de,
        2 => fr,
        _ => nl,
    };

    public DocumentContext Text(string value)
    {
        Builder.Text(value);
        return this;
    }

    public DocumentContext Person()
    {
        var roll = Random.Double();
        var name = roll switch
        {
            < 0.60 => Faker.Name.FullName(),
            < 0.75 => $"{Faker.Name.FirstName()} {Faker.Name.FirstName()} {Faker.Name.LastName()}",
            < 0.85 => $"{Faker.Name.LastName()}, {Faker.Name.FirstName()}",
            _ => $"{Faker.Name.FirstName()} {Faker.Name.LastName()}-{Faker.Name.LastName()}",
        };
        Builder.Entity("PER", name);
        return this;
    }

    public DocumentContext FirstName()
    {
        Builder.Entity("PER", Faker.Name.FirstName());
        return this;
    }

    public DocumentContext LastName()
    {
        Builder.Entity("PER", Faker.Name.LastName());
        return this;
    }

    /// <summary>A courtesy or professional title (label O) followed by a surname.</summary>
    public DocumentContext TitledPerson()
    {
        Text(Random.ArrayElement(T("Mr. |Ms. |Dr. |Prof. |Mrs. ", "Herr |Frau |Dr. |Prof. |Herrn ",
            "M. |Mme |Dr |Pr |Maître ", "dhr. |mevr. |dr. |prof. |meneer ")
            .Split('|')));
        return Random.Bool(0.5f) ? LastName() : Person();
    }

    public DocumentContext City()
    {
        Builder.Entity("LOC", Faker.Address.City());
        return this;
    }

    public DocumentContext Country()
    {
        Builder.Entity("LOC", Faker.Address.Country());
        return this;
    }

    public DocumentContext Street()
    {
        Builder.Entity("ADDR", Faker.Address.StreetAddress(Random.Bool(0.2f)));
        return this;
    }

    /// <summary>A full postal address: street (ADDR), zip (O), city (LOC) and sometimes the country (LOC).</summary>
    public DocumentContext PostalAddress(string separator = ", ")
    {
        Street().Text(separator);
        if (Lang == "en")
        {
            City().Text(", " + Faker.Address.StateAbbr() + " " + Faker.Address.ZipCode());
        }
        else
        {
            Text(Faker.Address.ZipCode() + " ").City();
        }

        if (Random.Bool(0.4f))
        {
            Text(separator).Country();
        }

        return this;
    }

    public DocumentContext Company()
    {
        var roll = Random.Double();
        if (roll < 0.8)
        {
            Builder.Entity("ORG", Faker.Company.CompanyName());
        }
        else
        {
            var city = Faker.Address.City();
            Builder.Entity("ORG", Random.ArrayElement(new[]
            {
                T($"University of {city}", $"Universität {city}", $"Université de {city}", $"Universiteit {city}"),
                T($"{city} General Hospital", $"Klinikum {city}", $"CHU de {city}", $"Ziekenhuis {city}"),
                T($"{city} City Council", $"Stadtwerke {city}", $"Mairie de {city}", $"Gemeente {city}"),
            }));
        }

        return this;
    }

    public DocumentContext Email() => Text(Faker.Internet.Email());

    public DocumentContext Phone() => Text(Faker.Phone.PhoneNumber());

    public DocumentContext Date() =>
        Text(Faker.Date.Between(new DateTime(2023, 1, 1), new DateTime(2026, 12, 31))
            .ToString(T("MMMM d, yyyy", "d. MMMM yyyy", "d MMMM yyyy", "d MMMM yyyy"), Culture));

    public DocumentContext Number(int min, int max) => Text(Random.Int(min, max).ToString(CultureInfo.InvariantCulture));

    public DocumentContext Line(string value = "") => Text(value + "\n");

    private CultureInfo Culture => CultureInfo.GetCultureInfo(T("en-US", "de-DE", "fr-FR", "nl-NL"));
}
