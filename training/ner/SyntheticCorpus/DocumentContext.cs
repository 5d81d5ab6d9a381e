using System.Globalization;
using Bogus;

namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// What a template writes with: a seeded Bogus <see cref="Faker"/> for one locale, the text builder, and helpers that
/// append a fake value as a labelled entity (PER, LOC, ORG, ADDR) or as plain text (e-mail, phone: label O,
/// the rule recognizers own those). <paramref name="nameFakers"/> (train/dev only) are other locales' fakers: with them a
/// third of the names come from another language, as in real mail; without them (the test split) nothing changes.
/// </summary>
internal sealed class DocumentContext(string lang, Faker faker, IReadOnlyList<Faker>? nameFakers = null)
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
        var names = NameFaker().Name;
        var name = roll switch
        {
            < 0.60 => names.FullName(),
            < 0.75 => $"{names.FirstName()} {names.FirstName()} {names.LastName()}",
            < 0.85 => $"{names.LastName()}, {names.FirstName()}",
            _ => $"{names.FirstName()} {names.LastName()}-{names.LastName()}",
        };
        Builder.Entity("PER", name);
        return this;
    }

    public DocumentContext FirstName()
    {
        Builder.Entity("PER", NameFaker().Name.FirstName());
        return this;
    }

    public DocumentContext LastName()
    {
        Builder.Entity("PER", NameFaker().Name.LastName());
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

    public Phrasebook Phrases => Phrasebook.For(Lang);

    /// <summary>Chance per word of frame text (never entity values) to get a typo: two letters swapped or one dropped.</summary>
    public double TypoRate { get; set; }

    /// <summary>Picks one of the frames and writes it (see <see cref="Frame"/>).</summary>
    public DocumentContext AnyFrame(IReadOnlyList<string> frames) => Frame(frames[Random.Int(0, frames.Count - 1)]);

    /// <summary>Writes a frame: plain text with <c>{slot}</c> markers (see <see cref="Phrasebook"/>) filled with fake values.</summary>
    public DocumentContext Frame(string frame)
    {
        var position = 0;
        while (position < frame.Length)
        {
            var open = frame.IndexOf('{', position);
            if (open < 0)
            {
                return Text(Typos(frame[position..]));
            }

            var close = frame.IndexOf('}', open);
            Text(Typos(frame[position..open]));
            Slot(frame[(open + 1)..close]);
            position = close + 1;
        }

        return this;
    }

    /// <summary>Words with a capital letter that are not entities (label O): the hard negatives.</summary>
    public DocumentContext Weekday() => Text(Culture.DateTimeFormat.DayNames[Random.Int(0, 6)]);

    public DocumentContext Month() => Text(Culture.DateTimeFormat.MonthNames[Random.Int(0, 11)]);

    public DocumentContext JobTitle() => Text(Random.ArrayElement(Phrases.JobTitles));

    public DocumentContext Product() => Text(Random.ArrayElement(Phrases.Products));

    private DocumentContext Slot(string name) => name switch
    {
        "P" => Person(),
        "F" => FirstName(),
        "S" => LastName(),
        "T" => TitledPerson(),
        "C" => City(),
        "K" => Country(),
        "O" => Company(),
        "A" => Street(),
        "PA" => PostalAddress(),
        "E" => Email(),
        "PH" => Phone(),
        "D" => Date(),
        "N" => Number(2, 9999),
        "WD" => Weekday(),
        "MO" => Month(),
        "J" => JobTitle(),
        "PR" => Product(),
        _ => throw new ArgumentException($"unknown slot {{{name}}}", nameof(name)),
    };

    private string Typos(string text)
    {
        if (TypoRate <= 0)
        {
            return text;
        }

        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length >= 4 && word.All(char.IsLetter) && Random.Double() < TypoRate)
            {
                var k = Random.Int(1, word.Length - 2);
                words[i] = Random.Bool()
                    ? string.Concat(word.AsSpan(0, k), word.AsSpan(k + 1, 1), word.AsSpan(k, 1), word.AsSpan(k + 2))
                    : word.Remove(k, 1);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>The faker names come from: this document's locale, or (train/dev) another one a third of the time.</summary>
    private Faker NameFaker() =>
        nameFakers is null || nameFakers.Count == 0 || Random.Double() >= 0.35 ? Faker : nameFakers[Random.Int(0, nameFakers.Count - 1)];

    private CultureInfo Culture => CultureInfo.GetCultureInfo(T("en-US", "de-DE", "fr-FR", "nl-NL"));
}
