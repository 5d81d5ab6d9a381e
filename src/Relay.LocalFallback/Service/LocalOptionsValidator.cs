using Microsoft.Extensions.Options;

namespace StealthRelay.LocalFallback.Service;

/// <summary>Validates <see cref="LocalOptions"/> at start-up and reports every problem at once.</summary>
internal sealed class LocalOptionsValidator : IValidateOptions<LocalOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ModelPath) && options.Endpoint is null)
        {
            errors.Add("Relay:Local needs ModelPath (a GGUF file) or Endpoint (an OpenAI-compatible local server).");
        }

        if (!string.IsNullOrWhiteSpace(options.ModelPath) && !File.Exists(options.ModelPath))
        {
            errors.Add($"Relay:Local:ModelPath '{options.ModelPath}' does not exist.");
        }

        if (options.Endpoint is { IsAbsoluteUri: false } || options.Endpoint is { Scheme: not ("http" or "https") })
        {
            errors.Add("Relay:Local:Endpoint must be an absolute http(s) URL.");
        }

        if (options.EndpointServesAnthropic && options.Endpoint is null)
        {
            errors.Add("Relay:Local:EndpointServesAnthropic is set but Relay:Local:Endpoint is not.");
        }

        if (!Enum.IsDefined(options.Backend))
        {
            errors.Add("Relay:Local:Backend must be cpu or cuda.");
        }

        Check(options.GpuLayers >= -1, "GpuLayers must be -1 (all) or more.");
        Check(options.ContextSize >= 16, "ContextSize must be at least 16.");
        Check(options.BatchSize >= 1, "BatchSize must be at least 1.");
        Check(options.MaxConcurrency is >= 1 and <= 64, "MaxConcurrency must be between 1 and 64.");
        Check(options.QueueLimit >= 0, "QueueLimit must be 0 or more.");
        Check(options.Threads >= 0, "Threads must be 0 (automatic) or more.");
        Check(options.RetryAfterSeconds >= 1, "RetryAfterSeconds must be at least 1.");
        Check(options.LoadRetrySeconds >= 0, "LoadRetrySeconds must be 0 or more.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Check(bool valid, string message)
        {
            if (!valid)
            {
                errors.Add("Relay:Local:" + message);
            }
        }
    }
}
