using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>Connection strings with credentials end to end: the real analyzer with the default recognizers.</summary>
public sealed class CredentialUrlRedactionTests
{
    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    [Theory]
    [InlineData("Connect with postgres://admin:S3cr3tP4ss@db.internal:5432/prod please.", "postgres://admin:S3cr3tP4ss@db.internal:5432/prod")]
    [InlineData("MONGO_URL=mongodb+srv://app:pa55word@cluster0.abcde.mongodb.net/test?retryWrites=true", "mongodb+srv://app:pa55word@cluster0.abcde.mongodb.net/test?retryWrites=true")]
    [InlineData("Reset link: https://example.com/reset?user=jane.smith@acme.co.uk&token=abc now", "https://example.com/reset?user=jane.smith@acme.co.uk&token=abc")]
    [InlineData("Reset link: https://example.com/reset?user=jane.smith%40acme.co.uk&token=abc now", "https://example.com/reset?user=jane.smith%40acme.co.uk&token=abc")]
    [InlineData("GET https://api.example.com/v1/users?phone=%2B14155550132&api_key=k-123 HTTP/1.1", "https://api.example.com/v1/users?phone=%2B14155550132&api_key=k-123")]
    public async Task RedactAsync_UrlWithSecretAndAValueInside_RedactsTheWholeUrl(string prompt, string url)
    {
        // The password and host read like an e-mail address ("S3cr3tP4ss@db.internal"); taken as one, it used to win
        // over the URL and leave the user name in the prompt as "postgres://admin:[EMAIL_ADDRESS_1]:5432/prod". An
        // e-mail address or phone number in the query is a validated hit; the URL used to score 0.85, lost to it, and
        // its token went to the provider in clear.
        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal(prompt.Replace(url, "[URL_1]", StringComparison.Ordinal), result.Text);
        Assert.Equal(prompt, result.Restore(result.Text));
    }
}
