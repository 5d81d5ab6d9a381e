using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Gateway.Routing;

/// <summary>The closed list of forwarded endpoints. Anything else is answered 404 and never forwarded.</summary>
internal static class RelayRouteTable
{
    public static readonly IReadOnlyList<RelayRoute> Routes =
    [
        new("POST", "/v1/chat/completions", ApiFamily.OpenAI, ApiShape.OpenAIChatCompletions, RestoreSuccess: true),
        new("POST", "/v1/responses", ApiFamily.OpenAI, ApiShape.OpenAIResponses, RestoreSuccess: true),
        new("POST", "/v1/embeddings", ApiFamily.OpenAI, ApiShape.OpenAIEmbeddings, RestoreSuccess: false),
        new("GET", "/v1/models", ApiFamily.OpenAI, Shape: null, RestoreSuccess: false),
        new("POST", "/v1/messages", ApiFamily.Anthropic, ApiShape.AnthropicMessages, RestoreSuccess: true),
        new("POST", "/v1/messages/count_tokens", ApiFamily.Anthropic, ApiShape.AnthropicCountTokens, RestoreSuccess: true),
    ];

    public static RelayRoute? Match(string method, PathString path)
    {
        foreach (var route in Routes)
        {
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)
                && string.Equals(route.Path, path.Value, StringComparison.Ordinal))
            {
                return route;
            }
        }

        return null;
    }
}
