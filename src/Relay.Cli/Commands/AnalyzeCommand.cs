using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Cli.Commands;

/// <summary>
/// <c>relay analyze</c>: JSONL in (<c>{"id", "text"}</c>), JSONL out (<c>{"id", "entities"}</c>), in input order.
/// This output is a contract evaluation scripts rely on: keep it stable.
/// </summary>
internal static class AnalyzeCommand
{
    private const int BatchSize = 32;

    private static readonly HashSet<string> ValueOptions = ["--input", "--output", RedactionHost.ModelOption, RedactionHost.PolicyOption, RedactionHost.DeviceOption];
    private static readonly HashSet<string> FlagOptions = [RedactionHost.NoNerOption];

    public static async Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        var policy = RedactionHost.LoadPolicy(line.Value(RedactionHost.PolicyOption));
        var input = line.Required("--input");
        var output = line.Required("--output");

        await using var services = RedactionHost.Create(line);
        var analyzer = services.GetRequiredService<IPiiAnalyzer>();

        using var reader = input == "-" ? null : new StreamReader(input, Encoding.UTF8);
        await using var writer = output == "-" ? null : new StreamWriter(output, append: false, new UTF8Encoding(false));
        var source = reader ?? stdin;
        var sink = (TextWriter?)writer ?? stdout;

        var batch = new List<(string IdJson, string Text)>(BatchSize);
        var lineNumber = 0;
        while (await source.ReadLineAsync(cancellationToken) is { } jsonLine)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(jsonLine))
            {
                continue;
            }

            if (!TryParse(jsonLine, out var item, out var error))
            {
                await stderr.WriteLineAsync($"relay analyze: line {lineNumber}: {error}");
                return 1;
            }

            batch.Add(item);
            if (batch.Count == BatchSize)
            {
                await FlushAsync(analyzer, policy, batch, sink, cancellationToken);
            }
        }

        await FlushAsync(analyzer, policy, batch, sink, cancellationToken);
        await sink.FlushAsync(cancellationToken);
        return 0;
    }

    private static bool TryParse(string jsonLine, out (string IdJson, string Text) item, out string error)
    {
        item = default;
        try
        {
            using var document = JsonDocument.Parse(jsonLine);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "expected a JSON object with \"id\" and \"text\".";
                return false;
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                error = "\"text\" must be a string.";
                return false;
            }

            var id = root.TryGetProperty("id", out var idElement) ? idElement.GetRawText() : "null";
            item = (id, text.GetString()!);
            error = "";
            return true;
        }
        catch (JsonException)
        {
            error = "not valid JSON.";
            return false;
        }
    }

    private static async Task FlushAsync(
        IPiiAnalyzer analyzer, RedactionPolicy policy, List<(string IdJson, string Text)> batch, TextWriter sink, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var texts = batch.ConvertAll(item => item.Text);
        // Each line is a document of its own: a value found on one line is not looked for on the others.
        var results = await analyzer.AnalyzeEachAsync(texts, policy, cancellationToken);
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < batch.Count; i++)
        {
            buffer.ResetWrittenCount();
            WriteLine(buffer, batch[i].IdJson, results[i]);
            await sink.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
        }

        batch.Clear();
    }

    internal static void WriteLine(IBufferWriter<byte> buffer, string idJson, IReadOnlyList<EntitySpan> entities)
    {
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteRawValue(idJson);
        json.WriteStartArray("entities");
        foreach (var entity in entities)
        {
            json.WriteStartObject();
            json.WriteString("type", entity.Type);
            json.WriteNumber("start", entity.Start);
            json.WriteNumber("end", entity.End);
            json.WriteNumber("score", Math.Round(entity.Score, 4));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
