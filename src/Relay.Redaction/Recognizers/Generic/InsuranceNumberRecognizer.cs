using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// INSURANCE_NUMBER: an insurance policy, membership or claim number (a HIPAA health-plan identifier when the insurer
/// is a health plan), right after a key word naming it: <c>policy number</c>, <c>insurance ID</c>, <c>member ID</c>,
/// <c>subscriber ID</c>, <c>claim number</c> (these English words only with a number word or <c>#</c> after them);
/// <c>Versicherungsnummer</c>, <c>Versichertennummer</c>, <c>Policennummer</c>, <c>Mitgliedsnummer</c>,
/// <c>Schadennummer</c>; <c>numéro de police</c>, <c>numéro d'adhérent</c>, <c>numéro de sociétaire</c>;
/// <c>polisnummer</c>, <c>lidnummer</c>; <c>número de póliza</c>, <c>número de afiliado</c>; <c>numero di polizza</c>.
/// The number: up to four letters, an optional dash, then letters and digits with single dashes or slashes between
/// them, 5 to 20 characters after the letters and at least five digits (<c>HX-4482-1190-77</c>, <c>POL123456789</c>,
/// <c>12/345678-9</c>), as a whole token; every number of a list after one key word. Each insurer numbers its own way,
/// so only a named number counts; the span is the number, the key word stays. <see cref="RecognizerScores.Structural"/>.
/// A German health or social insurance number with a valid check digit is also DE_KVNR or DE_SVNR; fusion keeps the
/// higher score.
/// </summary>
internal sealed partial class InsuranceNumberRecognizer : IRecognizer
{
    /// <summary>A word every key word holds: the pattern runs only around them (<see cref="AnchoredKeyedScan"/>).</summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["policy", "insurance", "member", "subscriber", "claim", "versicher", "police", "mitglied", "schaden", "adhérent", "adherent",
            "sociétaire", "societaire", "polis", "lidnummer", "póliza", "poliza", "afiliado", "polizza"],
        StringComparison.OrdinalIgnoreCase);

    private const string Blank = @"[ \t\u00A0]+";

    /// <summary>The English words name a number only with a number word or <c>#</c> after them ("claim 12345 dollars" is an amount).</summary>
    private const string KeyWord =
        @"(?:(?:(?:insurance" + Blank + @")?polic(?:y|ies)|insurance|member(?:ship)?|subscriber|claim)(?=[ \t\u00A0]*(?:ids?\b|numbers?\b|no\b|nr\b|#))" +
        @"|versicherungs-?(?:nummer|nr\.?|schein-?nummer)|versicherten-?(?:nummer|nr\.?)|police(?:n)?-?(?:nummer|nr\.?)|mitglieds-?(?:nummer|nr\.?)|schadens?-?(?:nummer|nr\.?)" +
        @"|num[ée]ro" + Blank + "(?:de" + Blank + "(?:police|soci[ée]taire|contrat)|d['’][ \t\u00A0]*adh[ée]rent)" +
        @"|polisnummer|lidnummer" +
        @"|n[úu]mero" + Blank + "de" + Blank + "(?:p[óo]liza|afiliado)" +
        @"|numero" + Blank + "(?:di" + Blank + ")?polizza)";

    /// <summary>The number: up to four letters, an optional dash, then 5-20 letters and digits (at least five digits) with single dashes or slashes.</summary>
    private const string PolicyNumber = @"(?<num>(?=(?:[A-Z/-]*[0-9]){5})[A-Z]{0,4}-?[0-9](?:[-/]?[0-9A-Z]){4,19})";

    private const string NumberAfterKeyWord =
        @"(?<![\p{L}\p{N}_])" + KeyWord + @"(?:[ \t\u00A0]*#|[ \t\u00A0]*" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator + PolicyNumber + KeyedNumber.End;

    /// <summary>How far before the word the gate finds its key word may start ("numéro de " before "police").</summary>
    private const int MaxLeadIn = 40;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.InsuranceNumber];

    public IReadOnlyList<string> Context { get; } =
        ["insurance", "insurer", "policy", "claim", "coverage", "versicherung", "krankenkasse", "assurance", "mutuelle", "verzekering", "seguro", "assicurazione"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        AnchoredKeyedScan.Add(
            text, KeyWords, MaxLeadIn, AnchoredNumberPattern(), ListItemPattern(), EntityTypes.InsuranceNumber, nameof(InsuranceNumberRecognizer), results);
    }

    /// <summary>The whole pattern, unanchored: the reference the tests hold the anchored scan to.</summary>
    [GeneratedRegex(NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();

    [GeneratedRegex(@"\G" + NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex AnchoredNumberPattern();

    /// <summary>The next policy number of a list after one key word (<c>policy numbers HX-4482-1190-77 and HX-4482-1190-78</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator + PolicyNumber + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex ListItemPattern();
}
