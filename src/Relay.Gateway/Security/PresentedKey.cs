namespace StealthRelay.Gateway.Security;

/// <summary>
/// The keys a request presents: <c>x-api-key</c> (Anthropic SDKs) and <c>Authorization: Bearer</c> (OpenAI SDKs; the
/// Anthropic SDK may send it too). Both are candidates; either may match.
/// </summary>
internal static class PresentedKey
{
    private const string BearerPrefix = "Bearer ";

    public static IEnumerable<string> Candidates(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var apiKey = request.Headers["x-api-key"].ToString();
        if (apiKey.Length > 0)
        {
            yield return apiKey.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length)
        {
            yield return authorization[BearerPrefix.Length..].Trim();
        }
    }

    /// <summary>Removes the client's credentials so they can never reach a provider.</summary>
    public static void Remove(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove("x-api-key");
        request.Headers.Remove("Authorization");
    }
}
