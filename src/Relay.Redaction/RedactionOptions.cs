using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction;

/// <summary>Options of the redaction library, bound from <c>Relay:Redaction</c>. Validated at start-up.</summary>
public sealed class RedactionOptions
{
    /// <summary>
    /// How long detection (recognizers and the NER model) may take for one request before it is refused with
    /// <see cref="RedactionFailure.Timeout"/>. Default 5 seconds.
    /// </summary>
    public TimeSpan DetectionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The default policy, used when a route or upstream does not set its own.</summary>
    public RedactionPolicy Policy { get; set; } = RedactionPolicy.Default;
}
