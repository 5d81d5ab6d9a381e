using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// ADDRESS: street and house number in en (US/UK), de, fr, nl, es and it, with the postcode and city when they follow
/// directly (<c>221B Baker Street</c>, <c>Hauptstraße 5, 10115 Berlin</c>, <c>12 rue de la Paix</c>,
/// <c>Prinsengracht 263-267</c>, <c>Via Roma 10</c>), and post-office boxes (<c>P.O. Box 1234</c>, <c>Postfach 10 11 12</c>,
/// <c>Postbus 123</c>, <c>B.P. 45</c>). A street-type word (suffix or compound ending) must touch a house
/// number; name words are capitalized (unless the surrounding text is all lower-case), never stop words, and at most
/// a few. Nothing is checksummed, so scores follow the evidence: <see cref="RecognizerScores.Formatted"/> for street
/// and number, <see cref="RecognizerScores.Structural"/> with a postcode/city tail, <see cref="RecognizerScores.ShapeOnly"/>
/// for the weak German "Am Markt 3" shape, <see cref="RecognizerScores.Informational"/> right after "Chapter",
/// "version", "Kapitel", ... The type is the one the NER label mapping gives ADDR, so fusion merges the two.
/// </summary>
internal sealed class StreetAddressRecognizer : IRecognizer
{
    /// <summary>
    /// The regex shapes (the English one is <see cref="EnglishStreetScanner"/>), each with the gate a text must pass for
    /// the shape to be tried at all.
    /// </summary>
    private static readonly (Func<Regex> Pattern, Func<string, Match, AddressMatch?> Validate, ShapeGate Gate)[] Shapes =
    [
        (StreetAddressPatterns.French, StreetCandidates.French, ShapeGate.IgnoreCase(
            ShapeGate.BetweenBlanks,
            "rue", "avenue", "av.", "bd", "boulevard", "place", "pl.", "allée", "allee", "chemin", "impasse", "quai", "route",
            "cours", "square", "passage", "voie", "faubourg", "fbg")),
        (StreetAddressPatterns.GermanDutch, StreetCandidates.GermanDutch, ShapeGate.IgnoreCase(
            ShapeGate.BeforeNumber,
            "straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee", "steig", "pfad",
            "kamp", "hof", "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "steeg", "veld", "velt", "passage",
            "plantsoen", "sloot", "markt", "park", "dreef")),
        (StreetAddressPatterns.GermanPreposition, StreetCandidates.GermanPreposition, ShapeGate.Capitalized(
            ShapeGate.WordThenBlank,
            "am", "im", "zum", "zur", "beim", "an", "auf", "in", "unter", "hinter", "vor")),
        (StreetAddressPatterns.EnglishNumberAfter, StreetCandidates.EnglishNumberAfter, ShapeGate.IgnoreCase(
            ShapeGate.BeforeNumber,
            "street", "road", "avenue", "lane", "boulevard", "terrace", "crescent")),
        (StreetAddressPatterns.SpanishItalian, StreetCandidates.SpanishItalian, ShapeGate.Cased(
            ShapeGate.WordThenBlank,
            "calle", "c/", "avenida", "avda.", "plaza", "paseo", "camino", "carretera", "Via", "viale", "piazza", "piazzale",
            "corso", "largo", "vicolo", "rue", "avenue", "boulevard", "bd", "chaussée", "quai", "allée", "chemin")),
        (StreetAddressPatterns.PostBox, StreetCandidates.PostBox, ShapeGate.IgnoreCase(
            ShapeGate.BeforeNumber,
            "box", "postfach", "postbus", "postale", "b.p.", "bp", "apartado", "correos")),
    ];

    /// <summary>
    /// JIT-compiles the generated matchers once per process, before any request's match timeout is running (the first
    /// call of a large generated matcher costs tens of milliseconds on a loaded machine).
    /// </summary>
    static StreetAddressRecognizer()
    {
        try
        {
            new StreetAddressRecognizer(new RecognizerOptions()).Analyze(
                "221B Baker Street, London NW1 6XE; 12 rue de la Paix, 75002 Paris; Berliner Str. 12a, 10115 Berlin; Am Markt 3; Via Roma 10",
                []);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only the warm-up ran late (a starved machine); requests keep their own timeout and still fail closed.
        }
    }

    private readonly bool _enabled;

    public StreetAddressRecognizer()
        : this(new RecognizerOptions())
    {
    }

