namespace StealthRelay.LocalFallback.Service;

/// <summary>
/// What a local request came to, for the caller's metrics and logs (no content). <see cref="FinishReason"/> uses the
/// API's own wording (<c>stop</c>/<c>length</c>, <c>end_turn</c>/<c>max_tokens</c>/<c>stop_sequence</c>); null when
/// the request was refused or cancelled.
/// </summary>
public sealed record LocalResult(int StatusCode, bool Streamed, int PromptTokens, int CompletionTokens, string? FinishReason, bool Cancelled);
