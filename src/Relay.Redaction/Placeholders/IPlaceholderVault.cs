namespace StealthRelay.Redaction.Placeholders;

/// <summary>
/// The placeholder-to-value mapping of one request. Lives in memory for the request's lifetime only and is
/// cleared when the response ends. Thread-safe.
/// </summary>
public interface IPlaceholderVault : IDisposable
{
    /// <summary>Number of distinct values held.</summary>
    int Count { get; }

    /// <summary>Looks up the original value of an exact placeholder, e.g. <c>[EMAIL_ADDRESS_1]</c>.</summary>
    bool TryGetValue(ReadOnlySpan<char> placeholder, out string value);

    /// <summary>Drops every value. Called when the response ends; <see cref="IDisposable.Dispose"/> does the same.</summary>
    void Clear();
}
