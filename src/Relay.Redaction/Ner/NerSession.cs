using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace StealthRelay.Redaction.Ner;

/// <summary>
/// The one shared <see cref="InferenceSession"/> and the names of its inputs and output, read from the model's
/// metadata (<c>input_ids</c>, <c>attention_mask</c>, optional <c>token_type_ids</c>, optional <c>case_ids</c> (our own
/// models: <see cref="WordCase"/> per token); <c>logits</c> or the only output).
/// </summary>
internal sealed class NerSession : IDisposable
{
    private NerSession(InferenceSession session, InputNames inputs, string logits)
    {
        Session = session;
        InputIdsName = inputs.InputIds;
        AttentionMaskName = inputs.AttentionMask;
        TokenTypeIdsName = inputs.TokenTypeIds;
        CaseIdsName = inputs.CaseIds;
        LogitsName = logits;
    }

    public InferenceSession Session { get; }

    public string InputIdsName { get; }

    public string? AttentionMaskName { get; }

    public string? TokenTypeIdsName { get; }

    /// <summary>The case/shape input, when the model has one.</summary>
    public string? CaseIdsName { get; }

    public string LogitsName { get; }

    public static NerSession Open(string modelPath, NerOptions options, int labelCount)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = Math.Max(1, options.IntraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (options.Device == NerDevice.Cuda)
        {
            AppendCuda(sessionOptions, options.DeviceId, options.CudaProviderOptions);
        }

        InferenceSession session;
        try
        {
            session = new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new NerModelException($"ONNX Runtime could not load '{modelPath}': {ex.Message}", ex);
        }

        try
        {
            return Bind(session, labelCount);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose() => Session.Dispose();

    private static void AppendCuda(SessionOptions sessionOptions, int deviceId, IDictionary<string, string> providerOptions)
    {
        const string Hint = "Build with -p:OnnxRuntimeBackend=cuda (ONNX Runtime's CUDA 13 build; the host needs the NVIDIA driver, "
            + "the CUDA 13 libraries and cuDNN 9) or set Relay:Ner:Device to Cpu.";
        string[] providers;
        try
        {
            providers = OrtEnv.Instance().GetAvailableProviders();
        }
        catch (Exception ex)
        {
            throw new NerModelException($"Relay:Ner:Device is Cuda but ONNX Runtime could not list its execution providers. {Hint}", ex);
        }

        if (!providers.Contains("CUDAExecutionProvider", StringComparer.Ordinal))
        {
            throw new NerModelException(
                $"Relay:Ner:Device is Cuda but this ONNX Runtime build has no CUDA execution provider (available: {string.Join(", ", providers)}). {Hint}");
        }

        try
        {
            using var cuda = new OrtCUDAProviderOptions();
            var values = new Dictionary<string, string>(providerOptions, StringComparer.Ordinal)
            {
                ["device_id"] = deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            cuda.UpdateOptions(values);
            sessionOptions.AppendExecutionProvider_CUDA(cuda);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            throw new NerModelException(
                $"Relay:Ner:Device is Cuda but the CUDA execution provider for device {deviceId} could not be started "
                + $"(a CUDA or cuDNN library is missing, the device does not exist, or Relay:Ner:CudaProviderOptions holds an "
                + $"unknown option): {ex.Message} Put the CUDA 13 libraries and cuDNN 9 on the library path (LD_LIBRARY_PATH), "
                + "or set Relay:Ner:Device to Cpu.", ex);
        }
    }

    private static NerSession Bind(InferenceSession session, int labelCount)
    {
        string? inputIds = null, attentionMask = null, tokenTypeIds = null, caseIds = null;
        foreach (var (name, metadata) in session.InputMetadata)
        {
            if (metadata.ElementDataType != TensorElementType.Int64)
            {
                throw new NerModelException($"model.onnx input '{name}' is {metadata.ElementDataType}; int64 inputs are expected.");
            }

            if (name.Contains("input_ids", StringComparison.OrdinalIgnoreCase))
            {
                inputIds = name;
            }
            else if (name.Contains("attention_mask", StringComparison.OrdinalIgnoreCase))
            {
                attentionMask = name;
            }
            else if (name.Contains("token_type_ids", StringComparison.OrdinalIgnoreCase))
            {
                tokenTypeIds = name;
            }
            else if (name.Contains("case_ids", StringComparison.OrdinalIgnoreCase))
            {
                caseIds = name;
            }
            else
            {
                throw new NerModelException(
                    $"model.onnx has an input '{name}' this runtime cannot feed (expected input_ids, attention_mask, token_type_ids, case_ids).");
            }
        }

        if (inputIds is null)
        {
            throw new NerModelException("model.onnx has no 'input_ids' input.");
        }

        var outputs = session.OutputMetadata;
        var logits = outputs.ContainsKey("logits") ? "logits" : outputs.Keys.FirstOrDefault()
            ?? throw new NerModelException("model.onnx has no output.");
        var output = outputs[logits];
        if (output.ElementDataType != TensorElementType.Float)
        {
            throw new NerModelException($"model.onnx output '{logits}' is {output.ElementDataType}; float logits are expected.");
        }

        var dimensions = output.Dimensions;
        if (dimensions.Length != 3)
        {
            throw new NerModelException($"model.onnx output '{logits}' has rank {dimensions.Length}; [batch, sequence, labels] is expected.");
        }

        if (dimensions[2] > 0 && dimensions[2] != labelCount)
        {
            throw new NerModelException(
                $"model.onnx output '{logits}' has {dimensions[2]} labels but config.json's id2label has {labelCount}.");
        }

        return new NerSession(session, new InputNames(inputIds, attentionMask, tokenTypeIds, caseIds), logits);
    }

    private readonly record struct InputNames(string InputIds, string? AttentionMask, string? TokenTypeIds, string? CaseIds);
}
