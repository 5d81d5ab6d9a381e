namespace StealthRelay.LocalFallback.Service;

/// <summary>
/// Answers OpenAI chat-completions and Anthropic messages requests from the local llama.cpp model, plain or
/// streamed (SSE), in the provider's exact wire format, including its error shapes (400 invalid request or prompt
/// longer than the context, 429 queue full with Retry-After, 503 no local model).
/// </summary>
public interface ILocalChatService
{
    /// <summary>
    /// Handles one request. <paramref name="onResponseStarting"/> is called exactly once, before anything is
    /// written to <paramref name="responseBody"/>, with the status code, content type and Retry-After to set
    /// (typically on <c>HttpContext.Response</c>). Streamed answers are flushed event by event. Cancelling
    /// <paramref name="cancellationToken"/> (client gone) stops generation promptly; the method then returns with
    /// <see cref="LocalResult.Cancelled"/> set instead of throwing.
    /// </summary>
    Task<LocalResult> HandleAsync(
        LocalApi api,
        ReadOnlyMemory<byte> requestJson,
        Stream responseBody,
        Action<LocalResponseHead> onResponseStarting,
        CancellationToken cancellationToken);

    /// <summary>Loads the model and creates the contexts now instead of on the first request (optional, e.g. at start-up).</summary>
    Task WarmUpAsync(CancellationToken cancellationToken);
}
