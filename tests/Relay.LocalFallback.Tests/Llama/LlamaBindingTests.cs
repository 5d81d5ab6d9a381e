using System.Runtime.CompilerServices;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Native;
using StealthRelay.LocalFallback.Protocols;

namespace StealthRelay.LocalFallback.Tests.Llama;

public sealed class LlamaBindingTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private const string Prompt = "Once upon a time";

    private LlamaModel Model => fixture.Model;

    [Fact]
    public void StructLayouts_MatchLlamaH_SizesAndOffsets()
    {
        // offsetof/sizeof printed by a C program compiled against llama.h of release v0.5.0 (x64).
        var model = default(LlamaModelParams);
        var context = default(LlamaContextParams);
        Assert.Equal(80, Unsafe.SizeOf<LlamaModelParams>());
        Assert.Equal(16, Offset(ref model, ref model.GpuLayers));
        Assert.Equal(32, Offset(ref model, ref model.MainGpu));
        Assert.Equal(40, Offset(ref model, ref model.TensorSplit));
        Assert.Equal(72, Offset(ref model, ref model.VocabOnly));
        Assert.Equal(77, Offset(ref model, ref model.LoadMtp));
        Assert.Equal(160, Unsafe.SizeOf<LlamaContextParams>());
        Assert.Equal(28, Offset(ref context, ref context.Threads));
        Assert.Equal(56, Offset(ref context, ref context.RopeFrequencyBase));
        Assert.Equal(88, Offset(ref context, ref context.EvalCallback));
        Assert.Equal(112, Offset(ref context, ref context.AbortCallback));
        Assert.Equal(128, Offset(ref context, ref context.Embeddings));
        Assert.Equal(133, Offset(ref context, ref context.KvUnified));
        Assert.Equal(136, Offset(ref context, ref context.Samplers));
        Assert.Equal(152, Offset(ref context, ref context.OtherContext));
        Assert.Equal(56, Unsafe.SizeOf<LlamaBatch>());
        Assert.Equal(1, Unsafe.SizeOf<LlamaSamplerChainParams>());
        Assert.Equal(16, Unsafe.SizeOf<LlamaChatMessage>());
    }

    [Fact]
    public void DefaultParams_FromNativeLibrary_HaveLlamaCppDefaults()
    {
        // Wrong layouts would scramble these: the values are llama.cpp's documented defaults.
        var model = NativeMethods.llama_model_default_params();
        Assert.Equal(-1, model.GpuLayers);
        Assert.Equal(1, model.SplitMode);
        Assert.True(model.UseExtraBufferTypes);
        Assert.False(model.VocabOnly);
        var context = NativeMethods.llama_context_default_params();
        Assert.Equal(512u, context.ContextSize);
        Assert.Equal(2048u, context.BatchSize);
        Assert.Equal(512u, context.MicroBatchSize);
        Assert.Equal(1u, context.MaxSequences);
        Assert.True(context.OffloadKqv);
        Assert.Equal(nint.Zero, context.AbortCallback);
    }

    [Fact]
    public void Model_Load_ReportsVocabulary()
    {
        Assert.Equal(512, Model.VocabularySize);
        Assert.True(Model.TrainingContextSize > 0);
    }

    [Fact]
    public void Tokenize_ThenDetokenize_RoundTrips()
    {
        const string text = "Lily saw a big dog. The dog was happy!";
        var tokens = Model.Tokenize(text, addSpecial: false, parseSpecial: false);
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.InRange(t, 0, Model.VocabularySize - 1));
        Assert.Equal(text, Model.Detokenize(tokens).TrimStart());
    }

    [Fact]
    public void Tokenize_AddSpecial_PrependsBos()
    {
        var plain = Model.Tokenize(Prompt, addSpecial: false, parseSpecial: false);
        var special = Model.Tokenize(Prompt, addSpecial: true, parseSpecial: false);
        Assert.Equal(plain.Length + 1, special.Length);
        Assert.Equal(NativeMethods.llama_vocab_bos(NativeMethods.llama_model_get_vocab(Model.Handle)), special[0]);
        Assert.Equal(plain, special[1..]);
    }

    [Fact]
    public void TokenTextDecoder_MultiByteCharacterSplitAcrossTokens_ComesOutWhole()
    {
        // The 512-token vocabulary has no multi-byte pieces: "é" and "日" fall back to byte tokens, one per UTF-8 byte.
        const string text = "café 日本";
        var tokens = Model.Tokenize(text, addSpecial: false, parseSpecial: false);
        Assert.True(tokens.Length > text.Length, "expected byte-fallback tokens");
        var decoder = new TokenTextDecoder(Model);
        var pieces = tokens.Select(decoder.Append).ToList();
        Assert.Contains(string.Empty, pieces);
        Assert.DoesNotContain(pieces, p => p.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Equal(text, (string.Concat(pieces) + decoder.Flush()).TrimStart());
    }

    [Fact]
    public void Generate_GreedyTwice_SameText()
    {
        var first = Run(SamplingParameters.Greedy, maxTokens: 24);
        var second = Run(SamplingParameters.Greedy, maxTokens: 24);
        Assert.False(string.IsNullOrWhiteSpace(first.Text));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Result, second.Result);
    }

    [Fact]
    public void Generate_SeededSampling_Reproducible_AndSeedMatters()
    {
        var sampling = new SamplingParameters { Temperature = 1.5f, TopK = 100, TopP = 0.99f, Seed = 42 };
        var first = Run(sampling, maxTokens: 32);
        var second = Run(sampling, maxTokens: 32);
        Assert.Equal(first.Text, second.Text);
        var others = Enumerable.Range(1, 4).Select(seed => Run(sampling with { Seed = (uint)seed }, maxTokens: 32).Text);
        Assert.Contains(others, text => text != first.Text);
    }

    [Fact]
    public void Generate_MaxTokens_StopsWithMaxTokens()
    {
        var run = Run(SamplingParameters.Greedy, maxTokens: 5);
        Assert.Equal(new GenerationResult(5, GenerationStop.MaxTokens, null), run.Result);
    }

    [Fact]
    public void Generate_StopSequence_CutsOutputBeforeIt()
    {
        var full = Run(SamplingParameters.Greedy, maxTokens: 40).Text;
        var stop = full.Substring(full.Length / 2, 3);
        var cut = Run(SamplingParameters.Greedy, maxTokens: 40, [stop]);
        Assert.Equal(GenerationStop.StopSequence, cut.Result.Stop);
        Assert.Equal(stop, cut.Result.StopSequence);
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], cut.Text);
    }

    [Fact]
    public void Generate_Cancelled_StopsAndContextIsReusable()
    {
        using var context = Model.CreateContext(256, 64, 1);
        using var cts = new CancellationTokenSource();
        var prompt = Model.Tokenize(Prompt, true, false);
        var pieces = 0;
        var result = TextGenerator.Generate(context, prompt, new GenerationRequest { MaxTokens = 200 }, _ =>
        {
            if (++pieces == 3)
            {
                cts.Cancel();
            }
        }, cts.Token);
        Assert.Equal(GenerationStop.Cancelled, result.Stop);
        Assert.InRange(result.CompletionTokens, 3, 4);

        context.Clear();
        var text = new System.Text.StringBuilder();
        var again = TextGenerator.Generate(context, prompt, new GenerationRequest { MaxTokens = 24 }, t => text.Append(t), CancellationToken.None);
        Assert.Equal(Run(SamplingParameters.Greedy, maxTokens: 24).Text, text.ToString());
        Assert.Equal(GenerationStop.MaxTokens, again.Stop);
    }

    [Fact]
    public void Decode_AbortRequestedBeforePrompt_ReturnsAborted()
    {
        using var context = Model.CreateContext(128, 32, 1);
        context.RequestAbort();
        Assert.Equal(DecodeStatus.Aborted, context.Decode(Model.Tokenize(Prompt, true, false)));
        context.Clear();
        Assert.Equal(DecodeStatus.Ok, context.Decode(Model.Tokenize(Prompt, true, false)));
    }

    [Fact]
    public unsafe void AbortCallback_FlagSet_NativeDecodeReturnsAborted()
    {
        // Exercises the native side: llama.cpp itself polls our callback and stops the graph (llama_decode returns 2).
        using var context = Model.CreateContext(128, 32, 1);
        var prompt = Model.Tokenize(Prompt, true, false);
        context.Handle.SetAbortCallback(true);
        context.Handle.AbortRequested = true;
        fixed (int* tokens = prompt)
        {
            Assert.Equal(2, NativeMethods.llama_decode(context.Handle, NativeMethods.llama_batch_get_one(tokens, prompt.Length)));
        }

        context.Clear();
        Assert.False(context.AbortRequested);
        Assert.Equal(DecodeStatus.Ok, context.Decode(prompt));
    }

    [Fact]
    public void Decode_PromptLongerThanBatch_IsSplit()
    {
        using var context = Model.CreateContext(256, 8, 1);
        var prompt = Model.Tokenize("Once upon a time there was a little girl named Lily who loved to play outside.", true, false);
        Assert.True(prompt.Length > 8);
        Assert.Equal(DecodeStatus.Ok, context.Decode(prompt));
        Assert.Equal(prompt.Length, context.Position);
    }

    [Fact]
    public void ChatTemplate_ModelWithoutTemplate_UsesPlainTranscript()
    {
        Assert.Null(Model.ChatTemplate);
        var prompt = ChatPromptFormatter.Format(Model, [new("system", "Be brief."), new("user", "Hi")]);
        Assert.Equal("system: Be brief.\nuser: Hi\nassistant:", prompt);
    }

    [Fact]
    public void ChatTemplate_BuiltInChatml_AppliedByLlamaCpp()
    {
        var prompt = ChatPromptFormatter.Format("chatml", [new ChatMessage("user", "Hi")]);
        Assert.Equal("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", prompt);
    }

    [Fact]
    public void ChatTemplate_UnknownTemplate_FallsBack()
    {
        var prompt = ChatPromptFormatter.Format("{{ something llama.cpp does not know }}", [new ChatMessage("user", "Hi")]);
        Assert.Equal("user: Hi\nassistant:", prompt);
    }

    private static int Offset<TStruct, TField>(ref TStruct value, ref TField field) =>
        (int)Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref value), ref Unsafe.As<TField, byte>(ref field));

    private (string Text, GenerationResult Result) Run(SamplingParameters sampling, int maxTokens, IReadOnlyList<string>? stops = null)
    {
        using var context = Model.CreateContext(256, 64, 1);
        var text = new System.Text.StringBuilder();
        var result = TextGenerator.Generate(
            context,
            Model.Tokenize(Prompt, addSpecial: true, parseSpecial: false),
            new GenerationRequest { MaxTokens = maxTokens, Sampling = sampling, StopSequences = stops ?? [] },
            t => text.Append(t),
            CancellationToken.None);
        return (text.ToString(), result);
    }
}
