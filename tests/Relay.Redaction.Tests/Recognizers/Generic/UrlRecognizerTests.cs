using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class UrlRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new UrlRecognizer();

    protected override string EntityType => EntityTypes.Url;

    protected override (double Min, double Max) DefaultScore => (0.95, 0.95);

    protected override bool RequiresWordBoundaries => false;

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("db postgres://admin:s3cr3t@db.internal:5432/app now", 3, 47),
        Hit("see https://api.example.com/v1/items?limit=10&access_token=abc123def456.", "https://api.example.com/v1/items?limit=10&access_token=abc123def456"),
        Hit("(https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=fe5f80f77d5fa3be)", "https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=fe5f80f77d5fa3be"),
        Hit("hook https://hooks.example.com/x?api_key=k-123", "https://hooks.example.com/x?api_key=k-123"),
        Hit("ftp://user:pw@files.example.org/pub", "ftp://user:pw@files.example.org/pub"),
        Hit("https://example.com/cb#id_token=eyJabc", "https://example.com/cb#id_token=eyJabc"),
        Hit("docs at https://learn.microsoft.com/en-us/dotnet/ today", "https://learn.microsoft.com/en-us/dotnet/", 0.3, 0.3),
        Hit("[link](https://en.wikipedia.org/wiki/Foo_(bar))", "https://en.wikipedia.org/wiki/Foo_(bar)", 0.3, 0.3),
        Hit("visit www.example.com, please", "www.example.com", 0.3, 0.3),
        Hit("login https://user@example.com/ only user", "https://user@example.com/", 0.3, 0.3),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no links"),
        None("ratio 3://4 is not a url"),
        None("path C:\\Windows\\System32"),
        None("email john@example.com"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("scheme only https://"),
        None("just www. and nothing"),
    ];

    [Theory]
    [InlineData("https://example.com/?token=", false)]
    [InlineData("https://example.com/?monkey=1", false)]
    [InlineData("https://example.com/?key=1", true)]
    [InlineData("https://example.com/?sig=1", true)]
    [InlineData("https://example.com/?client_secret=x", true)]
    [InlineData("https://example.com/?sv=2020&se=2024&sig=abc", true)]
    [InlineData("https://u:p@example.com", true)]
    [InlineData("https://u:@example.com", false)]
    [InlineData("https://example.com/a@b:c", false)]
    public void CarriesSecret_QueryAndUserInfo_AreClassified(string url, bool expected)
    {
        var afterScheme = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        Assert.Equal(expected, UrlRecognizer.CarriesSecret(afterScheme));
    }
}
