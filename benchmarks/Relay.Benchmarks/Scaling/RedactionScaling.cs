using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Benchmarks.Micro;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Benchmarks.Scaling;

/// <summary>
/// `scaling --redaction`: the whole rules-only redaction of an OpenAI chat request, and the restore (streamed and plain) of an
/// answer that echoes it, over prompts full of values (thousands of spans: fusion, context words, value
/// propagation, numbering and splicing all see them) at 16 KB and 64 KB. A cost per KB that grows with the size is a
/// quadratic path in the pipeline rather than in a recognizer.
/// </summary>
internal static class RedactionScaling
{
    private static readonly (string Name, Func<int, string> Value)[] Lists =
    [
        ("distinct e-mail addresses", i => $"user{i}@example{i % 97}.com "),
        ("one e-mail address repeated", _ => "maria.schneider@example.com "),
        ("distinct phone numbers", i => $"(212) 555-{i % 10000:D4}, "),
        ("distinct IPv4 addresses", i => $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256} "),
        ("prose with PII", i => Prompts.OfSize(1024)[(i * 7 % 900)..][..100]),
    ];

    public static async Task<int> RunAsync()
    {
        using var services = RedactionServices.Create(ner: false);
        var redactor = services.GetRequiredService<IRequestRedactor>();
        var restorer = services.GetRequiredService<IResponseRestorer>();
        Console.WriteLine("| prompt | KB | spans | redact ms | redact us per KB | restore stream ms | restore us per KB | restore plain ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, value) in Lists)
        {
            foreach (var kb in Environment.GetEnvironmentVariable("SCALING_KB")?.Split(",").Select(int.Parse).ToArray() ?? [16, 64])
            {
                var prompt = Build(value, kb * 1024);
                var request = JsonSerializer.SerializeToUtf8Bytes(new { model = "gpt-4o-mini", messages = new object[] { new { role = "user", content = prompt } } });
                RedactedRequest? redacted = null;
                var redactMs = double.MaxValue;
                for (var run = 0; run < 7; run++)
                {
                    redacted?.Dispose();
                    var started = Stopwatch.GetTimestamp();
                    redacted = await redactor.RedactAsync(request, ApiShape.OpenAIChatCompletions, RedactionPolicy.Default, CancellationToken.None);
                    redactMs = Math.Min(redactMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                var sanitized = JsonDocument.Parse(redacted!.Body).RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
                var stream = Encoding.UTF8.GetBytes(RedactionBenchmarks.ChatStream(sanitized));
                var output = new ArrayBufferWriter<byte>(stream.Length * 2);
                var restoreMs = double.MaxValue;
                for (var run = 0; run < 7; run++)
                {
                    output.ResetWrittenCount();
                    var started = Stopwatch.GetTimestamp();
                    var streamRestorer = restorer.CreateStreamRestorer(ApiShape.OpenAIChatCompletions, redacted.Vault);
                    for (var offset = 0; offset < stream.Length; offset += 24)
                    {
                        streamRestorer.Write(stream.AsSpan(offset, Math.Min(24, stream.Length - offset)), output);
                    }

                    streamRestorer.Complete(output);
                    restoreMs = Math.Min(restoreMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                var answer = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    id = "chatcmpl-1",
                    @object = "chat.completion",
                    choices = new object[] { new { index = 0, message = new { role = "assistant", content = sanitized }, finish_reason = "stop" } },
                });
                var plainMs = double.MaxValue;
                for (var run = 0; run < 7; run++)
                {
                    var started = Stopwatch.GetTimestamp();
                    _ = restorer.RestoreJson(answer, ApiShape.OpenAIChatCompletions, redacted.Vault);
                    plainMs = Math.Min(plainMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                var spans = CountPlaceholders(sanitized);
                redacted.Dispose();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {kb} | {spans} | {redactMs:F1} | {redactMs * 1000 / kb:F0} | {restoreMs:F1} | {restoreMs * 1000 / kb:F0} | {plainMs:F1} |"));
            }
        }

        return 0;
    }

    private static string Build(Func<int, string> value, int chars)
    {
        var builder = new StringBuilder(chars + 128);
        for (var i = 0; builder.Length < chars; i++)
        {
            builder.Append(value(i));
        }

        return builder.ToString();
    }

    private static int CountPlaceholders(string text)
    {
        var count = 0;
        for (var i = text.IndexOf('[', StringComparison.Ordinal); i >= 0; i = text.IndexOf('[', i + 1))
        {
            count++;
        }

        return count;
    }
}
