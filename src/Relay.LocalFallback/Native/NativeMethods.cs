using System.Runtime.InteropServices;

namespace StealthRelay.LocalFallback.Native;

/// <summary>
/// Source-generated P/Invoke declarations for the subset of llama.cpp's C API (llama.h of release v0.5.0, shipped in
/// @node-llama-cpp 3.22.1) that the binding uses. Library names are resolved by <see cref="LlamaNativeLibrary"/>.
/// Raw pointers stay in this layer; <c>Llama/</c> wraps them in safe types.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string LlamaLibrary = "llama";
    internal const string GgmlLibrary = "ggml";

    // ggml
    [LibraryImport(GgmlLibrary, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ggml_backend_load_all_from_path(string directory);

    // init, logging
    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_backend_init();

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_log_set(delegate* unmanaged[Cdecl]<int, byte*, void*, void> callback, void* userData);

    [LibraryImport(LlamaLibrary)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_supports_gpu_offload();

    // defaults
    [LibraryImport(LlamaLibrary)]
    internal static partial LlamaModelParams llama_model_default_params();

    [LibraryImport(LlamaLibrary)]
    internal static partial LlamaContextParams llama_context_default_params();

    [LibraryImport(LlamaLibrary)]
    internal static partial LlamaSamplerChainParams llama_sampler_chain_default_params();

    // model
    [LibraryImport(LlamaLibrary, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeLlamaModelHandle llama_model_load_from_file(string path, LlamaModelParams parameters);

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_model_free(nint model);

    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_model_get_vocab(SafeLlamaModelHandle model);

    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_model_n_ctx_train(SafeLlamaModelHandle model);

    [LibraryImport(LlamaLibrary)]
    internal static partial byte* llama_model_chat_template(SafeLlamaModelHandle model, byte* name);

    // context
    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_init_from_model(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_free(nint context);

    [LibraryImport(LlamaLibrary)]
    internal static partial uint llama_n_ctx(SafeLlamaContextHandle context);

    [LibraryImport(LlamaLibrary)]
    internal static partial uint llama_n_batch(SafeLlamaContextHandle context);

    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_get_memory(SafeLlamaContextHandle context);

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_memory_clear(nint memory, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_set_abort_callback(SafeLlamaContextHandle context, delegate* unmanaged[Cdecl]<void*, byte> callback, void* data);

    [LibraryImport(LlamaLibrary)]
    internal static partial LlamaBatch llama_batch_get_one(int* tokens, int tokenCount);

    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_decode(SafeLlamaContextHandle context, LlamaBatch batch);

    // vocabulary (the vocab pointer lives as long as its model)
    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_vocab_n_tokens(nint vocab);

    [LibraryImport(LlamaLibrary)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_vocab_is_eog(nint vocab, int token);

    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_vocab_bos(nint vocab);

    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_tokenize(
        nint vocab, byte* text, int textLength, int* tokens, int maxTokens,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_token_to_piece(
        nint vocab, int token, byte* buffer, int length, int leftStrip, [MarshalAs(UnmanagedType.U1)] bool special);

    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_chat_apply_template(
        byte* template, LlamaChatMessage* messages, nuint messageCount, [MarshalAs(UnmanagedType.U1)] bool addAssistant,
        byte* buffer, int length);

    // sampling
    [LibraryImport(LlamaLibrary)]
    internal static partial SafeLlamaSamplerHandle llama_sampler_chain_init(LlamaSamplerChainParams parameters);

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, nint sampler);

    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_sampler_init_greedy();

    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_sampler_init_dist(uint seed);

    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_sampler_init_top_k(int k);

    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_sampler_init_top_p(float p, nuint minKeep);

    [LibraryImport(LlamaLibrary)]
    internal static partial nint llama_sampler_init_temp(float temperature);

    [LibraryImport(LlamaLibrary)]
    internal static partial int llama_sampler_sample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_sampler_reset(SafeLlamaSamplerHandle sampler);

    [LibraryImport(LlamaLibrary)]
    internal static partial void llama_sampler_free(nint sampler);
}
