using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// The regex shapes of a street address (the English shape is <see cref="EnglishStreetScanner"/>, in code: as a regex it
/// cost more than all other recognizers together). Every shape is anchored on its house number: the regex engine finds
/// candidates by a vectorized search for digits, and what stands before the number (German and Dutch street words,
/// "Am", "Via", a flat number) is matched by a lookbehind with captures. Every quantifier is bounded and every repeated
/// piece starts with a character the piece before cannot end with, so an attempt is linear in what it looks at (no
/// catastrophic backtracking); the match timeout still applies and fails closed. No atomic group inside a lazy loop:
/// .NET's backtracking engine is pathological there. Candidates are validated by <see cref="StreetCandidates"/> (case,
/// stop words, word lists) before anything is reported.
/// </summary>
internal static partial class StreetAddressPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>
    /// What may follow the street type of the English shape (anchored with <c>\G</c>; see
    /// <see cref="EnglishStreetScanner"/>): a direction and a unit, <c> NW</c>, <c>, Apt 4</c>, <c> Suite 200</c>.
    /// </summary>
    [GeneratedRegex(
        @"\G(?:[ \t\u00A0]+(?:nw|ne|sw|se|n|s|e|w)\.?(?![\p{L}\p{N}_]))?" +
        @"(?:,?[ \t\u00A0]+(?:apt\.?|apartment|suite|ste\.?|unit|\#)[ \t\u00A0]?[0-9]{1,5}[a-z]?(?![\p{L}\p{N}_]))?",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex EnglishSuffix();

    /// <summary>
    /// fr: number [bis|ter], a street-type word, then the name words up to the end of the line (trimmed by
    /// validation): <c>12 rue de la Paix</c>, <c>5 bis avenue Victor Hugo</c>, <c>3, boulevard Saint-Michel</c>.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_$€£#])(?<num>[0-9]{1,5}[a-z]?(?:-[0-9]{1,5})?)(?:[ \t\u00A0]+(?:bis|ter|quater)(?![\p{L}\p{N}_]))?,?[ \t\u00A0]+" +
        @"(?<type>rue|avenue|av\.|bd|boulevard|place|pl\.|allée|allee|chemin|impasse|quai|route|cours|square|passage|voie|faubourg|fbg)" +
        @"(?<name>(?:[ \t\u00A0]+\p{L}[\p{L}'’-]*\.?){1,8})",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex French();

    /// <summary>
    /// de/nl: a compound street word (or an adjective and a street word), then the house number after a blank (or
    /// right after <c>str.</c>): <c>Hauptstraße 5</c>, <c>Berliner Str. 12a</c>, <c>Hauptstr.12</c>,
    /// <c>Kaiser-Wilhelm-Allee 14</c>, <c>Prinsengracht 263-267</c>. A number glued to a word is not a house number
    /// (<c>Bergkamp64</c>, a player and a minute).
    /// </summary>
    [GeneratedRegex(
        @"(?<![0-9])(?<=(?<![\p{L}\p{N}_-])(?:(?<adj>\p{L}+)[ \t\u00A0]+)?" +
        @"(?<street>\p{L}[\p{L}-]*?(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|kamp|hof|straat|laan|gracht|plein|kade|singel|dijk|steeg|veld|velt|passage|plantsoen|sloot|markt|park|dreef)" +
        @"|(?<type>straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|straat|laan|gracht|plein|kade|singel|dijk))(?:[ \t\u00A0]+|(?<=\.)))" +
        @"(?<num>[0-9]{1,4}[a-z]?(?:[ \t\u00A0]?[-–/][ \t\u00A0]?[0-9]{1,4}[a-z]?)?)(?![\p{L}\p{N}_])",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex GermanDutch();

    /// <summary>de: a preposition, one or two place words, a short house number: <c>Am Markt 3</c>, <c>Am Blauen Berg 1</c>.</summary>
    [GeneratedRegex(
        @"(?<![0-9])(?<=(?<![\p{L}\p{N}_-])(?<prep>am|im|zum|zur|beim|(?:an|auf|in|unter|hinter|vor)[ \t\u00A0]+(?:der|den|dem))[ \t\u00A0]+" +
        @"(?<name>\p{L}[\p{L}-]*(?:[ \t\u00A0]+\p{L}[\p{L}-]*)?)[ \t\u00A0]+)(?<num>[0-9]{1,3}[a-z]?)(?![\p{L}\p{N}_])",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex GermanPreposition();

    /// <summary>
    /// es/it and Belgian French: a street-type word, one to four name words, the number: <c>Calle de Alcalá, 45</c>,
    /// <c>Via Roma 10</c>, <c>Rue de la Loi 16</c>, <c>Avenue Louise 54</c>. Of the French types only those that are no
    /// ordinary English word before a capitalized one ("Place Order 5", "Route Planner 2" are not addresses).
    /// </summary>
    [GeneratedRegex(
        @"(?<![0-9])(?<=(?<![\p{L}\p{N}_-])(?<type>calle|c/|avenida|avda\.|plaza|paseo|camino|carretera|via|viale|piazza|piazzale|corso|largo|vicolo|rue|avenue|boulevard|bd|chaussée|quai|allée|chemin)" +
        @"(?<name>(?:[ \t\u00A0]+\p{L}[\p{L}'’.-]*){1,4}?),?[ \t\u00A0]+(?:n(?:[º°o]|\.)[ \t\u00A0]?)?)" +
        @"(?<num>[0-9]{1,4}[a-z]?)(?![\p{L}\p{N}_])",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex SpanishItalian();

    /// <summary>
    /// en with the house number after the street, as people write it from continental habit: <c>Baker Street 221B</c>,
    /// <c>Main Road 5</c>. Only the common full types, not "Drive" (<c>Google Drive 2</c>), and at most three digits, so
    /// that a year after a famous street (<c>Wall Street 2008</c>, <c>Abbey Road 1969</c>) is no address.
    /// </summary>
    [GeneratedRegex(
        @"(?<![0-9])(?<=(?<![\p{L}\p{N}_-])(?<name>\p{L}[\p{L}'’.-]*(?:[ \t\u00A0]+\p{L}[\p{L}'’.-]*){0,2})[ \t\u00A0]+" +
        @"(?<type>street|road|avenue|lane|boulevard|terrace|crescent)[ \t\u00A0]+)" +
        @"(?<num>[0-9]{1,3}[a-z]?)(?![\p{L}\p{N}_])",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex EnglishNumberAfter();

    /// <summary>
    /// de/nl/fr/es/it without a street-type word, confirmed by the postcode that follows: one or two name words, a house
    /// number, then a Dutch postcode (<c>Damrak 1, 1012 LG Amsterdam</c>) or a five-digit one (<c>Zeil 5, 60313
    /// Frankfurt</c>). The number is found first and the postcode looked for right after it (cheap), the name words
    /// last; <see cref="StreetCandidates.PostcodeConfirmed"/> validates the words and the city.
    /// </summary>
    [GeneratedRegex(
        @"(?<![0-9])(?<num>[0-9]{1,4}[a-z]?)(?![\p{L}\p{N}_])" +
        @"(?=,?[ \t\u00A0]+(?:(?:d|f|nl|i|e)-)?(?:(?<pc>[0-9]{5})|(?<nl>[1-9][0-9]{3}[ \t\u00A0]?[a-z]{2}))[ \t\u00A0]+\p{L})" +
        @"(?<=(?<![\p{L}\p{N}_-])(?<name>\p{L}[\p{L}'’.-]*(?:[ \t\u00A0]+\p{L}[\p{L}'’.-]*)?)[ \t\u00A0]+[0-9]{1,4}[a-z]?)",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex PostcodeConfirmed();

    /// <summary>
    /// A post-office box, where many people and small firms get their mail: en <c>P.O. Box 1234</c>, <c>PO Box 12</c>,
    /// <c>Post Office Box 7</c>; de <c>Postfach 10 11 12</c> (numbers grouped in pairs); nl <c>Postbus 123</c>; fr
    /// <c>B.P. 45</c>, <c>BP 45</c>, <c>Boîte postale 9</c>; es <c>Apartado de correos 12</c>, <c>Apartado 12</c>; it
    /// <c>Casella postale 45</c>. <see cref="StreetCandidates.PostBox"/> wants a postcode or city after the two that are
    /// also ordinary words (<c>BP</c>, the company; <c>apartado</c>, a paragraph of a law).
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_.])(?<box>p\.?[ \t\u00A0]?o\.?[ \t\u00A0]?box|post[ \t\u00A0]+office[ \t\u00A0]+box|postfach|postbus|bo[iî]te[ \t\u00A0]+postale" +
        @"|b\.p\.|bp|apartado(?:[ \t\u00A0]+de[ \t\u00A0]+correos)?|casella[ \t\u00A0]+postale)" +
        @"[ \t\u00A0]*(?<num>[0-9]{1,7}(?:[ \t\u00A0][0-9]{2}(?![0-9])){0,3})(?![\p{L}\p{N}_])",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex PostBox();

    /// <summary>
    /// What may follow a street address directly (anchored with <c>\G</c>): <c>, 10115 Berlin</c> / <c>75002 Paris</c>
    /// (5-digit postcode, optional country prefix), <c>, 1016 GV Amsterdam</c> (nl), <c>, 1010 Wien</c> /
    /// <c>, 8001 Zürich</c> / <c>, 1040 Bruxelles</c> (4-digit: at, ch, be, dk, no), <c>, Springfield, IL 62704</c>
    /// (US) and <c>, London NW1 6XE</c> (UK).
    /// </summary>
    [GeneratedRegex(
        @"\G(?:,?[ \t\u00A0]+(?:(?:d|f|nl|b|a|ch|i|e)-)?(?<pc>[0-9]{5})[ \t\u00A0]+(?<city>" + City + ")" +
        @"|,?[ \t\u00A0]+(?<nl>[1-9][0-9]{3}[ \t\u00A0]?[a-z]{2})[ \t\u00A0]+(?<city>" + City + ")" +
        @"|,?[ \t\u00A0]+(?:(?:a|b|ch|dk|n)-)?[1-9][0-9]{3}[ \t\u00A0]+(?<city>" + City + ")" +
        @"|,[ \t\u00A0]*(?<city>" + City + @"),[ \t\u00A0]*(?<state>[a-z]{2})(?:[ \t\u00A0]+(?<zip>[0-9]{5}(?:-[0-9]{4})?))?(?![\p{L}\p{N}_])" +
        @"|,?[ \t\u00A0]+(?:(?<city>" + City + @"),?[ \t\u00A0]+)?(?<uk>[a-z]{1,2}[0-9][a-z0-9]?[ \t\u00A0]?[0-9][a-z]{2})(?![\p{L}\p{N}_]))",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex Tail();

    /// <summary>
    /// English street types: the common ones and the USPS street suffixes (C1 list, with the plurals it lists),
    /// without those that are mostly ordinary nouns after a count: the plurals of hill, lake, view, park, field,
    /// island, key, mountain, point, river, spring ("3 Big Hills", "5 National Parks"; singular after a count
    /// greater than one is not English), and light, mission, plain, run, union ("27 European Union"), well, club,
    /// common, course, fall, flat, land.
    /// </summary>
    internal const string EnglishStreetTypes =
        "streets?|avenues?|roads?|lanes?|drives?|boulevard|courts?|place|way|terrace|close|crescent|squares?|parkways?|highway|" +
        "alley|bend|bluffs?|branch|bridges?|brooks?|burgs?|bypass|camp|canyon|cape|causeway|center|circles?|cliffs?|corners?|" +
        "coves?|creek|crest|crossing|dale|divide|estates?|expressway|extensions?|falls|ferry|fords?|forest|forges?|forks?|fort|" +
        "freeway|gardens?|gateway|glens?|greens?|groves?|harbors?|haven|heights|hollow|inlet|isle|junctions?|knolls?|landing|" +
        "locks?|lodge|loop|manors?|meadows?|mews|mills?|motorway|mount|neck|orchard|oval|overpass|pass|path|pike|pines?|plaza|" +
        "ports?|prairie|ranch|rapids?|ridges?|route|row|shoals?|shores?|skyway|spur|stravenue|stream|summit|trace|track|" +
        "trafficway|trail|tunnel|turnpike|underpass|valleys?|viaduct|villages?|ville|vista|walk|" +
        "park|hill|lake|view|station|mountain|key|point|river|spring|field|island";

    /// <summary>Abbreviated English street types; a dot may follow (<c>St.</c>, <c>Ave.</c>).</summary>
    internal const string EnglishStreetAbbreviations = "st|ave|rd|ln|dr|blvd|ct|pl|sq|pkwy|hwy|cir|trl|plz|ter|expy|fwy|tpke";

    /// <summary>
    /// A flat, room or floor written after the house number (anchored with <c>\G</c>), up to three in a row:
    /// <c>Zimmer 966</c>, <c>Apt. 053</c>, <c>7 étage</c>, <c>1er étage</c>, <c>III</c>, <c>3 hoog achter</c>.
    /// </summary>
    [GeneratedRegex(
        @"\G(?:,?[ \t\u00A0]+(?:(?:zimmer|apt\.?|app\.?|appartement|wohnung|whg\.?|etage|bus|suite|ste\.?|unit)[ \t\u00A0]?[0-9]{1,4}[a-z]?" +
        @"|[0-9]{1,2}(?:e|er|re|ème)?[ \t\u00A0]+étage|i{1,3}|iv|hs|[0-9]{1,2}[ \t\u00A0]+hoog(?:[ \t\u00A0]+(?:achter|voor))?)(?![\p{L}\p{N}_])){1,3}",
        Options, RecognizerScores.RegexTimeoutMilliseconds)]
    public static partial Regex Unit();

    /// <summary>One to three words of a city name.</summary>
    private const string City = @"\p{L}[\p{L}'’.-]*(?:[ \t\u00A0]+\p{L}[\p{L}'’.-]*){0,2}";
}