    public StreetAddressRecognizer(RecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _enabled = options.StreetAddresses;
    }

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Address];

    /// <summary>
    /// Single words (the analyzer compares word by word, also inside longer words such as "Wohnort"): where someone
    /// lives, and sending things somewhere ("ship", "liefern", "livrer", "bezorgen", "spedire", "enviar"). "ship" is
    /// also inside "membership" or "championship"; a weak address shape near one is then redacted, which errs the
    /// safe way.
    /// </summary>
    public IReadOnlyList<string> Context { get; } =
    [
        "address", "lives", "resides", "ship", "deliver", "mailing", "postal", "adresse", "anschrift", "wohn",
        "habite", "domicile", "adres", "woont", "woonachtig", "dirección", "direccion", "domicilio", "indirizzo", "residenza",
        "liefer", "versand", "schick", "livr", "envoy", "bezorg", "verzend", "stuur", "spedi", "consegn", "enví", "envia",
        "entrega",
    ];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        // Every shape has a house number: text without a digit holds no address.
        if (!_enabled || !text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return;
        }

        List<AddressMatch>? found = null;
        var from = 0;
        while (EnglishStreetScanner.Find(text, from) is { } english)
        {
            if (StreetCandidates.English(text, english) is { } candidate)
            {
                (found ??= []).Add(WithTail(text, candidate));
                from = english.End;
            }
            else
            {
                // A rejected candidate may hide a valid one starting inside it ("5 ways to 10 Downing Street").
                from = english.Start + 1;
            }
        }

        foreach (var (pattern, validate, gate) in Shapes)
        {
            if (!gate.Opens(text))
            {
                continue;
            }

            var regex = pattern();
            var m = regex.Match(text);
            while (m.Success)
            {
                if (validate(text, m) is { } candidate)
                {
                    (found ??= []).Add(WithTail(text, candidate));
                    m = m.NextMatch();
                }
                else
                {
                    // A rejected candidate may hide a valid one starting inside it ("der Hauptstraße 5").
                    m = regex.Match(text, m.Index + 1);
                }
            }
        }

        // No key word to gate on: the shape needs a postcode followed by a word, which a scan of the digit runs finds
        // cheaply (the regex would cost about 4 us per 1 KB of text with numbers and no postcode).
        var postcode = HasPostcodeBeforeWord(text) ? StreetAddressPatterns.PostcodeConfirmed().Match(text) : Match.Empty;
        while (postcode.Success)
        {
            if (StreetCandidates.PostcodeConfirmed(text, postcode) is { } candidate)
            {
                (found ??= []).Add(candidate);
            }

            postcode = postcode.NextMatch();
        }

        if (found is not null)
        {
            AddMerged(found, results);
        }
    }

    /// <summary>
    /// True when some run of digits after a blank or a hyphen is a five-digit postcode, or a Dutch one (four digits,
    /// an optional blank and two letters), followed by a blank and a letter: the necessary part of
    /// <see cref="StreetAddressPatterns.PostcodeConfirmed"/>.
    /// </summary>
    internal static bool HasPostcodeBeforeWord(string text) => DigitRuns.Any(text, IsPostcodeBeforeWord);

    private static bool IsPostcodeBeforeWord(string text, int start, int end)
    {
        if (start == 0 || !(AddressWords.IsBlank(text[start - 1]) || text[start - 1] == '-'))
        {
            return false;
        }

        var after = end - start == 5 ? end : end - start == 4 ? DutchLettersEnd(text, end) : -1;
        if (after < 0 || after >= text.Length || !AddressWords.IsBlank(text[after]))
        {
            return false;
        }

        while (after < text.Length && AddressWords.IsBlank(text[after]))
        {
            after++;
        }

        return after < text.Length && char.IsLetter(text[after]);
    }

    /// <summary>The end of the two letters of a Dutch postcode after its digits (<c>1012 LG</c>, <c>1012LG</c>), or -1.</summary>
    private static int DutchLettersEnd(string text, int digitsEnd)
    {
        var i = digitsEnd < text.Length && AddressWords.IsBlank(text[digitsEnd]) ? digitsEnd + 1 : digitsEnd;
        return i + 2 <= text.Length && char.IsAsciiLetter(text[i]) && char.IsAsciiLetter(text[i + 1]) ? i + 2 : -1;
    }

    private static AddressMatch WithTail(string text, AddressMatch candidate)
    {
        candidate = candidate with { End = AddressTail.ExtendUnits(text, candidate.End) };
        var end = AddressTail.Extend(text, candidate.End, candidate.LowerCaseRegion);
        return end < 0 ? candidate : candidate with { End = end, Score = Math.Max(candidate.Score, RecognizerScores.Structural) };
    }

    /// <summary>Shapes can overlap ("12 Avenue Road" is English and French): overlapping candidates become one span.</summary>
    private static void AddMerged(List<AddressMatch> found, List<EntitySpan> results)
    {
        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var current = found[0];
        for (var i = 1; i < found.Count; i++)
        {
            var next = found[i];
            if (next.Start < current.End)
            {
                current = current with { End = Math.Max(current.End, next.End), Score = Math.Max(current.Score, next.Score) };
            }
            else
            {
                Add(current, results);
                current = next;
            }
        }

        Add(current, results);
    }

    private static void Add(AddressMatch match, List<EntitySpan> results) =>
        results.Add(new EntitySpan(EntityTypes.Address, match.Start, match.End, match.Score, nameof(StreetAddressRecognizer)));
}
