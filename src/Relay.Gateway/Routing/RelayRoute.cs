using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Gateway.Routing;

/// <summary>A path the gateway forwards: its family and, for bodies that carry text, the shape to redact.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Exact path.</param>
/// <param name="Family">SDK family (upstream and error shape).</param>
/// <param name="Shape">Body shape to redact and restore; null for body-less requests forwarded as is.</param>
/// <param name="RestoreSuccess">Whether successful answers carry text to restore (false for embeddings).</param>
internal sealed record RelayRoute(string Method, string Path, ApiFamily Family, ApiShape? Shape, bool RestoreSuccess);
