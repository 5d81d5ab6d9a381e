using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StealthRelay.Gateway.Logging;

/// <summary>
/// The gateway's instruments (meter <c>StealthRelay.Gateway</c>): requests by upstream, route and status, their
/// duration, and redacted entities by type. Tags are closed sets (configured upstream names, the fixed route list,
/// status codes, entity types): never content.
/// </summary>
internal sealed class GatewayMetrics
{
    public const string MeterName = "StealthRelay.Gateway";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _entities;
    private readonly Counter<long> _routeDecisions;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("stealthrelay.gateway.requests", "{request}", "Requests answered, by upstream, route and status.");
        _duration = meter.CreateHistogram<double>("stealthrelay.gateway.request.duration", "s", "Time from request start to the end of the answer.");
        _entities = meter.CreateCounter<long>("stealthrelay.gateway.entities", "{entity}", "Values replaced by placeholders before forwarding, by type.");
        _routeDecisions = meter.CreateCounter<long>("stealthrelay.route.decisions", "{decision}", "Routing decisions, by route (local, upstream) and reason.");
    }

    public void RequestCompleted(string route, string path, int statusCode, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "relay.route", route },
            { "http.route", path },
            { "http.response.status_code", statusCode },
            { "http.response.status_class", StealthRelay.Gateway.Telemetry.GatewayDiagnostics.StatusClass(statusCode) },
        };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void EntitiesRedacted(string route, IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (type, count) in counts)
        {
            if (count > 0)
            {
                _entities.Add(count, new KeyValuePair<string, object?>("relay.route", route), new KeyValuePair<string, object?>("entity.type", type));
            }
        }
    }

    public void RouteDecided(string route, string reason) =>
        _routeDecisions.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("reason", reason));
}
