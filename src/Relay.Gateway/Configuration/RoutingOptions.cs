using StealthRelay.Gateway.Local;

namespace StealthRelay.Gateway.Configuration;

/// <summary>Which upstream serves which API family, bound from <c>Relay:Routing</c>.</summary>
public sealed class RoutingOptions
{
    /// <summary>Upstream name that serves the OpenAI paths. Default <c>openai</c>. Empty disables those paths (404).</summary>
    public string OpenAI { get; set; } = "openai";

    /// <summary>Upstream name that serves <c>/v1/messages*</c>. Default <c>anthropic</c>. Empty disables those paths (404).</summary>
    public string Anthropic { get; set; } = "anthropic";

    /// <summary><c>Upstream</c> (default) or <c>Local</c>: local-only mode, nothing is ever sent to a provider.</summary>
    public DefaultRoute DefaultRoute { get; set; } = DefaultRoute.Upstream;

    /// <summary>
    /// Upper-case markings that send a request to the local model (matched case-sensitively in every JSON string value).
    /// Null (default) = <see cref="ClassificationMarkingScanner.DefaultMarkings"/>; setting the list replaces them.
    /// </summary>
    public List<string>? ClassificationMarkings { get; set; }

    /// <summary>Entity types (e.g. <c>US_SSN</c>, <c>SECRET</c>) whose detection sends a request to the local model. Default: none.</summary>
    public List<string> LocalOnlyEntities { get; set; } = [];

    /// <summary>Answer locally when the provider cannot be reached, times out or answers 5xx before any byte reached the client. Default false.</summary>
    public bool FallbackToLocal { get; set; }
}
