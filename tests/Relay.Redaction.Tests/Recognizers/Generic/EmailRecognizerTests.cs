using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class EmailRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new EmailRecognizer();

    protected override string EntityType => EntityTypes.EmailAddress;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override bool RequiresWordBoundaries => false;

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("Contact john.doe@example.com today", 8, 28),
        Hit("Mail me at jane+newsletter@mail.example.co.uk.", "jane+newsletter@mail.example.co.uk"),
        Hit("<first_last@sub-domain.example.org>", "first_last@sub-domain.example.org"),
        Hit("(o'brien? no: ob.rien@example.ie)", "ob.rien@example.ie"),
        Hit("\"user%tag@exämple.de\" is umlaut domain", "user%tag@exämple.de"),
        Hits("a@example.com, b@example.net; c.d@example.io", "a@example.com", "b@example.net", "c.d@example.io"),
        Hit("E-Mail:max.mustermann@beispiel.de", "max.mustermann@beispiel.de"),
        Hit("sftp://files.example.com/in contact:ops@example.com", "ops@example.com"),
        Hit("https://bob@example.com/ (a user name, no password)", "bob@example.com"),
        Hit("Send it to \"john doe\"@example.com today", "\"john doe\"@example.com"),
        Hit("(\"j.o'brien, ops\"@mail.example.ie)", "\"j.o'brien, ops\"@mail.example.ie"),
        Hit("quoted pair: \"john\\\" doe\"@example.com", "\"john\\\" doe\"@example.com"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no address here"),
        None("follow @someone on social media"),
        None("price @ 5 EUR each"),
        None("git@ is not an address"),
        None("decorator @Override and @param name"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("user@localhost"),
        None("user@example.c0m"),
        None("user@-example.com"),
        None("john..doe@example.com"),
        None("john.@example.com"),
        None("user@example."),
        None("user@@example.com"),
        None("\"\"@example.com"),
        None("x\"john doe\"@example.com"),
        None("\"john doe\"@localhost"),
        None("\"\\\"" + new string('a', 62) + "\"@example.com"),
        None(new string('a', 65) + "@example.com"),
        None("postgres://admin:S3cr3tP4ss@db.internal:5432/prod"),
        None("mongodb+srv://app:pa55word@cluster0.abcde.mongodb.net/test"),
    ];
}
