namespace StealthRelay.Redaction.Protocols;

/// <summary>The request/response JSON shapes the gateway understands.</summary>
public enum ApiShape
{
    /// <summary>OpenAI <c>POST /v1/chat/completions</c>.</summary>
    OpenAIChatCompletions,
    /// <summary>OpenAI <c>POST /v1/responses</c>.</summary>
    OpenAIResponses,
    /// <summary>OpenAI <c>POST /v1/embeddings</c> (inputs redacted, nothing to restore).</summary>
    OpenAIEmbeddings,
    /// <summary>Anthropic <c>POST /v1/messages</c>.</summary>
    AnthropicMessages,
    /// <summary>Anthropic <c>POST /v1/messages/count_tokens</c>.</summary>
    AnthropicCountTokens,
}
