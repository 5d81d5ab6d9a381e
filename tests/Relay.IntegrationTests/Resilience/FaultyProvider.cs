using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Resilience;

/// <summary>
/// A real Kestrel provider on loopback whose answers are scripted per call: each call takes the next
/// <see cref="Behaviour"/> from <see cref="Script"/> (or <see cref="Default"/>). Records the bytes and arrival time
/// of every call and whether the gateway aborted it.
/// </summary>
internal sealed class FaultyProvider : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FaultyProvider(LoopbackServer server) => _server = server;

    public delegate Task Behaviour(HttpContext context, byte[] body);

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<Behaviour> Script { get; } = new();

    public Behaviour Default { get; set; } = Echo;

    public ConcurrentQueue<(RecordedRequest Request, long Timestamp)> Calls { get; } = new();

    /// <summary>Completed when a call's <c>RequestAborted</c> fired (the gateway cancelled it).</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<RecordedRequest> Requests => [.. Calls.Select(c => c.Request)];

    public static async Task<FaultyProvider> StartAsync()
    {
        FaultyProvider? provider = null;
        var server = await LoopbackServer.StartAsync(context => provider!.HandleAsync(context));
        provider = new FaultyProvider(server);
        return provider;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>The echo answer, written in small flushed pieces.</summary>
    public static async Task Echo(HttpContext context, byte[] body)
    {
        var (answer, bytes) = Build(context, body);
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        for (var offset = 0; offset < bytes.Length; offset += 16)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(16, bytes.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    /// <summary>An error status with a provider-style body and an optional Retry-After.</summary>
    public static Behaviour Status(int status, string? retryAfter = null) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"error\":{\"message\":\"provider trouble\",\"type\":\"server_error\"}}", context.RequestAborted);
    };

    /// <summary>Never answers (until the gateway gives up and aborts the call).</summary>
    public static async Task Hang(HttpContext context, byte[] body) =>
        await Task.Delay(Timeout.Infinite, context.RequestAborted);

    /// <summary>
    /// Sends the first part of the echo answer (declaring its full length for JSON), then resets the connection: after
    /// <paramref name="resume"/> completes when given (the test saw the answer start), else after 50 ms.
    /// </summary>
    public static Behaviour ResetAfter(double fraction, Task? resume = null) => async (context, body) =>
    {
        var (answer, bytes) = Build(context, body);
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        if (answer.ContentType == "application/json")
        {
            context.Response.ContentLength = bytes.Length;
        }

        await context.Response.Body.WriteAsync(bytes.AsMemory(0, (int)(bytes.Length * fraction)), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await (resume ?? Task.Delay(50)).WaitAsync(context.RequestAborted);
        context.Abort();
    };

    /// <summary>Sends the first part of the echo answer, waits for <paramref name="resume"/>, then sends the rest.</summary>
    public static Behaviour PauseAfter(double fraction, Task resume) => async (context, body) =>
    {
        var (answer, bytes) = Build(context, body);
        var cut = (int)(bytes.Length * fraction);
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, cut), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await resume.WaitAsync(context.RequestAborted);
        await context.Response.Body.WriteAsync(bytes.AsMemory(cut), context.RequestAborted);
    };

    /// <summary>Ends cleanly (chunked framing complete) after part of the echo answer.</summary>
    public static Behaviour TruncateCleanly(double fraction) => async (context, body) =>
    {
        var (answer, bytes) = Build(context, body);
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, (int)(bytes.Length * fraction)), context.RequestAborted);
    };

    /// <summary>
    /// A stream whose second event carries broken JSON. The first event is sent and flushed alone; the broken one follows
    /// once <paramref name="resume"/> completes (the test lets it go when the client has the response headers).
    /// </summary>
    public static Behaviour MalformedStream(Task resume) => async (context, body) =>
    {
        var (answer, bytes) = Build(context, body);
        var text = Encoding.UTF8.GetString(bytes);
        var firstEvent = text[..(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)];
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(firstEvent, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await resume.WaitAsync(context.RequestAborted);
        await context.Response.WriteAsync("data: {\"choices\":[{\"delta\":{\"content\":\"x\"\n\n" + text[firstEvent.Length..], context.RequestAborted);
    };

    private static (EchoProtocol.Answer Answer, byte[] Bytes) Build(HttpContext context, byte[] body)
    {
        var path = context.Request.Path.Value ?? "/";
        var v1 = path.IndexOf("/v1/", StringComparison.Ordinal);
        var answer = EchoProtocol.Build(context.Request.Method, v1 >= 0 ? path[v1..] : path, body);
        return (answer, Encoding.UTF8.GetBytes(string.Concat(answer.Pieces)));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var recorded = await RecordedRequest.ReadAsync(context);
        var body = recorded.Body;
        Calls.Enqueue((recorded, Stopwatch.GetTimestamp()));
        using var registration = context.RequestAborted.Register(() => Aborted.TrySetResult());
        var behaviour = Script.TryDequeue(out var next) ? next : Default;
        try
        {
            await behaviour(context, body);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The gateway gave up on this call. Recorded here too: after the response started, the registration above was
            // seen not to run although the token was cancelled.
            Aborted.TrySetResult();
        }
    }
}
