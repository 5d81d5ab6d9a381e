using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// DRIVER_LICENSE: a driving licence number right after a key word naming it (<c>driver's license</c>, <c>driving
/// licence</c>, <c>licence number</c>, <c>DL no.</c>, <c>Führerscheinnummer</c>, <c>permis de conduire</c>,
/// <c>rijbewijsnummer</c>, <c>carné de conducir</c>, <c>patente di guida</c>), past a colon, an equals sign, <c>#</c>,
/// "is" or a short bracket. The number is 5 to 18 characters of upper-case letters and digits with at least one
/// digit, in groups joined by single dashes (US states <c>D1234567</c> or <c>123-456-789</c>, Florida
/// <c>D123-456-78-901-0</c>, UK <c>MORGA657054SM9IJ</c>) or by single blanks, where every group has 3 to 6 characters
/// and each after a blank a digit (<c>123 456 789</c>, <c>MORGA 657054 SM9IJ</c>): a word in capitals after the number
/// (<c>D1234567 AND</c>) and a count after it (<c>123456789 10 years</c>) are not taken, and a longer run is a list or
/// another code, not taken at all.
/// Every issuer has its own format and they share no check character, so only a named number counts. The span is
/// the number; the key word stays. <see cref="RecognizerScores.Structural"/>: the key word is the structure.
/// </summary>
internal sealed partial class DriverLicenseRecognizer : IRecognizer
{
    /// <summary>
    /// A word every key word of <see cref="NumberPattern"/> holds but <c>DL</c>: the regex runs only on texts with one.
    /// </summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["licence", "license", "führerschein", "fuehrerschein", "permis", "rijbewijs", "conducir", "patente"],
        StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.DriverLicense];

    public IReadOnlyList<string> Context { get; } =
        ["driver", "driving", "licence", "license", "führerschein", "permis", "rijbewijs", "conducir", "patente"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (HasKeyWord(text))
        {
            KeyedNumber.Add(NumberPattern(), text, 5, 18, EntityTypes.DriverLicense, nameof(DriverLicenseRecognizer), results, ListItemPattern());
        }
    }

    /// <summary>The gate: false only where <see cref="NumberPattern"/> cannot match (<c>DL</c> is upper case in both).</summary>
    internal static bool HasKeyWord(string text) =>
        text.AsSpan().ContainsAny(KeyWords) || text.Contains("DL", StringComparison.Ordinal);

    /// <summary>
    /// A key word with an optional number word (a required one after a bare <c>licence</c>/<c>license</c> and after
    /// <c>DL</c>), a separator, and groups of upper-case letters and digits joined by single dashes, or groups of 3-6
    /// joined by single blanks, as a whole token.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:(?:(?:driver(?:['’]?s)?|driving)[ \t\u00A0]+licen[cs]es?|f(?:ü|ue)hrerschein(?:e|-?nummern?|-?nr\.?)?" +
        @"|permis[ \t\u00A0]+de[ \t\u00A0]+conduire|(?:num[ée]ro|n°)[ \t\u00A0]+de[ \t\u00A0]+permis|rijbewijs(?:nummer)?" +
        @"|(?:carn[ée]t?|permiso|licencia)[ \t\u00A0]+de[ \t\u00A0]+conducir|patente[ \t\u00A0]+di[ \t\u00A0]+guida)" +
        @"(?:[ \t\u00A0]+" + KeyedNumber.NumberWord + ")?" +
        @"|licen[cs]e[ \t\u00A0]+(?:number|no\.?|nr\.?|#)|(?-i:DL)(?:[ \t\u00A0]*#|[ \t\u00A0]+(?:number|no\.?|nr\.?)))" +
        KeyedNumber.Separator +
        @"(?<num>(?-i:[A-Z0-9]{3,6}(?:[ \t\u00A0](?=[A-Z]*[0-9])[A-Z0-9]{3,6})+(?![A-Z0-9])|[A-Z0-9]+(?:-[A-Z0-9]+)*))" + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();

    /// <summary>The next licence number of a list after one key word (<c>driver's license numbers: D1234567, D7654321</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator +
        @"(?<num>(?-i:[A-Z0-9]{3,6}(?:[ \t\u00A0](?=[A-Z]*[0-9])[A-Z0-9]{3,6})+(?![A-Z0-9])|[A-Z0-9]+(?:-[A-Z0-9]+)*))" + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex ListItemPattern();
}
