namespace StealthRelay.Gateway.Configuration;

/// <summary>The wire protocol an upstream speaks.</summary>
public enum UpstreamProtocol
{
    /// <summary>OpenAI (<c>/v1/chat/completions</c>, <c>/v1/responses</c>, <c>/v1/embeddings</c>, <c>/v1/models</c>); the gateway key is sent as <c>Authorization: Bearer</c>.</summary>
    OpenAI,

    /// <summary>Anthropic (<c>/v1/messages</c>, <c>/v1/messages/count_tokens</c>); the gateway key is sent as <c>x-api-key</c>.</summary>
    Anthropic,

    /// <summary>
    /// DEMO ONLY: the built-in in-process echo provider. Nothing leaves the machine; it answers every supported endpoint
    /// with the (sanitized) text it received, so newcomers can try the gateway without a key or network.
    /// </summary>
    Echo,
}
