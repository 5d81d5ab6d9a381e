using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Redaction;

namespace StealthRelay.Gateway.Security;

/// <summary>
/// Validates clients, the admin key, rate limits and the abuse limits at start-up; its errors are reported together
/// with <see cref="RelayOptionsValidator"/>'s (the options system runs every validator before failing).
/// </summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<RelayOptions>
{
    /// <summary>The redaction engine's JSON parser refuses deeper bodies regardless.</summary>
    public const int EngineMaxJsonDepth = 128;

    public ValidateOptionsResult Validate(string? name, RelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (clientName, client) in options.Clients)
        {
            var prefix = $"Relay:Clients:{clientName}";
            if (client is null)
            {
                errors.Add($"{prefix} is empty: set at least KeySha256.");
                continue;
            }

            if (ClientKeyHash.TryParse(client.KeySha256) is null)
            {
                errors.Add($"{prefix}:KeySha256 must be the 64-digit hex SHA-256 of the client's key, e.g. printf %s \"$KEY\" | sha256sum.");
            }
            else if (!hashes.TryAdd(client.KeySha256!, prefix))
            {
                errors.Add($"{prefix}:KeySha256 is the same as {hashes[client.KeySha256!]}:KeySha256: give every client its own key.");
            }

            foreach (var upstream in client.AllowedUpstreams)
            {
                if (!options.Upstreams.ContainsKey(upstream))
                {
                    errors.Add($"{prefix}:AllowedUpstreams names '{upstream}', which is not configured under Relay:Upstreams.");
                }
            }

            if (client.Policy is { } policy)
            {
                errors.AddRange(RedactionPolicyValidator.Validate(policy, prefix + ":Policy"));
            }

            ValidateRateLimit(prefix + ":RateLimit", client.RateLimit, errors);
        }

        if (options.Admin.KeySha256 is { } admin)
        {
            if (ClientKeyHash.TryParse(admin) is null)
            {
                errors.Add("Relay:Admin:KeySha256 must be the 64-digit hex SHA-256 of the admin key (or unset to disable /relay/*).");
            }
            else if (hashes.TryGetValue(admin, out var owner))
            {
                errors.Add($"Relay:Admin:KeySha256 is the same as {owner}:KeySha256: the admin key must differ from every client key.");
            }
        }

        if (options.Clients.Count > 0)
        {
            ValidateRoutedKey(options, options.Routing.OpenAI, "OpenAI", errors);
            ValidateRoutedKey(options, options.Routing.Anthropic, "Anthropic", errors);
        }

        ValidateRateLimit("Relay:RateLimit", options.RateLimit, errors);
        ValidateLimits(options.Limits, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateRoutedKey(RelayOptions options, string upstreamName, string family, List<string> errors)
    {
        if (string.IsNullOrEmpty(upstreamName) || !options.Upstreams.TryGetValue(upstreamName, out var upstream) || upstream is null)
        {
            return; // no route, or reported by RelayOptionsValidator
        }

        if (upstream.Protocol != UpstreamProtocol.Echo && string.IsNullOrWhiteSpace(upstream.ApiKey))
        {
            errors.Add($"Relay:Upstreams:{upstreamName}:ApiKey is required because Relay:Clients is configured (client keys are never forwarded, so the gateway must use its own provider key). Set it, or disable the route with Relay:Routing:{family}=\"\".");
        }
    }

    private static void ValidateRateLimit(string prefix, RateLimitOptions? limit, List<string> errors)
    {
        if (limit is null)
        {
            return;
        }

        if (limit.PermitLimit is < 0)
        {
            errors.Add($"{prefix}:PermitLimit must be 0 (no limit) or more.");
        }

        if (limit.Window is { } window && window <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}:Window must be a positive time span, e.g. 00:01:00.");
        }

        if (limit.QueueLimit is < 0)
        {
            errors.Add($"{prefix}:QueueLimit must be 0 or more.");
        }
    }

    private static void ValidateLimits(LimitsOptions limits, List<string> errors)
    {
        if (limits.MaxJsonDepth is < 1 or > EngineMaxJsonDepth)
        {
            errors.Add($"Relay:Limits:MaxJsonDepth must be between 1 and {EngineMaxJsonDepth}.");
        }

        if (limits.MinRequestBodyDataRateBytesPerSecond is { } rate && (rate < 0 || double.IsNaN(rate)))
        {
            errors.Add("Relay:Limits:MinRequestBodyDataRateBytesPerSecond must be 0 (disabled) or more.");
        }

        if (limits.RequestHeadersTimeoutSeconds is <= 0)
        {
            errors.Add("Relay:Limits:RequestHeadersTimeoutSeconds must be greater than 0.");
        }

        if (limits.KeepAliveTimeoutSeconds is <= 0)
        {
            errors.Add("Relay:Limits:KeepAliveTimeoutSeconds must be greater than 0.");
        }

        if (limits.MaxRequestHeadersTotalSize is <= 0)
        {
            errors.Add("Relay:Limits:MaxRequestHeadersTotalSize must be greater than 0.");
        }

        if (limits.MaxConcurrentConnections is <= 0)
        {
            errors.Add("Relay:Limits:MaxConcurrentConnections must be greater than 0 (or unset for no limit).");
        }
    }
}
