using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;

namespace StealthRelay.Redaction.Diagnostics;

/// <summary>
/// Traces and metrics of request redaction: the <c>StealthRelay.Redaction</c> activity source (one <c>redaction</c>
/// span per request: API shape, entity counts by type, detection time, failure kind) and meter
/// (<c>stealthrelay.redaction.duration</c>, <c>stealthrelay.redaction.entities</c>). Types, counts and timings only:
/// no text, no matched value, no exception message is ever attached.
/// </summary>
internal sealed class RedactionDiagnostics : IDisposable
{
    /// <summary>The activity source and meter name.</summary>
    public const string Name = "StealthRelay.Redaction";

    /// <summary>Tag prefix of the per-type entity counts on the redaction span (<c>stealthrelay.entities.EMAIL_ADDRESS=2</c>).</summary>
    public const string EntityTagPrefix = "stealthrelay.entities.";

    internal static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _entities;

    /// <summary>Creates the instruments through <paramref name="meterFactory"/> (a private meter when none is given).</summary>
    public RedactionDiagnostics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _duration = _meter.CreateHistogram<double>("stealthrelay.redaction.duration", "s",
            "Time to find and replace PII in one request (detection included), by API shape and outcome.");
        _entities = _meter.CreateCounter<long>("stealthrelay.redaction.entities", "{entity}",
            "Values replaced by placeholders, by entity type.");
    }

    /// <summary>Starts the redaction span (null when nobody listens).</summary>
    internal static Activity? StartRedaction(string shape)
    {
        var activity = Source.StartActivity("redaction");
        activity?.SetTag("stealthrelay.api.shape", shape);
        return activity;
    }

    /// <summary>Records a finished redaction on the span and the instruments.</summary>
    internal void Completed(Activity? activity, string shape, IReadOnlyDictionary<string, int> counts, TimeSpan detection, TimeSpan total)
    {
        var entityTotal = 0;
        var summary = activity is null ? null : new StringBuilder();
        foreach (var (type, count) in counts.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            entityTotal += count;
            _entities.Add(count, new KeyValuePair<string, object?>("entity.type", type));
            if (activity is not null)
            {
                activity.SetTag(EntityTagPrefix + type, count);
                summary!.Append(summary.Length == 0 ? "" : ",").Append(type).Append('=').Append(count);
            }
        }

        _duration.Record(total.TotalSeconds, new KeyValuePair<string, object?>("stealthrelay.api.shape", shape), new KeyValuePair<string, object?>("outcome", "ok"));
        if (activity is not null)
        {
            activity.SetTag("stealthrelay.entities", summary!.ToString());
            activity.SetTag("stealthrelay.entities.total", entityTotal);
            activity.SetTag("stealthrelay.detection.duration_ms", detection.TotalMilliseconds);
        }
    }

    /// <summary>Records a refused redaction: the failure kind only (never the exception's message).</summary>
    internal void Failed(Activity? activity, string shape, string failure, TimeSpan total)
    {
        _duration.Record(total.TotalSeconds, new KeyValuePair<string, object?>("stealthrelay.api.shape", shape), new KeyValuePair<string, object?>("outcome", failure));
        activity?.SetTag("error.type", failure);
        activity?.SetStatus(ActivityStatusCode.Error, failure);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
