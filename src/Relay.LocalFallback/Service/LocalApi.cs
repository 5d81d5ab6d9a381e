namespace StealthRelay.LocalFallback.Service;

/// <summary>The provider API a request to the local model speaks.</summary>
public enum LocalApi
{
    /// <summary>OpenAI <c>POST /v1/chat/completions</c>.</summary>
    OpenAIChat,

    /// <summary>Anthropic <c>POST /v1/messages</c>.</summary>
    AnthropicMessages,
}
