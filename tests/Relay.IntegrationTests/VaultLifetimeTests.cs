using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.IntegrationTests.Infrastructure;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.IntegrationTests;

/// <summary>The per-request mapping is cleared when the answer ends, on success and on upstream failure.</summary>
public sealed class VaultLifetimeTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<RedactedRequest> _redacted = new();
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    /// <summary>Wraps the library's own redactor (whatever type it registered) and keeps each result for inspection.</summary>
    private void WrapRedactor(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IRequestRedactor));
        services.AddSingleton<IRequestRedactor>(sp =>
        {
            var inner = (IRequestRedactor)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            return new RecordingRedactor(inner, _redacted);
        });
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Response_Ends_VaultCleared(bool stream, bool upstreamDown)
    {
        var overrides = upstreamDown ? new Dictionary<string, string?> { ["Relay:Upstreams:openai:BaseUrl"] = "http://127.0.0.1:9" } : null;
        await using var gateway = await GatewayHost.StartAsync(_provider, overrides, WrapRedactor);
        var body = JsonSerializer.Serialize(new { model = "m", stream, messages = new[] { new { role = "user", content = "Mail " + Pii.Email } } });

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Equal(upstreamDown ? HttpStatusCode.BadGateway : HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(!upstreamDown, answer.Contains(Pii.Email, StringComparison.Ordinal));
        var redacted = Assert.Single(_redacted);
        // The vault is cleared right after the last byte is written; wait for that (deadlock guard, not a speed check).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (redacted.Vault.Count != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, redacted.Vault.Count);
    }

    private sealed class RecordingRedactor(IRequestRedactor inner, ConcurrentQueue<RedactedRequest> sink) : IRequestRedactor
    {
        public async ValueTask<RedactedRequest> RedactAsync(ReadOnlyMemory<byte> body, ApiShape shape, RedactionPolicy policy, CancellationToken cancellationToken)
        {
            var result = await inner.RedactAsync(body, shape, policy, cancellationToken);
            Assert.True(result.Vault.Count > 0);
            sink.Enqueue(result);
            return result;
        }
    }
}
