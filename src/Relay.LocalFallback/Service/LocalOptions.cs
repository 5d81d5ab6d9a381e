namespace StealthRelay.LocalFallback.Service;

/// <summary>
/// The local model (configuration section <c>Relay:Local</c>). Either <see cref="ModelPath"/> (served in-process by
/// llama.cpp) or <see cref="Endpoint"/> (an OpenAI-compatible local server the gateway forwards to) must be set.
/// </summary>
public sealed class LocalOptions
{
    /// <summary>Path of the GGUF model served in-process. Default: none.</summary>
    public string? ModelPath { get; set; }

    /// <summary>llama.cpp build: <c>cpu</c> (default) or <c>cuda</c> (needs a build with <c>-p:LlamaBackend=cuda</c>).</summary>
    public LocalBackend Backend { get; set; } = LocalBackend.Cpu;

    /// <summary>Layers offloaded to the GPU (<c>n_gpu_layers</c>); -1 = all. Default 0 (CPU only).</summary>
    public int GpuLayers { get; set; }

    /// <summary>Tokens per context (prompt + completion), <c>n_ctx</c>. Default 2048.</summary>
    public int ContextSize { get; set; } = 2048;

    /// <summary>Largest prompt chunk per llama_decode (<c>n_batch</c>). Default 512.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>Requests generated in parallel = number of contexts kept. Default 1.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Requests allowed to wait for a context; one more is answered 429. Default 16.</summary>
    public int QueueLimit { get; set; } = 16;

    /// <summary>CPU threads per context; 0 = processor count divided by <see cref="MaxConcurrency"/> (at least 1). Default 0.</summary>
    public int Threads { get; set; }

    /// <summary>Seconds sent in Retry-After with a 429. Default 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// After the model failed to load, requests are answered 503 (with Retry-After) for this many seconds before the
    /// next request tries to load it again; 0 tries on every request. Default 30.
    /// </summary>
    public int LoadRetrySeconds { get; set; } = 30;

    /// <summary>URL of an OpenAI-compatible local server used instead of <see cref="ModelPath"/>; carried for the gateway, which calls it. Default: none.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// True when <see cref="Endpoint"/> also serves the Anthropic Messages API (<c>POST /v1/messages</c>): Anthropic
    /// requests on the local route are then forwarded to it unchanged, like OpenAI chat requests. Default false: the
    /// gateway translates them to OpenAI chat completions and the answers back (text only, as the in-process model).
    /// </summary>
    public bool EndpointServesAnthropic { get; set; }
}
