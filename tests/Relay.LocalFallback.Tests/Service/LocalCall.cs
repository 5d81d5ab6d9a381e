using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Service;

/// <summary>One call through the public <see cref="ILocalChatService"/> into a memory stream, with helpers to read the answer.</summary>
internal sealed record LocalCall(LocalResponseHead? Head, string Body, LocalResult Result)
{
    public static async Task<LocalCall> RunAsync(
        ILocalChatService service, LocalApi api, object request, Stream? body = null, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(request);
        var stream = body ?? new MemoryStream();
        LocalResponseHead? head = null;
        var heads = 0;
        var result = await service.HandleAsync(api, json, stream, h =>
        {
            heads++;
            head = h;
        }, cancellationToken);
        Assert.True(heads <= 1, "the head callback ran more than once");
        var text = stream is MemoryStream memory ? Encoding.UTF8.GetString(memory.ToArray()) : string.Empty;
        return new LocalCall(head, text, result);
    }

    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>Server-sent events as (event name or null, data).</summary>
    public IReadOnlyList<(string? Event, string Data)> Events()
    {
        Assert.EndsWith("\n\n", Body, StringComparison.Ordinal);
        var events = new List<(string?, string)>();
        foreach (var block in Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string? data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
                else
                {
                    Assert.Fail("unexpected SSE line: " + line);
                }
            }

            events.Add((name, data ?? throw new InvalidOperationException("SSE event without data")));
        }

        return events;
    }
}
