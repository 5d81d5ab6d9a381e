using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class CardSecurityCodeRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new CardSecurityCodeRecognizer();

    protected override string EntityType => EntityTypes.CardSecurityCode;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("card 4111 1111 1111 1111 exp 12/27 cvv 123", "123"),
        Hit("CVV: 737, please charge it", "737"),
        Hit("CVC2=1234", "1234"),
        Hit("CVV #123 on the back", "123"),
        Hit("cvv# 737", "737"),
        Hit("the security code is 456.", "456"),
        Hit("Card verification value (3 digits): 321", "321"),
        Hit("CVV code 999", "999"),
        Hit("Kartenprüfnummer 123", "123"),
        Hit("cryptogramme visuel : 987", "987"),
        Hit("beveiligingscode 555", "555"),
        Hit("código de seguridad: 246", "246"),
        Hit("codice di sicurezza è 135", "135"),
        Hits("cvv 111, cvc 2222", "111", "2222"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no code here"),
        None("cvv"),
        None("the security team met 3 times"),
        None("Security 2024 conference"),
        None("Our CVV policy: never store it"),
        None("social security number 078-05-1120"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("cvv 12"),
        None("cvv 12345"),
        None("cvv 1.5"),
        None("cvv 123.45"),
        None("cvvv 123"),
        None("xcvv 123"),
    ];
}
