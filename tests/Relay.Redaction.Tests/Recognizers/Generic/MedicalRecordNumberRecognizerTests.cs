using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class MedicalRecordNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new MedicalRecordNumberRecognizer();

    protected override string EntityType => EntityTypes.MedicalRecordNumber;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Patient MRN: 00123456, admitted 3/4.", "00123456"),
        Hit("MRN 4471-2231 seen in clinic", "4471-2231"),
        Hit("Medical record number: A1234567", "A1234567"),
        Hit("medical record #20240417", "20240417"),
        Hit("Medical record: 0098812", "0098812"),
        Hit("patient ID 7788123", "7788123"),
        Hit("Patient no. 55612", "55612"),
        Hit("Patient-ID: PT-00451", "PT-00451"),
        Hit("hospital number 88120034", "88120034"),
        Hit("chart no. 1029384", "1029384"),
        Hit("Patientennummer: 2024-004417", "2024-004417"),
        Hit("Patienten-ID 99887766", "99887766"),
        Hit("Fallnummer 123456789", "123456789"),
        Hit("Aufnahmenummer: 40012345", "40012345"),
        Hit("numéro de dossier : 87654321", "87654321"),
        Hit("IPP 000456123", "000456123"),
        Hit("patiëntnummer 1234567", "1234567"),
        Hit("ziekenhuisnummer: 7654321", "7654321"),
        Hit("número de historia clínica 3344556", "3344556"),
        Hit("NHC: 998877", "998877"),
        Hit("numero di cartella clinica 2023004512", "2023004512"),
        Hits("MRNs 00123456, 00123457 and 00123458", "00123456", "00123457", "00123458"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no record here"),
        None("the patient is 45 years old"),
        None("patients 12345 and more were seen"),
        None("patient notes 12345 were filed"),
        None("medical records 2019-2023 were reviewed"),
        None("hospital 12345 beds"),
        None("IPP 20 mg once daily"),
        None("chart 2024 sales"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("MRN: 1234"), // four digits
        None("MRN: 1234567890123"), // thirteen
        None("MRN 00123456X7"), // glued on
        None("MRN ABCD12345"), // four letters before the digits
        None("xMRN 00123456"),
    ];

    [Fact]
    public void Analyze_FindsWhatTheUnanchoredPatternFinds()
    {
        // The scan anchored at the words around each key-word hit must report exactly what the unanchored pattern and
        // its list items report, whatever stands around and between the key words.
        string[] keyWords =
        [
            "MRN", "medical record number", "Medical  record", "patient ID", "Patient-ID", "patient no.", "hospital number", "chart no.",
            "Patientennummer", "Fall-Nr.", "numéro de dossier", "numéro   de  dossier médical", "numéro patient", "IPP", "patiëntnummer",
            "número de historia clínica", "NHC", "numero di cartella", "patient", "patients", "record", "shipping", "Philipp",
        ];
        string[] fillers = ["", " ", "x", "\u00B2", "the ", "_", "2 ", "(", "\u00A0", "de ", "Dr. "];
        string[] numbers = ["00123456", "4471-2231", "PT-00451", "A1234567", "1234", "2024-004417", "abc", "00123456, 00123457 and 00123458"];
        string[] separators = [" ", ": ", " # ", "", " is ", "  ", " no. ", "\n- "];
        GeneratedTexts.AssertScanFindsWhatPatternFinds(
            new MedicalRecordNumberRecognizer(), MedicalRecordNumberRecognizer.NumberPattern(), MedicalRecordNumberRecognizer.ListItemPattern(), keyWords, fillers, separators, numbers, seed: 20261206, minMatches: 5000);
    }
}
