using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Configuration;

/// <summary>
/// Validates <see cref="RelayOptions"/> once at start-up and reports every problem together. Per-upstream policies are
/// checked with the redaction library's own validators (the same rules as <c>Relay:Redaction:Policy</c>, which the
/// library validates itself); without them (unit tests) a built-in subset of those rules is used.
/// </summary>
internal sealed class RelayOptionsValidator(IEnumerable<IValidateOptions<RedactionOptions>> engineValidators) : IValidateOptions<RelayOptions>
{
    private const string EnginePolicyPath = "Relay:Redaction:Policy";
    private readonly IValidateOptions<RedactionOptions>[] _engineValidators = [.. engineValidators];

    public RelayOptionsValidator()
        : this([])
    {
    }

    internal const int MinHmacKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, RelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (options.Upstreams.Count == 0)
        {
            errors.Add("Relay:Upstreams is empty: configure at least one upstream (Protocol and BaseUrl).");
        }

        foreach (var (upstreamName, upstream) in options.Upstreams)
        {
            ValidateUpstream(upstreamName, upstream, errors);
            if (upstream?.Policy is { } policy)
            {
                ValidateUpstreamPolicy($"Relay:Upstreams:{upstreamName}:Policy", policy, errors);
            }
        }

        ValidateRoute("OpenAI", options.Routing.OpenAI, UpstreamProtocol.OpenAI, options, errors);
        ValidateRoute("Anthropic", options.Routing.Anthropic, UpstreamProtocol.Anthropic, options, errors);
        if (_engineValidators.Length == 0)
        {
            ValidatePolicy(EnginePolicyPath, options.Redaction.Policy, errors); // otherwise the library reports these itself
        }

        if (options.Limits.MaxRequestBodyBytes <= 0)
        {
            errors.Add("Relay:Limits:MaxRequestBodyBytes must be greater than 0.");
        }

        if (options.Limits.MaxResponseBodyBytes <= 0)
        {
            errors.Add("Relay:Limits:MaxResponseBodyBytes must be greater than 0.");
        }

        if (options.Limits.UpstreamActivityTimeoutSeconds <= 0)
        {
            errors.Add("Relay:Limits:UpstreamActivityTimeoutSeconds must be greater than 0.");
        }

        if (options.Telemetry.OtlpEndpoint is { Length: > 0 } otlp
            && (!Uri.TryCreate(otlp, UriKind.Absolute, out var otlpUri) || (otlpUri.Scheme != Uri.UriSchemeHttp && otlpUri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("Relay:Telemetry:OtlpEndpoint must be an absolute http or https address, e.g. http://otel-collector:4317.");
        }

        if (!Enum.IsDefined(options.Privacy.UserIdMode))
        {
            errors.Add("Relay:Privacy:UserIdMode must be Remove, Pseudonymize or Keep.");
        }

        if (options.Privacy.HmacKey is { } key && key.Length < MinHmacKeyLength)
        {
            errors.Add($"Relay:Privacy:HmacKey must be at least {MinHmacKeyLength} characters (or left unset for a random per-process key).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateUpstream(string name, UpstreamOptions upstream, List<string> errors)
    {
        var prefix = $"Relay:Upstreams:{name}";
        if (upstream is null)
        {
            errors.Add($"{prefix} is empty.");
            return;
        }

        if (upstream.Protocol is null)
        {
            errors.Add($"{prefix}:Protocol is required (OpenAI, Anthropic or Echo).");
        }
        else if (!Enum.IsDefined(upstream.Protocol.Value))
        {
            errors.Add($"{prefix}:Protocol must be OpenAI, Anthropic or Echo.");
        }

        if (upstream.Protocol != UpstreamProtocol.Echo)
        {
            if (string.IsNullOrWhiteSpace(upstream.BaseUrl))
            {
                errors.Add($"{prefix}:BaseUrl is required, e.g. https://api.openai.com.");
            }
            else if (!Uri.TryCreate(upstream.BaseUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                errors.Add($"{prefix}:BaseUrl must be an absolute http or https address without query or fragment.");
            }
        }

        if (upstream.ApiKey is { } apiKey && (string.IsNullOrWhiteSpace(apiKey) || apiKey.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            errors.Add($"{prefix}:ApiKey must not be blank or contain line breaks (remove it to pass the client's key through).");
        }
    }

    private void ValidateUpstreamPolicy(string path, RedactionPolicy policy, List<string> errors)
    {
        if (_engineValidators.Length == 0)
        {
            ValidatePolicy(path, policy, errors);
            return;
        }

        var candidate = new RedactionOptions { Policy = policy };
        foreach (var validator in _engineValidators)
        {
            var result = validator.Validate(Options.DefaultName, candidate);
            if (result.Failed)
            {
                errors.AddRange(result.Failures.Select(f => f.Replace(EnginePolicyPath, path, StringComparison.Ordinal)));
            }
        }
    }

    private static void ValidateRoute(string family, string upstreamName, UpstreamProtocol protocol, RelayOptions options, List<string> errors)
    {
        if (string.IsNullOrEmpty(upstreamName))
        {
            return;
        }

        if (!options.Upstreams.TryGetValue(upstreamName, out var upstream) || upstream is null)
        {
            errors.Add($"Relay:Routing:{family} names upstream '{upstreamName}', which is not configured under Relay:Upstreams.");
        }
        else if (upstream.Protocol is { } p && p != protocol && p != UpstreamProtocol.Echo)
        {
            errors.Add($"Relay:Routing:{family} names upstream '{upstreamName}', whose Protocol is {p}; it must be {protocol} or Echo.");
        }
    }

    internal static void ValidatePolicy(string prefix, RedactionPolicy policy, List<string> errors)
    {
        if (policy.DefaultMinScore is < 0 or > 1 || double.IsNaN(policy.DefaultMinScore))
        {
            errors.Add($"{prefix}:DefaultMinScore must be between 0 and 1.");
        }

        foreach (var (type, score) in policy.MinScores)
        {
            if (score is < 0 or > 1 || double.IsNaN(score))
            {
                errors.Add($"{prefix}:MinScores:{type} must be between 0 and 1.");
            }
        }

        if (string.IsNullOrEmpty(policy.PlaceholderFormat)
            || !policy.PlaceholderFormat.Contains("{type}", StringComparison.Ordinal)
            || !policy.PlaceholderFormat.Contains("{index}", StringComparison.Ordinal))
        {
            errors.Add($"{prefix}:PlaceholderFormat must contain both {{type}} and {{index}}, e.g. [{{type}}_{{index}}].");
        }

        for (var i = 0; i < policy.DenyList.Count; i++)
        {
            var rule = policy.DenyList[i];
            if (string.IsNullOrEmpty(rule.Pattern))
            {
                errors.Add($"{prefix}:DenyList:{i}:Pattern must not be empty.");
            }
            else if (rule.IsRegex && !IsValidRegex(rule.Pattern))
            {
                // The pattern itself is configuration, not request content, but it may name secret project terms: not echoed.
                errors.Add($"{prefix}:DenyList:{i}:Pattern is not a valid .NET regular expression.");
            }
        }
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
