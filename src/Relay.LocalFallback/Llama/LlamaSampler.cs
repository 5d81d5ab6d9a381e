using StealthRelay.LocalFallback.Native;

namespace StealthRelay.LocalFallback.Llama;

/// <summary>A llama.cpp sampler chain built from <see cref="SamplingParameters"/>; one per request.</summary>
internal sealed class LlamaSampler : IDisposable
{
    /// <summary>LLAMA_DEFAULT_SEED: llama.cpp picks a random seed.</summary>
    private const uint RandomSeed = 0xFFFFFFFF;

    private LlamaSampler(SafeLlamaSamplerHandle handle) => Handle = handle;

    internal SafeLlamaSamplerHandle Handle { get; }

    public static LlamaSampler Create(SamplingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var chainParameters = NativeMethods.llama_sampler_chain_default_params();
        chainParameters.NoPerf = true;
        var chain = NativeMethods.llama_sampler_chain_init(chainParameters);
        if (chain.IsInvalid)
        {
            chain.Dispose();
            throw new InvalidOperationException("llama.cpp could not create a sampler chain.");
        }

        // The chain owns every sampler added to it and frees them with itself.
        if (parameters.IsGreedy)
        {
            NativeMethods.llama_sampler_chain_add(chain, NativeMethods.llama_sampler_init_greedy());
        }
        else
        {
            if (parameters.TopK is > 0 and var k)
            {
                NativeMethods.llama_sampler_chain_add(chain, NativeMethods.llama_sampler_init_top_k(k));
            }

            if (parameters.TopP is > 0f and < 1f and var p)
            {
                NativeMethods.llama_sampler_chain_add(chain, NativeMethods.llama_sampler_init_top_p(p, 1));
            }

            NativeMethods.llama_sampler_chain_add(chain, NativeMethods.llama_sampler_init_temp(parameters.Temperature));
            NativeMethods.llama_sampler_chain_add(chain, NativeMethods.llama_sampler_init_dist(parameters.Seed ?? RandomSeed));
        }

        return new LlamaSampler(chain);
    }

    public void Reset() => NativeMethods.llama_sampler_reset(Handle);

    public void Dispose() => Handle.Dispose();
}
