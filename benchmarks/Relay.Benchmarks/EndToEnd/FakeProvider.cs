using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StealthRelay.Benchmarks.EndToEnd;

/// <summary>
/// A fast OpenAI-compatible provider on loopback: answers chat completions by echoing the last user message, plain
/// or streamed in 16-character deltas, so the gateway has real placeholders to restore.
/// </summary>
internal static class FakeProvider
{
    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", HandleAsync);
        await app.StartAsync();
        return app;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var messages = request.RootElement.GetProperty("messages");
        var text = messages[messages.GetArrayLength() - 1].GetProperty("content").GetString() ?? "";
        var stream = request.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new
            {
                id = "chatcmpl-bench",
                @object = "chat.completion",
                created = 1,
                model = "bench",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
            }), context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var body = context.Response.Body;
        for (var i = 0; i < text.Length; i += 16)
        {
            var piece = JsonSerializer.Serialize(text.Substring(i, Math.Min(16, text.Length - i)));
            var line = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                + piece + "},\"finish_reason\":null}]}\n\n";
            await body.WriteAsync(Encoding.UTF8.GetBytes(line), context.RequestAborted);
            await body.FlushAsync(context.RequestAborted);
        }

        await body.WriteAsync(Encoding.UTF8.GetBytes(
            "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"),
            context.RequestAborted);
    }
}
