namespace StealthRelay.Redaction.Protocols;

/// <summary>Builds the InvalidRequest error for a field of the wrong shape. Names the field, never its value.</summary>
internal static class ShapeError
{
    public static RedactionException Create(string path, string expectation) =>
        new(RedactionFailure.InvalidRequest, $"Invalid request: '{path}' must be {expectation}.");
}
