using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;

namespace StealthRelay.Gateway.Resilience;

/// <summary>Validates <c>Relay:Resilience</c>, every <c>Relay:Upstreams:&lt;name&gt;:Resilience</c>/<c>Fallback</c> and <c>Relay:Shutdown</c>.</summary>
internal sealed class ResilienceOptionsValidator : IValidateOptions<RelayOptions>
{
    public ValidateOptionsResult Validate(string? name, RelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateSettings("Relay:Resilience", ResilienceSettings.Resolve(options.Resilience, null), errors);
        foreach (var (upstreamName, upstream) in options.Upstreams)
        {
            if (upstream is null)
            {
                continue;
            }

            var path = $"Relay:Upstreams:{upstreamName}";
            if (upstream.Resilience is not null)
            {
                ValidateSettings(path + ":Resilience", ResilienceSettings.Resolve(options.Resilience, upstream.Resilience), errors);
            }

            if (!string.IsNullOrEmpty(upstream.Fallback))
            {
                ValidateFallback(path, upstreamName, upstream, options, errors);
            }
        }

        if (options.Shutdown.DrainSeconds is < 0 or > 3600)
        {
            errors.Add("Relay:Shutdown:DrainSeconds must be between 0 and 3600.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateFallback(string path, string upstreamName, UpstreamOptions upstream, RelayOptions options, List<string> errors)
    {
        if (!options.Upstreams.TryGetValue(upstream.Fallback!, out var target) || target is null)
        {
            errors.Add($"{path}:Fallback names '{upstream.Fallback}', which is not a configured upstream.");
            return;
        }

        if (string.Equals(upstream.Fallback, upstreamName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{path}:Fallback must name another upstream, not itself.");
        }
        else if (upstream.Protocol == UpstreamProtocol.Echo || target.Protocol == UpstreamProtocol.Echo)
        {
            errors.Add($"{path}:Fallback: the demo echo provider has no fallback and cannot be one.");
        }
        else if (target.Protocol != upstream.Protocol)
        {
            errors.Add($"{path}:Fallback '{upstream.Fallback}' must use the same protocol ({upstream.Protocol}), not {target.Protocol}.");
        }
        else if (upstream.ApiKey is not null && target.ApiKey is null)
        {
            errors.Add($"{path}:Fallback '{upstream.Fallback}' needs its own ApiKey: this upstream replaces the client's credentials, so there are none to pass on.");
        }
    }

    private static void ValidateSettings(string path, ResilienceSettings s, List<string> errors)
    {
        Positive(path, nameof(s.ConnectTimeout), s.ConnectTimeout, errors);
        Positive(path, nameof(s.FirstByteTimeout), s.FirstByteTimeout, errors);
        Positive(path, nameof(s.TotalTimeout), s.TotalTimeout, errors);
        Positive(path, nameof(s.StreamIdleTimeout), s.StreamIdleTimeout, errors);
        if (s.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{path}:MaxRetries must be between 0 and 10.");
        }

        if (s.RetryBaseDelay < TimeSpan.Zero || s.RetryMaxDelay < s.RetryBaseDelay || s.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{path}: RetryBaseDelay and MaxRetryAfter must not be negative and RetryMaxDelay must be at least RetryBaseDelay.");
        }

        if (!s.CircuitBreakerEnabled)
        {
            return;
        }

        if (s.FailureRatio is <= 0 or > 1)
        {
            errors.Add($"{path}:FailureRatio must be greater than 0 and at most 1.");
        }

        if (s.MinimumThroughput < 2)
        {
            errors.Add($"{path}:MinimumThroughput must be at least 2.");
        }

        if (s.SamplingDuration < TimeSpan.FromMilliseconds(500) || s.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{path}: SamplingDuration and BreakDuration must be at least 0.5 s.");
        }
    }

    private static void Positive(string path, string key, TimeSpan value, List<string> errors)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            errors.Add($"{path}:{key} must be greater than 0 and at most one day.");
        }
    }
}
