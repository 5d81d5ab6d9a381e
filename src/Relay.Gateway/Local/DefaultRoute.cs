namespace StealthRelay.Gateway.Local;

/// <summary>Where requests go when nothing in them asks for the local model (<c>Relay:Routing:DefaultRoute</c>).</summary>
public enum DefaultRoute
{
    /// <summary>Redact and forward to the configured provider; markings, local-only entities and the header still route locally.</summary>
    Upstream,

    /// <summary>Local-only mode: every request is answered by the local model (or refused); nothing ever reaches a provider.</summary>
    Local,
}
