using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using StealthRelay.LocalFallback.Native;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Llama;

/// <summary>
/// A loaded GGUF model: vocabulary (tokenize, token pieces, end-of-generation), the model's own chat template, and
/// the factory for contexts. Thread-safe: llama.cpp's vocabulary functions only read the model.
/// </summary>
internal sealed unsafe class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle _handle;
    private readonly nint _vocab;

    private LlamaModel(SafeLlamaModelHandle handle)
    {
        _handle = handle;
        _vocab = NativeMethods.llama_model_get_vocab(handle);
        VocabularySize = NativeMethods.llama_vocab_n_tokens(_vocab);
        TrainingContextSize = NativeMethods.llama_model_n_ctx_train(handle);
        var template = NativeMethods.llama_model_chat_template(handle, null);
        ChatTemplate = template is null ? null : Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(template));
    }

    public int VocabularySize { get; }

    public int TrainingContextSize { get; }

    /// <summary>The template stored in the GGUF (<c>tokenizer.chat_template</c>), or null when the model has none.</summary>
    public string? ChatTemplate { get; }

    internal SafeLlamaModelHandle Handle => _handle;

    public static LlamaModel Load(string path, int gpuLayers, LocalBackend backend, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LlamaNativeLibrary.EnsureInitialized(backend, logger);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The local model file does not exist.", path);
        }

        var parameters = NativeMethods.llama_model_default_params();
        parameters.GpuLayers = gpuLayers;
        using (LlamaNativeLog.BeginLoad())
        {
            var handle = NativeMethods.llama_model_load_from_file(path, parameters);
            if (handle.IsInvalid)
            {
                handle.Dispose();
                throw new InvalidOperationException($"llama.cpp could not load the model '{Path.GetFileName(path)}' (see the Debug log for the native reason).");
            }

            return new LlamaModel(handle);
        }
    }

    public LlamaContext CreateContext(int contextSize, int batchSize, int threads)
    {
        using (LlamaNativeLog.BeginLoad())
        {
            return LlamaContext.Create(this, contextSize, batchSize, threads);
        }
    }

    /// <summary>Tokenizes UTF-8 text. <paramref name="addSpecial"/> adds BOS/EOS as the model wants; <paramref name="parseSpecial"/> turns special-token text (template markers) into their tokens.</summary>
    public int[] Tokenize(ReadOnlySpan<byte> utf8, bool addSpecial, bool parseSpecial)
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            fixed (byte* text = utf8)
            {
                var tokens = new int[utf8.Length + 2];
                int count;
                fixed (int* output = tokens)
                {
                    count = NativeMethods.llama_tokenize(_vocab, text, utf8.Length, output, tokens.Length, addSpecial, parseSpecial);
                }

                if (count < 0)
                {
                    if (count == int.MinValue)
                    {
                        throw new InvalidOperationException("The text is too long to tokenize.");
                    }

                    tokens = new int[-count];
                    fixed (int* output = tokens)
                    {
                        count = NativeMethods.llama_tokenize(_vocab, text, utf8.Length, output, tokens.Length, addSpecial, parseSpecial);
                    }
                }

                return count == tokens.Length ? tokens : tokens.AsSpan(0, count).ToArray();
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    public int[] Tokenize(string text, bool addSpecial, bool parseSpecial) =>
        Tokenize(Encoding.UTF8.GetBytes(text), addSpecial, parseSpecial);

    /// <summary>
    /// Writes the UTF-8 bytes of one token (special tokens render empty) and returns their count; a piece can end in
    /// the middle of a multi-byte character, which <see cref="TokenTextDecoder"/> stitches together.
    /// </summary>
    public int TokenToPiece(int token, Span<byte> buffer)
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            fixed (byte* output = buffer)
            {
                var count = NativeMethods.llama_token_to_piece(_vocab, token, output, buffer.Length, 0, false);
                if (count < 0)
                {
                    throw new ArgumentException($"The buffer holds {buffer.Length} bytes; token {token} needs {-count}.", nameof(buffer));
                }

                return count;
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>Detokenizes a whole sequence (tests, diagnostics).</summary>
    public string Detokenize(ReadOnlySpan<int> tokens)
    {
        var decoder = new TokenTextDecoder(this);
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            text.Append(decoder.Append(token));
        }

        return text.Append(decoder.Flush()).ToString();
    }

    public bool IsEndOfGeneration(int token) => NativeMethods.llama_vocab_is_eog(_vocab, token);

    public void Dispose() => _handle.Dispose();
}
