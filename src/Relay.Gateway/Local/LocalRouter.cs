using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// The routing rules: local-only mode, the <c>X-Relay-Route: local</c> header, classification markings and local-only
/// entity types send a request to the local model; nothing sends a request upstream that the rules keep local.
/// Every decision is logged (route and reason, no content) and counted on <c>stealthrelay.route.decisions</c>.
/// </summary>
internal sealed class LocalRouter
{
    public const string LocalValue = "local";

    private readonly RoutingOptions _routing;
    private readonly ClassificationMarkingScanner _markings;
    private readonly HashSet<string> _localOnlyEntities;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger<LocalRouter> _logger;

    public LocalRouter(IOptions<RelayOptions> options, GatewayMetrics metrics, ILogger<LocalRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _routing = options.Value.Routing;
        _markings = new ClassificationMarkingScanner(_routing.ClassificationMarkings ?? ClassificationMarkingScanner.DefaultMarkings);
        _localOnlyEntities = new HashSet<string>(_routing.LocalOnlyEntities.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()), StringComparer.OrdinalIgnoreCase);
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The reason a request goes local before its body is read (local-only mode, the header), or null.</summary>
    public string? ForcedLocalReason(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_routing.DefaultRoute == DefaultRoute.Local)
        {
            return RouteReason.LocalMode;
        }

        // The header can force local, never upstream: any other value (e.g. "upstream") is ignored.
        foreach (var value in request.Headers[RelayResponseHeaders.RouteHeader])
        {
            if (string.Equals(value?.Trim(), LocalValue, StringComparison.OrdinalIgnoreCase))
            {
                return RouteReason.Header;
            }
        }

        return null;
    }

    /// <summary><see cref="RouteReason.ClassificationMarking"/> when the original body carries a marking, else null.</summary>
    public string? BodyReason(ReadOnlySpan<byte> originalJson) =>
        _markings.ContainsMarking(originalJson) ? RouteReason.ClassificationMarking : null;

    /// <summary><see cref="RouteReason.LocalOnlyEntity"/> when detection found a local-only entity type, else null.</summary>
    public string? EntityReason(IReadOnlyDictionary<string, int> entityCounts)
    {
        ArgumentNullException.ThrowIfNull(entityCounts);
        if (_localOnlyEntities.Count == 0)
        {
            return null;
        }

        foreach (var (type, count) in entityCounts)
        {
            if (count > 0 && _localOnlyEntities.Contains(type))
            {
                return RouteReason.LocalOnlyEntity;
            }
        }

        return null;
    }

    /// <summary>Logs and counts a decision: <paramref name="route"/> is <c>local</c> or <c>upstream</c>.</summary>
    public void Record(HttpContext context, string route, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        RouteLog.Decided(_logger, context.Request.Method, context.Request.Path.Value ?? "", route, reason);
        _metrics.RouteDecided(route, reason);
    }
}
