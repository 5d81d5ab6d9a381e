using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Gateway.Tests.Infrastructure;

/// <summary>The real redaction library (rule recognizers, no NER model) for tests that need real vaults and restorers.</summary>
internal sealed class RealEngine : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddRelayRedaction()
        .AddDefaultRecognizers()
        .BuildServiceProvider();

    public IResponseRestorer Restorer => _services.GetRequiredService<IResponseRestorer>();

    public async Task<RedactedRequest> RedactChatAsync(string userText)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { model = "m", messages = new[] { new { role = "user", content = userText } } });
        return await _services.GetRequiredService<IRequestRedactor>()
            .RedactAsync(Encoding.UTF8.GetBytes(body), ApiShape.OpenAIChatCompletions, RedactionPolicy.Default, CancellationToken.None);
    }

    public void Dispose() => _services.Dispose();
}
