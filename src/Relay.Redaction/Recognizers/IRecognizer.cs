namespace StealthRelay.Redaction.Recognizers;

/// <summary>
/// A rule recognizer: finds entities that have a shape and validates them (checksums, libphonenumber, parsers).
/// Implementations are stateless and thread-safe; one instance serves all requests.
/// </summary>
public interface IRecognizer
{
    /// <summary>The entity types this recognizer can emit.</summary>
    IReadOnlyList<string> SupportedEntities { get; }

    /// <summary>
    /// Words that, found near a match, make it more likely (Presidio "context"), lower-case. May be empty.
    /// </summary>
    IReadOnlyList<string> Context { get; }

    /// <summary>Appends every match in <paramref name="text"/> to <paramref name="results"/>.</summary>
    void Analyze(string text, List<EntitySpan> results);
}
