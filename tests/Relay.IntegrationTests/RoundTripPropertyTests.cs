using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// Property, end to end over real loopback servers: for any text mixed with known PII values, the provider never sees
/// those values and the client gets its text back exactly, plain and streamed in 3-byte chunks.
/// </summary>
public sealed class RoundTripPropertyTests : IClassFixture<RoundTripPropertyTests.Servers>
{
    private readonly Servers _servers;

    public RoundTripPropertyTests(Servers servers) => _servers = servers;

    [Property(MaxTest = 25)]
    public Property Gateway_AnyTextWithPii_NoLeakAndExactRoundTrip(NonNull<string>[] fragments, bool stream)
    {
        var text = Compose(fragments);
        _servers.Provider.Requests.Clear();
        var body = JsonSerializer.Serialize(new { model = "m", max_tokens = 64, stream, messages = new[] { new { role = "user", content = text } } });
        var path = text.Length % 2 == 0 ? "/v1/chat/completions" : "/v1/messages";

        using var response = _servers.Gateway.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        var answer = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var received = stream ? Sse.ConcatenateText(answer) : PlainText(answer);

        var leaked = Pii.Values.Where(v => _servers.Provider.Requests.Any(r => r.Contains(v))).Select(Pii.Describe).ToList();
        var exact = received == EchoProtocol.Prefix + text;
        return (exact && leaked.Count == 0).Label($"path {path}, stream {stream}, exact round trip {exact}, leaked: {string.Join(", ", leaked)}");
    }

    /// <summary>Interleaves generated fragments (made valid UTF-16, no control characters) with the sample PII values.</summary>
    private static string Compose(NonNull<string>[] fragments)
    {
        var builder = new StringBuilder("Note: ");
        for (var i = 0; i < fragments.Length; i++)
        {
            foreach (var rune in fragments[i].Get.EnumerateRunes())
            {
                if (!Rune.IsControl(rune) && rune != Rune.ReplacementChar)
                {
                    builder.Append(rune.ToString());
                }
            }

            builder.Append(' ').Append(Pii.Values[i % Pii.Values.Length]).Append(' ');
        }

        return builder.Append(Pii.Email).ToString();
    }

    private static string PlainText(string answer)
    {
        var json = JsonDocument.Parse(answer).RootElement;
        return json.TryGetProperty("choices", out var choices)
            ? choices[0].GetProperty("message").GetProperty("content").GetString()!
            : json.GetProperty("content")[0].GetProperty("text").GetString()!;
    }

    /// <summary>One fake provider and one gateway for all generated cases.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        internal FakeProvider Provider { get; private set; } = null!;

        internal GatewayHost Gateway { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await FakeProvider.StartAsync();
            Gateway = await GatewayHost.StartAsync(Provider);
        }

        public async Task DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
