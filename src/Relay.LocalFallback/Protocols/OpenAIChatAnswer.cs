namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// What an OpenAI-compatible server answered, whole (<c>chat.completion</c>) or one <c>chat.completion.chunk</c>: the
/// text of the first choice (empty when none), its <c>finish_reason</c>, the stop string vLLM names in its
/// <c>stop_reason</c> extension, the usage when present and the server's model name.
/// </summary>
internal readonly record struct OpenAIChatAnswer(
    string Text, string? FinishReason, string? MatchedStop, int? PromptTokens, int? CompletionTokens, string? Model);
