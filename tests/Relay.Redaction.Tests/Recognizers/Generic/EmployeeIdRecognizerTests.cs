using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class EmployeeIdRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new EmployeeIdRecognizer();

    protected override string EntityType => EntityTypes.EmployeeId;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("employee ID 0045821, badge 7781", "0045821"),
        Hit("Employee No.: E12345", "E12345"),
        Hit("staff number EMP-00451 on leave", "EMP-00451"),
        Hit("Emp ID: 20931", "20931"),
        Hit("payroll #4471", "4471"),
        Hit("badge number 7781", "7781"),
        Hit("Personalnummer 004711", "004711"),
        Hit("Pers.-Nr. 12345", "12345"),
        Hit("Mitarbeiter-ID: 88120", "88120"),
        Hit("matricule : 123456", "123456"),
        Hit("numéro de matricule 98765", "98765"),
        Hit("numéro d'employé 4521", "4521"),
        Hit("personeelsnummer 556677", "556677"),
        Hit("número de empleado 30411", "30411"),
        Hit("numero di matricola 774411", "774411"),
        Hits("employee IDs 0045821, 0045822 and 0045823", "0045821", "0045822", "0045823"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no employee here"),
        None("we have 120 employees"),
        None("employees 2024 survey"),
        None("staff 12 attended"),
        None("the temperature was 21345 degrees"),
        None("personal data 12345 records"),
        None("empty 12345"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("employee ID 12"), // two digits
        None("employee ID 12345678901"), // eleven
        None("employee ID ABCD1234"), // four letters
        None("employee ID 12345x"),
        None("xemployee ID 12345"),
    ];

    [Fact]
    public void Analyze_FindsWhatTheUnanchoredPatternFinds()
    {
        string[] keyWords =
        [
            "employee ID", "Employee  No.", "staff number", "personnel", "Emp ID", "Personalnummer", "Pers.-Nr.", "Mitarbeiter-ID",
            "matricule", "numéro   de matricule", "numéro d'employé", "personeelsnummer", "número de empleado", "numero di matricola",
            "employees", "temperature", "personal", "empty",
        ];
        string[] fillers = ["", " ", "x", "\u00B2", "the ", "_", "2 ", "(", "\u00A0", "de "];
        string[] numbers = ["0045821", "E12345", "EMP-00451", "12", "abc", "0045821, 0045822 and 0045823", "12345678901"];
        string[] separators = [" ", ": ", " # ", "", " is ", "  ", " no. ", "\n- "];
        GeneratedTexts.AssertScanFindsWhatPatternFinds(
            new EmployeeIdRecognizer(), EmployeeIdRecognizer.NumberPattern(), EmployeeIdRecognizer.ListItemPattern(), keyWords, fillers, separators, numbers, seed: 20261207, minMatches: 3000);
    }
}
