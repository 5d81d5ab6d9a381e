using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StealthRelay.LocalFallback.Llama;

namespace StealthRelay.LocalFallback.Service;

/// <summary>
/// The loaded model and its pool of <see cref="LocalOptions.MaxConcurrency"/> contexts. A rented context is used by
/// exactly one request; on return it is cleared (llama_memory_clear) before anyone else gets it. Disposal frees idle
/// contexts at once and busy ones when they come back; the model is freed after its last context (SafeHandle
/// reference counting).
/// </summary>
internal sealed class LocalModelHost : IDisposable
{
    private readonly ConcurrentStack<LlamaContext> _idle = new();
    private readonly SemaphoreSlim _available;
    private volatile bool _disposed;

    private LocalModelHost(LlamaModel model, IReadOnlyList<LlamaContext> contexts, int contextSize)
    {
        Model = model;

        // llama.cpp may round n_ctx up (it pads the KV cache); the configured size is the limit clients see.
        ContextSize = Math.Min(contextSize, contexts[0].Size);
        _idle.PushRange(contexts.ToArray());
        _available = new SemaphoreSlim(contexts.Count, contexts.Count);
    }

    public LlamaModel Model { get; }

    /// <summary>Tokens each context holds (prompt + completion).</summary>
    public int ContextSize { get; }

    public static LocalModelHost Load(LocalOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var started = Stopwatch.GetTimestamp();
        var model = LlamaModel.Load(options.ModelPath!, options.GpuLayers, options.Backend, logger);
        var contexts = new List<LlamaContext>(options.MaxConcurrency);
        try
        {
            var threads = options.Threads > 0 ? options.Threads : Math.Max(1, Environment.ProcessorCount / options.MaxConcurrency);
            for (var i = 0; i < options.MaxConcurrency; i++)
            {
                contexts.Add(model.CreateContext(options.ContextSize, Math.Min(options.BatchSize, options.ContextSize), threads));
            }
        }
        catch
        {
            contexts.ForEach(c => c.Dispose());
            model.Dispose();
            throw;
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var fileName = Path.GetFileName(options.ModelPath!);
        var templateSource = model.ChatTemplate is null ? "fallback (none in model)" : "from model";
        LocalLog.ModelLoaded(logger, fileName, options.Backend, elapsedMs, model.VocabularySize, contexts.Count, contexts[0].Size, templateSource);
        return new LocalModelHost(model, contexts, options.ContextSize);
    }

    /// <summary>Waits for a free context. The lease returns it, cleared, when disposed.</summary>
    public async ValueTask<Lease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!_idle.TryPop(out var context))
        {
            _available.Release();
            throw new InvalidOperationException("The context pool is out of balance.");
        }

        return new Lease(this, context);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var context))
        {
            context.Dispose();
        }

        Model.Dispose();
    }

    private void Return(LlamaContext context)
    {
        if (_disposed)
        {
            context.Dispose();
            return;
        }

        context.Clear();
        _idle.Push(context);
        _available.Release();
    }

    /// <summary>A rented context; dispose exactly once, after generation has finished.</summary>
    internal sealed class Lease(LocalModelHost host, LlamaContext context) : IDisposable
    {
        private LlamaContext? _context = context;

        public LlamaContext Context => _context ?? throw new ObjectDisposedException(nameof(Lease));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _context, null) is { } returned)
            {
                host.Return(returned);
            }
        }
    }
}
