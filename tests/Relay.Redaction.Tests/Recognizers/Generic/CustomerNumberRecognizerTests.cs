using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class CustomerNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new CustomerNumberRecognizer();

    protected override string EntityType => EntityTypes.CustomerNumber;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Customer ID: 4471223 reports a broken charger", "4471223"),
        Hit("customer no. K-100234", "K-100234"),
        Hit("client number CUST-0098812", "CUST-0098812"),
        Hit("customer #88120034", "88120034"),
        Hit("Kundennummer 1002345, Rechnung 7", "1002345"),
        Hit("Kd.-Nr.: 40012", "40012"),
        Hit("numéro client : 77881234", "77881234"),
        Hit("référence client 55120", "55120"),
        Hit("klantnummer 9912345", "9912345"),
        Hit("número de cliente 30411223", "30411223"),
        Hit("codice cliente 774411", "774411"),
        Hits("customer numbers 4471223 and 4471224", "4471223", "4471224"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no customer here"),
        None("we served 12000 customers"),
        None("customer 2024 survey"),
        None("clients 12345 strong"),
        None("Kunden 1234 gewonnen"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("customer ID 123"), // three digits
        None("customer ID 1234567890123"), // thirteen
        None("customer ID ABCDE1234"), // five letters
        None("customer ID 12345x"),
        None("xcustomer ID 12345"),
    ];

    [Fact]
    public void Analyze_FindsWhatTheUnanchoredPatternFinds()
    {
        string[] keyWords =
        [
            "Customer ID", "customer  no.", "client number", "customer", "customers", "Kundennummer", "Kd.-Nr.", "numéro client",
            "numéro   de client", "référence client", "klantnummer", "número de cliente", "codice cliente", "clients",
        ];
        string[] fillers = ["", " ", "x", "\u00B2", "the ", "_", "2 ", "(", "\u00A0", "de "];
        string[] numbers = ["4471223", "K-100234", "CUST-0098812", "123", "abc", "4471223 and 4471224", "1234567890123"];
        string[] separators = [" ", ": ", " # ", "", " is ", "  ", " no. ", "\n- "];
        GeneratedTexts.AssertScanFindsWhatPatternFinds(
            new CustomerNumberRecognizer(), CustomerNumberRecognizer.NumberPattern(), CustomerNumberRecognizer.ListItemPattern(), keyWords, fillers, separators, numbers, seed: 20261209, minMatches: 3000);
    }
}
