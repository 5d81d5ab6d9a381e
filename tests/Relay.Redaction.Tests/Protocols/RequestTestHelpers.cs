using System.Text;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Tests.Analysis;

namespace StealthRelay.Redaction.Tests.Protocols;

internal static class RequestTestHelpers
{
    public static readonly TestEngine Engine = new();

    public static async Task<(string Body, RedactedRequest Request)> Redact(string json, ApiShape shape, RedactionPolicy? policy = null)
    {
        var request = await Engine.Requests.RedactAsync(Encoding.UTF8.GetBytes(json), shape, policy ?? RedactionPolicy.Default, CancellationToken.None);
        return (Encoding.UTF8.GetString(request.Body.Span), request);
    }

    /// <summary>Single quotes in test JSON stand for double quotes, for readability.</summary>
    public static string Q(string json) => json.Replace('\'', '"');
}
