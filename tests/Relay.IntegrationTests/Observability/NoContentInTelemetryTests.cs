using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.IntegrationTests.Infrastructure;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>
/// Proof that no request content reaches logs, traces or metrics: the real gateway with every log category at Trace,
/// every span and metric captured, and canaries planted in every place a request can carry text.
/// </summary>
[Collection(TelemetryCaptureSerial.Name)]
public sealed class NoContentInTelemetryTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task AllSignals_RequestsCarryingCanaries_NoCanaryAnywhere()
    {
        var capture = new TelemetryCapture();
        var settings = new Dictionary<string, string?>(TelemetryCapture.VerboseLogging)
        {
            ["Relay:Admin:KeySha256"] = Security.Keys.Sha256(Security.Keys.Admin), // /relay/* needs the admin key
        };
        await using var gateway = await GatewayHost.StartAsync(_provider, settings, services =>
        {
            capture.Install(services);
            services.AddSingleton<IRecognizer, LeakyThrowingRecognizer>();
        });
        var personal = $"I am {Canaries.Person}, mail {Canaries.Email}, call {Canaries.Phone}, card {Canaries.Card}, IBAN {Canaries.Iban}, token {Canaries.Secret}.";

        // OpenAI chat, plain and streamed: system text, user text, tool-call arguments, tool result; secret query and header.
        foreach (var stream in new[] { false, true })
        {
            var chat = Json(new
            {
                model = "m",
                stream,
                messages = new object[]
                {
                    new { role = "system", content = "Context " + Canaries.System + " " + personal },
                    new { role = "user", content = personal },
                    new
                    {
                        role = "assistant",
                        content = (string?)null,
                        tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = "lookup", arguments = JsonSerializer.Serialize(new { q = Canaries.ToolArgument + " " + Canaries.Email }) } } },
                    },
                    new { role = "tool", tool_call_id = "call_1", content = "Found " + Canaries.ToolArgument + " " + Canaries.Phone },
                },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions?api-key=" + Canaries.Query) { Content = chat };
            request.Headers.Add("Authorization", "Bearer " + Canaries.Header);
            request.Headers.Add("X-Client-Note", Canaries.Header);
            request.Headers.Add("baggage", "note=" + Canaries.Header);
            request.Headers.UserAgent.ParseAdd("agent-" + Canaries.Header);
            using var response = await gateway.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Canaries.Email, text, StringComparison.Ordinal); // the answer is restored: the canaries did go through
        }

        // OpenAI responses, embeddings.
        await PostAsync(gateway, "/v1/responses", new { model = "m", instructions = Canaries.System, input = personal }, HttpStatusCode.OK);
        await PostAsync(gateway, "/v1/embeddings", new { model = "m", input = new[] { Canaries.Embeddings + " " + personal, Canaries.Email } }, HttpStatusCode.OK);

        // Anthropic messages, plain and streamed: system blocks, text, tool_use input, tool_result blocks.
        foreach (var stream in new[] { false, true })
        {
            await PostAsync(gateway, "/v1/messages", new
            {
                model = "claude",
                max_tokens = 64,
                stream,
                system = new[] { new { type = "text", text = Canaries.System + " " + Canaries.Anthropic } },
                messages = new object[]
                {
                    new { role = "user", content = new object[] { new { type = "text", text = Canaries.Anthropic + " " + personal } } },
                    new { role = "assistant", content = new object[] { new { type = "tool_use", id = "tu_1", name = "lookup", input = new { q = Canaries.ToolArgument + " " + Canaries.Iban } } } },
                    new
                    {
                        role = "user",
                        content = new object[]
                        {
                            new { type = "tool_result", tool_use_id = "tu_1", content = new[] { new { type = "text", text = Canaries.Anthropic + " " + Canaries.Card } } },
                            new { type = "text", text = personal },
                        },
                    },
                },
            }, HttpStatusCode.OK, anthropic: true);
        }

        // Malformed JSON quoting a canary; a request whose detection fails with an exception that quotes the text;
        // an upstream error whose body echoes a value the recognizers do not know; an unknown path; the analyze endpoint.
        using (var malformed = await gateway.Client.PostAsync("/v1/chat/completions", new StringContent(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + Canaries.MalformedJson + " " + Canaries.Email + "\"}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        await PostAsync(gateway, "/v1/chat/completions", new { model = "m", messages = new[] { new { role = "user", content = LeakyThrowingRecognizer.Trigger + " " + Canaries.DetectionFailure + " " + personal } } },
            HttpStatusCode.InternalServerError);
        var echoed = await PostAsync(gateway, "/v1/chat/completions", new { model = "provider-error", messages = new[] { new { role = "user", content = Canaries.UpstreamEcho + " " + personal } } },
            HttpStatusCode.BadRequest);
        Assert.Contains(Canaries.UpstreamEcho, echoed, StringComparison.Ordinal); // the upstream did echo it back
        using (var unknown = await gateway.Client.GetAsync("/v1/" + Canaries.Path + "?q=" + Canaries.Query))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        await PostAsync(gateway, "/relay/v1/analyze", new { text = personal }, HttpStatusCode.OK);
        using (var ready = await gateway.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        capture.Flush(gateway.Services);

        // The capture did see the traffic (so an empty capture cannot pass) ...
        Assert.Contains(capture.Spans, s => s.Source.Name == GatewayDiagnostics.Name);
        Assert.Contains(capture.Spans, s => s.Source.Name == "StealthRelay.Redaction" && s.GetTagItem("stealthrelay.entities.EMAIL_ADDRESS") is not null);
        Assert.Contains(capture.Spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(capture.Spans, s => s.Source.Name == "System.Net.Http");
        Assert.Contains(capture.Metrics, m => m.Name == "stealthrelay.redaction.entities");
        Assert.Contains(capture.Logs.Entries, e => e.Contains("(1001 Forwarded)", StringComparison.Ordinal));
        Assert.Contains(capture.Logs.Entries, e => e.Contains("[Trace]", StringComparison.Ordinal));
        // ... and no canary is in any of it.
        var leaks = capture.Leaks();
        Assert.True(leaks.Count == 0, "Canaries found in telemetry:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public async Task Leaks_CanaryWrittenOnPurpose_DetectedInLogsScopesSpansAndMetrics()
    {
        var capture = new TelemetryCapture();
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?>(TelemetryCapture.VerboseLogging), capture.Install);

        var logger = gateway.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StealthRelay.Gateway.Deliberate");
        using (logger.BeginScope(new Dictionary<string, object?> { ["Leak"] = Canaries.Iban }))
        {
#pragma warning disable CA1848, CA2254 // a deliberate leak, to prove the detector sees it
            logger.LogDebug("value " + Canaries.Email);
            logger.LogWarning(new InvalidOperationException("bad " + Canaries.Card), "failed");
#pragma warning restore CA1848, CA2254
        }

        using (var activity = GatewayDiagnostics.Source.StartActivity("deliberate"))
        {
            Assert.NotNull(activity);
            activity.SetTag("leak", Canaries.Secret);
            activity.AddEvent(new ActivityEvent("event", tags: new ActivityTagsCollection { ["leak"] = Canaries.Phone }));
        }

        using (var meter = gateway.Services.GetRequiredService<IMeterFactory>().Create(GatewayDiagnostics.Name))
        {
            meter.CreateCounter<long>("deliberate").Add(1, new KeyValuePair<string, object?>("leak", Canaries.Person));
            capture.Flush(gateway.Services);
        }

        var leaks = capture.Leaks();
        Assert.Contains(leaks, l => l.StartsWith("log", StringComparison.Ordinal) && l.EndsWith(Canaries.Email, StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.StartsWith("log", StringComparison.Ordinal) && l.EndsWith(Canaries.Card, StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.StartsWith("log", StringComparison.Ordinal) && l.EndsWith(Canaries.Iban, StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("tag leak", StringComparison.Ordinal) && l.EndsWith(Canaries.Secret, StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("event", StringComparison.Ordinal) && l.EndsWith(Canaries.Phone, StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.StartsWith("metric", StringComparison.Ordinal) && l.EndsWith(Canaries.Person, StringComparison.Ordinal));
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<string> PostAsync(GatewayHost gateway, string path, object body, HttpStatusCode expected, bool anthropic = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (anthropic)
        {
            request.Headers.Add("anthropic-version", "2023-06-01");
            request.Headers.Add("x-api-key", Canaries.Header);
        }

        if (path.StartsWith("/relay/", StringComparison.Ordinal))
        {
            request.Headers.Add("Authorization", "Bearer " + Security.Keys.Admin);
        }

        using var response = await gateway.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode}");
        return text;
    }

    /// <summary>Fails detection for texts with <see cref="Trigger"/>, with the worst possible exception: one that quotes the text.</summary>
    private sealed class LeakyThrowingRecognizer : IRecognizer
    {
        public const string Trigger = "FAIL-DETECTION";

        public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Custom];

        public IReadOnlyList<string> Context { get; } = [];

        public void Analyze(string text, List<EntitySpan> results)
        {
            if (text.Contains(Trigger, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("cannot analyze: " + text);
            }
        }
    }
}
