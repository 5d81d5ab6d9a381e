namespace StealthRelay.IntegrationTests.Observability;

/// <summary>
/// Unique strings planted in requests. None of them may ever show up in a log line, span or metric; each is unlikely
/// enough that any hit is a leak. Values with spaces are also looked for with the spaces removed.
/// </summary>
internal static class Canaries
{
    public const string Email = "canary-7f3a@example.com";
    public const string Phone = "+44 20 7946 0321";
    public const string Card = "4012 8888 8888 1881";
    public const string Iban = "GB82 WEST 1234 5698 7654 32";
    public const string Person = "Thaddeus Quillfeather";
    public const string Secret = "sk-canary-Zq8vN3xT5rW1yL7pK2mB9cD4";
    public const string System = "canary-sys-91c2";
    public const string ToolArgument = "canary-tool-55ab";
    public const string Anthropic = "canary-anth-3e8d";
    public const string Embeddings = "canary-embed-6f1c";
    public const string MalformedJson = "canary-badjson-0d7e";
    public const string DetectionFailure = "canary-detect-8b2a";
    public const string Query = "canary-query-4c9f";
    public const string Path = "canary-path-2a6d";
    public const string UpstreamEcho = "canary-echo-7d3b";
    public const string Header = "canary-header-1e5a";

    public static readonly string[] All =
    [
        Email, Phone, Card, Iban, Person, Secret, System, ToolArgument, Anthropic, Embeddings, MalformedJson,
        DetectionFailure, Query, Path, UpstreamEcho, Header,
    ];

    /// <summary>Every canary text a string contains (case-insensitive; also without spaces and with the name's parts alone).</summary>
    public static IEnumerable<string> FoundIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        foreach (var canary in All)
        {
            var needle = canary.Replace(" ", "", StringComparison.Ordinal);
            if (text.Contains(canary, StringComparison.OrdinalIgnoreCase) || compact.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                yield return canary;
            }
        }

        if (text.Contains("Quillfeather", StringComparison.OrdinalIgnoreCase))
        {
            yield return Person;
        }
    }
}
