using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class InsuranceNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new InsuranceNumberRecognizer();

    protected override string EntityType => EntityTypes.InsuranceNumber;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("insurance policy number HX-4482-1190-77", "HX-4482-1190-77"),
        Hit("Policy No.: POL123456789", "POL123456789"),
        Hit("member ID W123456789 on the card", "W123456789"),
        Hit("Subscriber ID: 88441-2290", "88441-2290"),
        Hit("claim number 2024/004417-3", "2024/004417-3"),
        Hit("insurance # 4471223", "4471223"),
        Hit("Versicherungsnummer 12/345678-9", "12/345678-9"),
        Hit("Versichertennummer: A123456789", "A123456789"),
        Hit("Policennummer: LV-2024-55123", "LV-2024-55123"),
        Hit("Mitgliedsnummer 7744112", "7744112"),
        Hit("numéro de police 45-778812", "45-778812"),
        Hit("numéro d'adhérent : 99120034", "99120034"),
        Hit("polisnummer 1234567", "1234567"),
        Hit("número de póliza 0099-112233", "0099-112233"),
        Hit("numero di polizza 12345678", "12345678"),
        Hits("policy numbers HX-4482-1190-77 and HX-4482-1190-78", "HX-4482-1190-77", "HX-4482-1190-78"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no insurance here"),
        None("the policy 2024 changes"),
        None("claim 12345 dollars back"),
        None("members 12345 strong"),
        None("the police 12345 report"),
        None("insurance costs 12,345 a year"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("policy number 1234"), // four digits
        None("policy number AB-12-34"), // four digits
        None("policy number ABCDE12345"), // five letters
        None("policy number 12345678901234567890123"), // 23 characters
        None("xpolicy number 1234567"),
    ];

    [Fact]
    public void Analyze_FindsWhatTheUnanchoredPatternFinds()
    {
        string[] keyWords =
        [
            "insurance policy number", "Policy No.", "member ID", "subscriber", "claim number", "Versicherungsnummer", "Versichertennummer",
            "Policennummer", "numéro   de police", "numéro d'adhérent", "polisnummer", "número de póliza", "numero di polizza",
            "policy", "police", "members", "claim",
        ];
        string[] fillers = ["", " ", "x", "\u00B2", "the ", "_", "2 ", "(", "\u00A0", "de "];
        string[] numbers = ["HX-4482-1190-77", "POL123456789", "12/345678-9", "1234", "abc", "W123456789 and W123456780", "12345678901234567890123"];
        string[] separators = [" ", ": ", " # ", "", " is ", "  ", " no. ", "\n- "];
        GeneratedTexts.AssertScanFindsWhatPatternFinds(
            new InsuranceNumberRecognizer(), InsuranceNumberRecognizer.NumberPattern(), InsuranceNumberRecognizer.ListItemPattern(), keyWords, fillers, separators, numbers, seed: 20261208, minMatches: 3000);
    }
}
