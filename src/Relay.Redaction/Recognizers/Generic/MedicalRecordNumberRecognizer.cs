using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// MEDICAL_RECORD_NUMBER: the number a hospital or practice files a patient under (one of HIPAA's eighteen identifiers),
/// right after a key word naming it: <c>MRN</c>, <c>medical record number</c> (or <c>medical record:</c>), <c>patient ID</c>, <c>patient no.</c>,
/// <c>hospital number</c>, <c>chart number</c>; <c>Patientennummer</c>, <c>Patienten-ID</c>, <c>Fallnummer</c>,
/// <c>Aufnahmenummer</c>; <c>numéro de dossier</c>, <c>numéro patient</c>, <c>IPP</c>; <c>patiëntnummer</c>,
/// <c>ziekenhuisnummer</c>; <c>número de historia clínica</c>, <c>NHC</c>; <c>numero di cartella clinica</c>, past the
/// separators the other keyed numbers take (a colon, <c>#</c>, "is", a short bracket). The number: up to three letters,
/// an optional dash, then 5 to 12 digits, single dashes allowed between them (<c>00123456</c>, <c>A1234567</c>,
/// <c>2024-004417</c>), as a whole token, and every number of a list after one key word. Each institution numbers its
/// own way and none with a check digit, so only a named number counts. The span is the number; the key word stays.
/// <see cref="RecognizerScores.Structural"/>: the key word is the structure. The pattern runs only around the key words
/// (<see cref="AnchoredKeyedScan"/>).
/// </summary>
internal sealed partial class MedicalRecordNumberRecognizer : IRecognizer
{
    /// <summary>A word every key word of <see cref="NumberPattern"/> holds: the pattern runs only around them.</summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["mrn", "record", "patient", "hospital", "chart", "fallnummer", "fall-nr", "aufnahmenummer", "dossier", "ipp",
            "patiënt", "ziekenhuisnummer", "historia", "nhc", "cartella"],
        StringComparison.OrdinalIgnoreCase);

    private const string Blank = @"[ \t\u00A0]+";

    /// <summary>The key words, each as a whole word (optional number words after them are the pattern's).</summary>
    private const string KeyWord =
        @"(?:mrns?|medical" + Blank + "records?(?=[ \t\u00A0]*(?:numbers?|no|nr|#|:))|patients?(?:" + Blank + "|-)?(?=(?:ids?|numbers?|no|nr|#))|hospital" + Blank + "(?=(?:numbers?|no))|chart" + Blank + "(?=(?:numbers?|no))" +
        @"|patient(?:en)?-?(?:nummer|nr\.?|id)|fall(?:nummer|-nr\.?)|aufnahme(?:nummer|-nr\.?)" +
        @"|num[ée]ro" + Blank + "(?:de" + Blank + ")?(?:dossier|patient)(?:" + Blank + "(?:m[ée]dical|patient))?|ipp" +
        @"|pati[ëe]nt(?:nummer|-?id)|ziekenhuisnummer" +
        @"|n[úu]mero" + Blank + "de" + Blank + "historia(?:" + Blank + "cl[íi]nica)?|nhc" +
        @"|numero" + Blank + "di" + Blank + "cartella(?:" + Blank + "clinica)?)";

    /// <summary>The number: up to three letters, an optional dash, then 5-12 digits with single dashes between them.</summary>
    private const string RecordNumber = @"(?<num>[A-Z]{0,3}-?[0-9](?:-?[0-9]){4,11})";

    /// <summary>A key word, an optional number word or <c>#</c>, a separator, and the number as a whole token.</summary>
    private const string NumberAfterKeyWord =
        @"(?<![\p{L}\p{N}_])" + KeyWord + @"(?:[ \t\u00A0]*#|[ \t\u00A0]*" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator + RecordNumber + KeyedNumber.End;

    /// <summary>
    /// How far before the word the gate finds its key word may start ("número de " before "historia", "medical " before
    /// "record", blanks between the words included).
    /// </summary>
    private const int MaxLeadIn = 40;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.MedicalRecordNumber];

    public IReadOnlyList<string> Context { get; } =
        ["patient", "hospital", "clinic", "admitted", "discharge", "ward", "krankenhaus", "klinik", "hôpital", "ziekenhuis", "ospedale"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        AnchoredKeyedScan.Add(
            text, KeyWords, MaxLeadIn, AnchoredNumberPattern(), ListItemPattern(), EntityTypes.MedicalRecordNumber, nameof(MedicalRecordNumberRecognizer), results);
    }

    /// <summary>The whole pattern, unanchored: the reference the tests hold the anchored scan to.</summary>
    [GeneratedRegex(NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();

    /// <summary>The pattern anchored where <see cref="Regex.Match(string, int)"/> starts (<c>\G</c>); its look-behind still sees the text before.</summary>
    [GeneratedRegex(@"\G" + NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex AnchoredNumberPattern();

    /// <summary>The next record number of a list after one key word (<c>MRNs 00123456, 00123457 and 00123458</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator + RecordNumber + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex ListItemPattern();
}
