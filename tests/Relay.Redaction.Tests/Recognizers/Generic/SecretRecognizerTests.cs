using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class SecretRecognizerTests : RecognizerTestBase
{
    // Public documentation examples (AWS docs key id, jwt.io sample token) and obviously fake, well-shaped values.
    internal const string AwsKeyId = "AKIAIOSFODNN7EXAMPLE";
    internal const string Jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private const string GitHub = "ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8";
    private const string OpenAi = "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56";
    private const string Anthropic = "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe-AbCdEf";
    private const string Slack = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp";
    private const string Stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    private const string Google = "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";

    private const string Pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\nKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END RSA PRIVATE KEY-----";

    protected override IRecognizer CreateRecognizer() => new SecretRecognizer();

    protected override string EntityType => EntityTypes.Secret;

    protected override (double Min, double Max) DefaultScore => (0.95, 0.95);

    // Most vendor tokens have no fixed length, so a longer run is still a token; a PEM block stays a secret whatever
    // surrounds it. The fixed-length ones are checked below.
    protected override bool RequiresWordBoundaries => false;

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("aws_access_key_id " + AwsKeyId + " in config", 18, 38),
        Hit("token " + GitHub + ".", GitHub),
        Hit("OPENAI: " + OpenAi, OpenAi),
        Hit("anthropic " + Anthropic + " here", Anthropic),
        Hit("slack " + Slack, Slack),
        Hit("stripe " + Stripe, Stripe),
        Hit("maps " + Google, Google),
        Hit("auth header was " + Jwt + " yesterday", Jwt),
        Hit("key:\n" + Pem + "\nthanks", Pem, 1.0, 1.0),
        Hit("truncated -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7", 1.0, 1.0),
        Hit("password=hunter2", "hunter2", 0.85, 0.85),
        Hit("Password: Summer2024! then log in.", "Summer2024!", 0.85, 0.85),
        Hit("{\"password\": \"correct horse battery staple\"}", "correct horse battery staple", 0.85, 0.85),
        Hit("DB_PASSWORD: Tr0ub4dor&3 ok", "Tr0ub4dor&3", 0.85, 0.85),
        Hit("dbPassword='p@ss w0rd'", "p@ss w0rd", 0.85, 0.85),
        Hit("client_secret = 9f8e7d6c5b4a3f2e1d0c", "9f8e7d6c5b4a3f2e1d0c", 0.85, 0.85),
        Hit("export MY_SERVICE_TOKEN=Q2xhdWRlIFRlc3QgVG9rZW4x", "Q2xhdWRlIFRlc3QgVG9rZW4x", 0.85, 0.85),
        Hit("apiKey: \"a1b2c3d4e5f6g7h8i9\"", "a1b2c3d4e5f6g7h8i9", 0.85, 0.85),
        Hit("Authorization: Bearer 3f9a8b7c6d5e4f3a2b1c0d9e", "3f9a8b7c6d5e4f3a2b1c0d9e", 0.85, 0.85),
        Hit("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA==", 0.85, 0.85),
        Hit("Cookie: session=abc123def456ghi789jkl", "abc123def456ghi789jkl", 0.85, 0.85),
        Hit("Mein Passwort: Geheim123!", "Geheim123!", 0.85, 0.85),
        Hit("Kennwort = Sommer2024", "Sommer2024", 0.85, 0.85),
        Hit("mot de passe : Soleil2024", "Soleil2024", 0.85, 0.85),
        Hit("wachtwoord: Fiets!2024", "Fiets!2024", 0.85, 0.85),
        Hit("contraseña: Verano2024", "Verano2024", 0.85, 0.85),
        Hit("the password is hunter2.", "hunter2", 0.85, 0.85),
        Hit("my pw is Summer2024! and username jdoe", "Summer2024!", 0.85, 0.85),
        Hit("Das Passwort lautet Geheim123", "Geheim123", 0.85, 0.85),
        Hit("le mot de passe est Soleil2024, merci", "Soleil2024", 0.85, 0.85),
        Hit("het wachtwoord is fiets123", "fiets123", 0.85, 0.85),
        Hit("the password was \"correct horse\"", "correct horse", 0.85, 0.85),
        Hit("Password is: hunter2", "hunter2", 0.85, 0.85),
        Hit("la password è tRoUbAdOr", "tRoUbAdOr", 0.85, 0.85),

        // A strong value right after a generic secret word and blanks, or after a linking word (went out in clear
        // before session 18: only ':' and '=' joined a generic word to its value).
        Hit("wallet private key 4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 0.85, 0.85),
        Hit("my API key is 9f8e7d6c5b4a39281706f5e4d3c2b1a0 and it works", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", 0.85, 0.85),
        Hit("use token ghx_a8F3kL0pQ9zR7tY2uW4vX6bN1mC5dE8fG0hJ for CI.", "ghx_a8F3kL0pQ9zR7tY2uW4vX6bN1mC5dE8fG0hJ", 0.85, 0.85),
        Hit("the secret was 7Hq2Lx9PzV4mRt8Kw3Ny6Bc1Df5Gs0Ja.", "7Hq2Lx9PzV4mRt8Kw3Ny6Bc1Df5Gs0Ja", 0.85, 0.85),
        Hit("Der Schlüssel: der API-Key lautet Xk29fLq0Zp8Vr3Tw7Yb4Nc6M", "Xk29fLq0Zp8Vr3Tw7Yb4Nc6M", 0.85, 0.85),

        // Session cookies and CSRF tokens, bearer credentials pasted with a request (went out in clear before session 18:
        // "session" followed by "id" or glued after "J"/"PHP" was no name, "csrf" no known prefix).
        Hits("Cookie: sessionid=8d7f6e5c4b3a2910fedcba9876543210; csrftoken=Xk29fLq0Zp8Vr3Tw7Yb4Nc6M", 0.85,
            "8d7f6e5c4b3a2910fedcba9876543210", "Xk29fLq0Zp8Vr3Tw7Yb4Nc6M"),
        Hit("session_id=8d7f6e5c4b3a2910fedcba9876543210", "8d7f6e5c4b3a2910fedcba9876543210", 0.85, 0.85),
        Hit("{\"sessionId\": \"a8F3kL0pQ9zR7tY2uW4v\"}", "a8F3kL0pQ9zR7tY2uW4v", 0.85, 0.85),
        Hits("Cookie: PHPSESSID=8d7f6e5c4b3a2910fedcba98; JSESSIONID=A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6", 0.85,
            "8d7f6e5c4b3a2910fedcba98", "A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6"),
        Hit("the session id 8d7f6e5c4b3a2910fedcba9876543210", "8d7f6e5c4b3a2910fedcba9876543210", 0.85, 0.85),
        new("password=hunter2 and api_key=" + Stripe,
            [new(EntityTypes.Secret, 9, 16, 0.85, 0.85), new(EntityTypes.Secret, 29, 29 + Stripe.Length, 0.95, 0.95)]),
    ];

    [Theory]
    [InlineData("x" + AwsKeyId)]
    [InlineData(AwsKeyId + "9")]
    [InlineData("Zq" + GitHub)]
    [InlineData(GitHub + "qZ")]
    [InlineData(Google + "9")]
    [InlineData("x" + Stripe)]
    public void Analyze_FixedLengthTokenGluedIntoLongerRun_IsNotReported(string text)
    {
        var results = new List<EntitySpan>();
        new SecretRecognizer().Analyze(text, results);
        Assert.Empty(results);
    }

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("the password policy requires 12 characters"),
        None("the password is wrong"),
        None("The password is Expired."),
        None("the password is at least 12 characters long"),
        None("das Passwort ist abgelaufen"),
        None("le mot de passe est trop court"),
        None("the password was 2 weeks old"),
        None("npw is abc123"),
        None("password=${DB_PASSWORD}"),
        None("password: ******** (hidden)"),
        None("password=<your-password>"),
        None("token=true"),
        None("key: value"),
        None("monkey=a1b2c3d4e5f6g7h8i9j0"),
        None("primary key = customer_id_reference"),
        None("api_key=this_is_not_a_secret_at_all"),
        None("I use scikit-learn and sk-learn wrappers"),
        None("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"),
        None("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"),
        None("the key takeaway is that version2 ships"),
        None("token counts for gpt-4o-mini-2024-07-18 rose"),
        None("the secret is out: release 2024 is late"),
        None("session 12 of the course"),
        None("session idea: a3b4c5d6e7f8g9h0i1j2k3"),
        None("session id 42"),
        None("primary key customer_id_reference_2024"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("AKIA1234"),
        None("AKIAIOSFODNN7EXAMPLEX"),
        None("ghp_tooShort123"),
        None("eyJub3Rqc29uIjp9.eyJzdWIiOiIxIn0.c2ln"),
        None("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"),
        None("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6"),
        None("token=abc123abc123abc123"),
        None("a basic understanding of it"),
        None("Authorization: Basic bm9jb2xvbmhlcmU="),
        None("sk_live_short"),
        None("private key 4c0883a69102937d"), // 16 characters: under the 20 a value after blanks needs
        None("the API key is abcdefghijklmnopqrstuvwxyz"), // no digit
        None("token 11111111111111111111111111111111"),
    ];

    [Theory]
    [InlineData("AKIA", 16)]
    [InlineData("ASIA", 16)]
    [InlineData("ghp_", 36)]
    [InlineData("gho_", 36)]
    [InlineData("ghu_", 36)]
    [InlineData("ghs_", 36)]
    [InlineData("ghr_", 36)]
    [InlineData("github_pat_", 60)]
    [InlineData("sk-", 40)]
    [InlineData("sk-ant-", 40)]
    [InlineData("sk-proj-", 40)]
    [InlineData("sk-svcacct-", 40)]
    [InlineData("sk-admin-", 40)]
    [InlineData("xoxa-", 20)]
    [InlineData("xoxb-", 20)]
    [InlineData("xoxp-", 20)]
    [InlineData("xoxr-", 20)]
    [InlineData("xoxs-", 20)]
    [InlineData("sk_live_", 24)]
    [InlineData("sk_test_", 24)]
    [InlineData("rk_live_", 24)]
    [InlineData("rk_test_", 24)]
    [InlineData("AIza", 35)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.", 20)]
    public void Analyze_EveryVendorPrefix_IsSearchedFor(string prefix, int bodyLength)
    {
        // Each alternative of the vendor pattern, preceded by ordinary words that start with its first letters: the
        // prefix search that decides where the regex starts must know every one of them.
        const string alphabet = "A1B2C3D4E5F6G7H8J9K0";
        var body = string.Concat(Enumerable.Range(0, bodyLength).Select(i => alphabet[i % alphabet.Length]));
        var token = prefix.StartsWith("eyJ", StringComparison.Ordinal) ? prefix + body + ".c2lnbmF0dXJl" : prefix + body;
        var text = $"Send the {token} again, said the agent.";
        var spans = new List<EntitySpan>();
        new SecretRecognizer().Analyze(text, spans);
        var span = Assert.Single(spans);
        Assert.Equal(token, text[span.Start..span.End]);
    }
}
