using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// A forwarding attempt that failed before any byte reached the client: a forwarder error (connection refused,
/// timeout, ...) or a 5xx status from the provider (<paramref name="StatusCode"/>, with <see cref="ForwarderError.None"/>).
/// </summary>
internal sealed record UpstreamFailure(string Upstream, ForwarderError Error, int? StatusCode);
