using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace StealthRelay.Redaction.Ner;

/// <summary>
/// <see cref="INerModel"/> on ONNX Runtime for a Hugging Face token-classification export (BERT-family WordPiece).
/// Texts are split into words with offsets, words into WordPiece tokens; texts longer than the model are cut into
/// overlapping windows; all windows of one call run in as few batches as possible, and on idle cores in parts side by
/// side (<see cref="NerOptions.MaxParallelism"/>). A word takes the label probabilities
/// of its first sub-token; the words' label sequence is decoded to spans by constrained Viterbi (<see cref="EntityDecoder"/>). Thread-safe: one shared session; the only shared mutable state is an atomic count of running predictions.
/// </summary>
public sealed class OnnxNerModel : INerModel, IDisposable
{
    private readonly NerSession _session;
    private readonly NerTokenizer _tokenizer;
    private readonly EntityDecoder _decoder;
    private readonly int _labelCount;
    private readonly int _maxBatchSize;
    /// <summary>Tokens consecutive windows share: the model's receptive field when it declares one, else the stride.</summary>
    private readonly int _overlap;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _maxParallelism;
    private readonly ILogger _logger;
    private volatile bool _disposed;
    private int _running;

    /// <summary>Loads the model <paramref name="options"/> point at; throws <see cref="NerModelException"/> with what to fix.</summary>
    public OnnxNerModel(NerOptions options, ILogger<OnnxNerModel>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WindowStride);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxParallelism);
        _logger = logger ?? NullLogger<OnnxNerModel>.Instance;
        var stopwatch = Stopwatch.StartNew();

        ModelFolder = NerModelFolder.Resolve(options.ModelPath) ?? throw new NerModelException(
            $"NER model folder '{options.ModelPath ?? NerOptions.DefaultModelFolder}' was not found (looked next to the binaries, "
            + "then under the current directory and its parents). Set Relay:Ner:ModelPath or Relay:Ner:Enabled=false.");
        NerModelFolder.Validate(ModelFolder);

        var config = NerModelConfig.Load(ModelFolder);
        MaxSequenceLength = config.MaxSequenceLength;
        _labelCount = config.Labels.Count;
        var labels = new NerLabel[_labelCount];
        for (var i = 0; i < _labelCount; i++)
        {
            labels[i] = NerLabel.Parse(config.Labels[i], options.LabelMap, out var mapped);
            if (!mapped)
            {
                NerLog.UnmappedLabel(_logger, config.Labels[i]);
            }
        }

        _decoder = new EntityDecoder(labels);
        try
        {
            _tokenizer = NerTokenizer.Load(ModelFolder);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or IOException
            or UnauthorizedAccessException or KeyNotFoundException)
        {
            throw new NerModelException($"The tokenizer files in '{ModelFolder}' could not be read: {ex.Message}", ex);
        }

        _session = NerSession.Open(Path.Combine(ModelFolder, NerModelFolder.ModelFile), options, _labelCount);
        _inputNames = new[] { _session.InputIdsName, _session.AttentionMaskName, _session.TokenTypeIdsName, _session.CaseIdsName }
            .OfType<string>().ToArray();
        _outputNames = [_session.LogitsName];
        _maxBatchSize = options.MaxBatchSize;
        // A model that reads a known number of tokens needs no more shared context than that: windows sharing its
        // receptive field give exactly the labels of one long sequence (the most central window's prediction is kept).
        _overlap = config.ReceptiveField ?? options.WindowStride;
        _maxParallelism = options.MaxParallelism switch
        {
            0 when options.Device == NerDevice.Cuda => 1, // one batched call keeps a GPU busiest
            0 => Environment.ProcessorCount,
            var configured => configured,
        };

        var entityLabels = labels.Count(l => l.EntityType is not null);
        NerLog.ModelLoaded(_logger, ModelFolder, _labelCount, entityLabels, MaxSequenceLength, options.Device,
            stopwatch.ElapsedMilliseconds);
    }

    /// <summary>Fewest tokens worth a part of their own when a prediction is cut to run on several cores.</summary>
    internal const int MinPartTokens = 32;

    /// <summary>The resolved model folder.</summary>
    public string ModelFolder { get; }

    /// <summary>Most tokens per sequence, special tokens included.</summary>
    public int MaxSequenceLength { get; }

    /// <summary>
    /// Whether work waits in the thread pool, in which case no core is idle and a prediction is not cut into parts.
    /// Tests replace it to make cutting independent of the machine's load.
    /// </summary>
    internal Func<bool> IsThreadPoolBusy { get; init; } = static () => ThreadPool.PendingWorkItemCount > 0;

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyList<EntitySpan>> Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        return PredictCore(texts, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }

    private List<IReadOnlyList<EntitySpan>> PredictCore(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var encodings = new TextEncoding[texts.Count];
        var tokens = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(texts));
            encodings[i] = TextEncoding.Encode(texts[i], _tokenizer, withCases: _session.CaseIdsName is not null, _labelCount);
            tokens += encodings[i].TokenIds.Count;
        }

        var running = Interlocked.Increment(ref _running);
        try
        {
            var idle = _maxParallelism - running + 1;
            if (idle > 1 && tokens >= 2 * MinPartTokens && IsThreadPoolBusy())
            {
                idle = 1; // queued work would take the cores the parts need
            }

            var parts = PartCount(tokens, _overlap, idle);
            var windowLength = WindowLength(tokens, _overlap, parts, MaxSequenceLength - 2);
            var windows = new List<TokenWindow>();
            for (var i = 0; i < encodings.Length; i++)
            {
                TokenWindow.Plan(i, encodings[i].TokenIds.Count, windowLength, _overlap, windows);
            }

            // Longest first, so each batch pads to lengths close to its own.
            windows.Sort(static (a, b) => b.Length.CompareTo(a.Length));
            parts = Math.Min(parts, windows.Count);
            var batches = parts <= 1 ? RunWindows(windows, encodings, cancellationToken) : RunParts(windows, parts, encodings, cancellationToken);
            NerLog.Predicted(_logger, texts.Count, windows.Count, batches, parts);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }

        var results = new List<IReadOnlyList<EntitySpan>>(texts.Count);
        foreach (var encoding in encodings)
        {
            results.Add(Decode(encoding));
        }

        return results;
    }

    /// <summary>
    /// Into how many parts to cut <paramref name="tokens"/> tokens when <paramref name="idleCores"/> cores could take
    /// one each: every cut repeats <paramref name="overlap"/> tokens (the context the windows share), so cut only while
    /// the repeated tokens stay within half of the text's own, and never into parts of fewer than
    /// <see cref="MinPartTokens"/> tokens.
    /// </summary>
    internal static int PartCount(int tokens, int overlap, int idleCores)
    {
        var byRepeats = 1 + (tokens / (2 * Math.Max(overlap, 1)));
        var bySize = tokens / MinPartTokens;
        return Math.Max(1, Math.Min(idleCores, Math.Min(byRepeats, bySize)));
    }

    /// <summary>
    /// The window length for <paramref name="tokens"/> tokens run in <paramref name="parts"/> parts: the model's
    /// <paramref name="maxLength"/> for one part; otherwise the length that cuts the tokens into a multiple of
    /// <paramref name="parts"/> windows (sharing <paramref name="overlap"/> tokens) that fit the model, so that the
    /// parts get equal shares (three windows over two parts would leave one part twice the other's work).
    /// </summary>
    internal static int WindowLength(int tokens, int overlap, int parts, int maxLength)
    {
        if (parts <= 1)
        {
            return maxLength;
        }

        for (var windows = parts; ; windows += parts)
        {
            var length = (tokens + ((windows - 1) * overlap) + windows - 1) / windows;
            if (length <= maxLength || length <= 2 * overlap)
            {
                return Math.Min(length, maxLength);
            }
        }
    }

    /// <summary>Runs <paramref name="windows"/> (sorted longest first) batch after batch on this thread; returns the batch count.</summary>
    private int RunWindows(List<TokenWindow> windows, TextEncoding[] encodings, CancellationToken cancellationToken)
    {
        var batches = 0;
        for (var start = 0; start < windows.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = BatchLength(windows, start, _maxBatchSize);
            RunBatch(windows.GetRange(start, count), encodings, cancellationToken);
            start += count;
            batches++;
        }

        return batches;
    }

    /// <summary>
    /// Deals <paramref name="windows"/> (sorted longest first) out to <paramref name="parts"/> parts, each window to the
    /// part with the fewest tokens so far, and runs the parts side by side. The calling thread runs parts itself, so a
    /// busy thread pool delays nothing: the parts then simply run one after the other.
    /// </summary>
    private int RunParts(List<TokenWindow> windows, int parts, TextEncoding[] encodings, CancellationToken cancellationToken)
    {
        var dealt = new List<TokenWindow>[parts];
        var load = new int[parts];
        for (var p = 0; p < parts; p++)
        {
            dealt[p] = [];
        }

        foreach (var window in windows)
        {
            var least = 0;
            for (var p = 1; p < parts; p++)
            {
                least = load[p] < load[least] ? p : least;
            }

            dealt[least].Add(window);
            load[least] += window.Length;
        }

        var batches = 0;
        try
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
                Interlocked.Add(ref batches, RunWindows(dealt[p], encodings, cancellationToken)));
        }
        catch (AggregateException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = ex.Flatten().InnerExceptions.FirstOrDefault(e => e is RedactionException) ?? ex.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        return batches;
    }

    /// <summary>
    /// How many windows, from <paramref name="start"/> in a list sorted longest first, go into one batch: at most
    /// <paramref name="maxBatchSize"/>, and only while padding every row to the first row's length costs at most a
    /// quarter more than the rows themselves (a 10-token system prompt padded to a 500-token user prompt's length would
    /// double the work of the call; one more call costs far less).
    /// </summary>
    internal static int BatchLength(List<TokenWindow> windows, int start, int maxBatchSize)
    {
        var padded = windows[start].Length + 2;
        var real = padded;
        var count = 1;
        while (count < maxBatchSize && start + count < windows.Count)
        {
            var next = windows[start + count].Length + 2;
            if ((count + 1) * padded * 4 > (real + next) * 5)
            {
                break;
            }

            real += next;
            count++;
        }

        return count;
    }

    private void RunBatch(List<TokenWindow> batch, TextEncoding[] encodings, CancellationToken cancellationToken)
    {
        var rows = batch.Count;
        var sequence = batch.Max(w => w.Length) + 2;
        var size = rows * sequence;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        var types = ArrayPool<long>.Shared.Rent(size);
        var cases = ArrayPool<long>.Shared.Rent(size);
        try
        {
            Fill(batch, encodings, sequence, ids, mask, types);
            if (_session.CaseIdsName is not null)
            {
                FillCases(batch, encodings, sequence, cases);
            }

            long[] shape = [rows, sequence];
            var memoryInfo = OrtMemoryInfo.DefaultInstance;
            using var idsValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, ids.AsMemory(0, size), shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, mask.AsMemory(0, size), shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, types.AsMemory(0, size), shape);
            using var casesValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, cases.AsMemory(0, size), shape);
            var values = new List<OrtValue>(4) { idsValue };
            if (_session.AttentionMaskName is not null)
            {
                values.Add(maskValue);
            }

            if (_session.TokenTypeIdsName is not null)
            {
                values.Add(typesValue);
            }

            if (_session.CaseIdsName is not null)
            {
                values.Add(casesValue);
            }

            using var runOptions = new RunOptions();
            using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
            try
            {
                using var outputs = _session.Session.Run(runOptions, _inputNames, values, _outputNames);
                Collect(batch, encodings, sequence, outputs[0]);
            }
            catch (OnnxRuntimeException ex)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new RedactionException(RedactionFailure.DetectionFailed, "The NER model failed to run.", ex);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
            ArrayPool<long>.Shared.Return(cases);
        }
    }

    private void Fill(List<TokenWindow> batch, TextEncoding[] encodings, int sequence, long[] ids, long[] mask, long[] types)
    {
        for (var row = 0; row < batch.Count; row++)
        {
            var window = batch[row];
            var tokens = encodings[window.TextIndex].TokenIds;
            var offset = row * sequence;
            ids[offset] = _tokenizer.ClsId;
            for (var p = 0; p < window.Length; p++)
            {
                ids[offset + 1 + p] = tokens[window.Start + p];
            }

            ids[offset + window.Length + 1] = _tokenizer.SepId;
            var used = window.Length + 2;
            ids.AsSpan(offset + used, sequence - used).Fill(_tokenizer.PadId);
            mask.AsSpan(offset, used).Fill(1);
            mask.AsSpan(offset + used, sequence - used).Clear();
            types.AsSpan(offset, sequence).Clear();
        }
    }

    /// <summary>Each window's tokens take their word's case class; [CLS], [SEP] and padding <see cref="WordCase.Special"/>.</summary>
    private static void FillCases(List<TokenWindow> batch, TextEncoding[] encodings, int sequence, long[] cases)
    {
        for (var row = 0; row < batch.Count; row++)
        {
            var window = batch[row];
            var tokenCases = encodings[window.TextIndex].TokenCases!;
            var offset = row * sequence;
            cases.AsSpan(offset, sequence).Clear(); // WordCase.Special (0) for [CLS], [SEP] and padding
            for (var p = 0; p < window.Length; p++)
            {
                cases[offset + 1 + p] = tokenCases[window.Start + p];
            }
        }
    }

    private void Collect(List<TokenWindow> batch, TextEncoding[] encodings, int sequence, OrtValue output)
    {
        var shape = output.GetTensorTypeAndShape().Shape;
        if (shape.Length != 3 || shape[0] != batch.Count || shape[1] != sequence || shape[2] != _labelCount)
        {
            throw new RedactionException(RedactionFailure.DetectionFailed,
                $"The NER model returned logits of shape [{string.Join(", ", shape)}]; expected [{batch.Count}, {sequence}, {_labelCount}].");
        }

        var logits = output.GetTensorDataAsSpan<float>();
        for (var row = 0; row < batch.Count; row++)
        {
            var window = batch[row];
            var encoding = encodings[window.TextIndex];
            lock (encoding) // overlapping windows of one text may run in parts side by side
            {
                for (var p = 0; p < window.Length; p++)
                {
                    var token = window.Start + p;
                    var at = ((row * sequence) + 1 + p) * _labelCount;
                    encoding.Offer(token, window.Centrality(token), logits.Slice(at, _labelCount));
                }
            }
        }
    }

    private List<EntitySpan> Decode(TextEncoding encoding) => _decoder.Decode(encoding.Text,
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(encoding.Words), encoding.TokenLogProbabilities, encoding.WordFirstToken);
}
