namespace StealthRelay.Redaction.Policy;

/// <summary>
/// What is redacted and how. Bound from configuration (<c>Relay:Redaction:Policy</c>, overridable per upstream at
/// <c>Relay:Upstreams:&lt;name&gt;:Policy</c>); validated once at start-up.
/// </summary>
public sealed class RedactionPolicy
{
    /// <summary>Entity types to redact. Empty means every type the recognizers and the model know.</summary>
    public IList<string> Entities { get; init; } = [];

    /// <summary>Terms never redacted (e.g. the company's own name). Compared case-insensitively, whole match.</summary>
    public IList<string> AllowList { get; init; } = [];

    /// <summary>Terms always redacted (project code names), exact or regex. Reported as <see cref="EntityTypes.Custom"/> unless the rule names a type.</summary>
    public IList<DenyRule> DenyList { get; init; } = [];

    /// <summary>Minimum score per entity type; types not listed use <see cref="DefaultMinScore"/>.</summary>
    public IDictionary<string, double> MinScores { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Minimum score for types without an entry in <see cref="MinScores"/>. Default 0.5.</summary>
    public double DefaultMinScore { get; init; } = 0.5;

    /// <summary>
    /// Placeholder format; <c>{type}</c> and <c>{index}</c> are replaced. Default <c>[{type}_{index}]</c>, e.g. <c>[EMAIL_ADDRESS_1]</c>.
    /// </summary>
    public string PlaceholderFormat { get; init; } = "[{type}_{index}]";

    /// <summary>The default policy: every type, no lists, threshold 0.5.</summary>
    public static RedactionPolicy Default { get; } = new();
}
