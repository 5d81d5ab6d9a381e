namespace StealthRelay.Gateway.Configuration;

/// <summary>Which upstream serves which API family, bound from <c>Relay:Routing</c>.</summary>
public sealed class RoutingOptions
{
    /// <summary>Upstream name that serves the OpenAI paths. Default <c>openai</c>. Empty disables those paths (404).</summary>
    public string OpenAI { get; set; } = "openai";

    /// <summary>Upstream name that serves <c>/v1/messages*</c>. Default <c>anthropic</c>. Empty disables those paths (404).</summary>
    public string Anthropic { get; set; } = "anthropic";
}
