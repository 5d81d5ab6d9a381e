using System.Collections.Frozen;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// VAT_ID: a VAT identification number written with its country prefix, for the countries whose check rule is
/// published: DE (9 digits), NL (9 digits, <c>B</c>, 2 digits), FR (2-digit key and the SIREN), BE (10 digits),
/// AT (<c>ATU</c> and 8 digits), IT (11 digits), ES (the NIF: 9 characters) and GB (9 digits, or 12 with a branch).
/// The prefix in capitals, glued to the number or followed by one blank (<c>DE 136695976</c>), or in lower case glued
/// to it (<c>de136695976</c>); inside the number single blanks or single dots, one kind throughout
/// (<c>DE 136 695 976</c>, <c>BE 0123.456.749</c>). A whole token: no word character on either side, and the number
/// does not go on past a joiner or past its own separator and a digit (so an IBAN never matches). Only numbers that
/// pass their country's check (<see cref="VatIdCheckDigits"/>) are reported, at <see cref="RecognizerScores.Checksum"/>.
/// </summary>
internal sealed class VatIdRecognizer : IRecognizer
{
    /// <summary>Whether the characters after the prefix, separators removed and upper-cased, pass the country's check.</summary>
    private delegate bool BodyRule(ReadOnlySpan<char> body);

    /// <summary>
    /// The shapes of the characters after a country prefix (<c>D</c> a digit, <c>A</c> a letter or digit, any other
    /// letter itself, either case), the longest first, and the country's check.
    /// </summary>
    private sealed record Country(string[] Shapes, BodyRule IsValid);

    private static readonly FrozenDictionary<string, Country> Countries = new Dictionary<string, Country>
    {
        ["AT"] = new(["UDDDDDDDD"], VatIdCheckDigits.IsValidAt),
        ["BE"] = new(["DDDDDDDDDD"], VatIdCheckDigits.IsValidBe),
        ["DE"] = new(["DDDDDDDDD"], VatIdCheckDigits.IsValidDe),
        ["ES"] = new(["ADDDDDDDA"], VatIdCheckDigits.IsValidEs),
        ["FR"] = new(["DDDDDDDDDDD"], VatIdCheckDigits.IsValidFr),
        ["GB"] = new(["DDDDDDDDDDDD", "DDDDDDDDD"], VatIdCheckDigits.IsValidGb),
        ["IT"] = new(["DDDDDDDDDDD"], VatIdCheckDigits.IsValidIt),
        ["NL"] = new(["DDDDDDDDDBDD"], VatIdCheckDigits.IsValidNl),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Country>.AlternateLookup<ReadOnlySpan<char>> CountryLookup =
        Countries.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxBodyLength = 12;

    /// <summary>Prefix and the shortest body (ES, DE: nine characters).</summary>
    private const int MinLength = 11;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.VatId];

    public IReadOnlyList<string> Context { get; } =
    [
        "vat", "ust-idnr", "ust-id", "umsatzsteuer-identifikationsnummer", "umsatzsteuer", "uid", "tva",
        "tva intracommunautaire", "btw", "btw-nummer", "btw-id", "partita iva", "p.iva", "iva", "nif-iva", "cif",
    ];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> body = stackalloc char[MaxBodyLength];
        for (var i = 0; i + MinLength <= text.Length; i++)
        {
            if (!IsPrefixStart(text, i) || !CountryLookup.TryGetValue(text.AsSpan(i, 2), out var country))
            {
                continue;
            }

            var end = Match(text, i, country, body);
            if (end > 0)
            {
                results.Add(new EntitySpan(EntityTypes.VatId, i, end, RecognizerScores.Checksum, nameof(VatIdRecognizer)));
                i = end - 1;
            }
        }
    }

    /// <summary>Two letters of one case at the start of a token.</summary>
    private static bool IsPrefixStart(string text, int i) =>
        ((char.IsAsciiLetterUpper(text[i]) && char.IsAsciiLetterUpper(text[i + 1]))
            || (char.IsAsciiLetterLower(text[i]) && char.IsAsciiLetterLower(text[i + 1])))
        && (i == 0 || !TextBoundary.IsWordChar(text[i - 1]));

    /// <summary>The end of the first shape of <paramref name="country"/> read after the prefix at <paramref name="start"/> that passes the check, or -1.</summary>
    private static int Match(string text, int start, Country country, Span<char> body)
    {
        var bodyStart = start + 2;
        if (char.IsAsciiLetterUpper(text[start]) && bodyStart < text.Length && text[bodyStart] == ' ')
        {
            bodyStart++;
        }

        foreach (var shape in country.Shapes)
        {
            var end = TryRead(text, bodyStart, shape, body);
            if (end > 0 && country.IsValid(body[..shape.Length]))
            {
                return end;
            }
        }

        return -1;
    }

    /// <summary>Reads <paramref name="shape"/> from <paramref name="start"/> into <paramref name="body"/>; returns the end or -1.</summary>
    private static int TryRead(string text, int start, string shape, Span<char> body)
    {
        var separator = '\0';
        var j = start;
        for (var n = 0; n < shape.Length; n++)
        {
            if (n > 0 && j < text.Length && text[j] is ' ' or '.')
            {
                if (separator != '\0' && text[j] != separator)
                {
                    return -1;
                }

                separator = text[j];
                j++;
            }

            if (j >= text.Length || !Fits(shape[n], text[j]))
            {
                return -1;
            }

            body[n] = char.ToUpperInvariant(text[j]);
            j++;
        }

        var groupsGoOn = separator == ' ' && j + 1 < text.Length && text[j] == ' ' && char.IsAsciiDigit(text[j + 1]);
        return TextBoundary.IsGluedAfter(text, j) || TextBoundary.ContinuesAsNumber(text, j) || groupsGoOn ? -1 : j;
    }

    private static bool Fits(char shape, char c) => shape switch
    {
        'D' => char.IsAsciiDigit(c),
        'A' => char.IsAsciiLetterOrDigit(c),
        _ => char.ToUpperInvariant(c) == shape,
    };
}
