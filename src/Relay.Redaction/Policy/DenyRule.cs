namespace StealthRelay.Redaction.Policy;

/// <summary>A term that is always redacted.</summary>
public sealed class DenyRule
{
    /// <summary>The literal term, or a .NET regular expression when <see cref="IsRegex"/> is true.</summary>
    public string Pattern { get; init; } = "";

    /// <summary>Treat <see cref="Pattern"/> as a regular expression (matched case-insensitively, with a timeout).</summary>
    public bool IsRegex { get; init; }

    /// <summary>The entity type to report. Default <see cref="EntityTypes.Custom"/>.</summary>
    public string EntityType { get; init; } = EntityTypes.Custom;
}
