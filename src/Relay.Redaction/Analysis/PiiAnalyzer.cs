using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Runs every rule recognizer over each text (folded: typographic spaces, dashes and full-width forms as ASCII, invisible
/// characters left out; see <see cref="FoldedText"/>) and the NER model (when registered) once over all texts, folded
/// the same way, then fuses: context boost, deny-list hits, entity selection and thresholds, overlap resolution, allow
/// list. Fails closed: a timeout or any failure of a recognizer or the model throws <see cref="RedactionException"/>.
/// </summary>
internal sealed class PiiAnalyzer : IPiiAnalyzer
{
    private static readonly TimeSpan MaxRegexTimeout = TimeSpan.FromSeconds(1);

    private readonly IRecognizer[] _recognizers;
    private readonly INerModel? _nerModel;
    private readonly IOptions<RedactionOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public PiiAnalyzer(
        IEnumerable<IRecognizer> recognizers,
        IOptions<RedactionOptions> options,
        TimeProvider timeProvider,
        ILogger<PiiAnalyzer>? logger = null,
        INerModel? nerModel = null)
    {
        ArgumentNullException.ThrowIfNull(recognizers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _recognizers = recognizers.ToArray();
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<PiiAnalyzer>.Instance;
        _nerModel = nerModel;
    }

    public ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeAsync(
        IReadOnlyList<string> texts, RedactionPolicy policy, CancellationToken cancellationToken) =>
        Analyze(texts, policy, oneRequest: true, cancellationToken);

    /// <summary>As one request (the model still batches them), but values are propagated within each document only.</summary>
    public ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeEachAsync(
        IReadOnlyList<string> documents, RedactionPolicy policy, CancellationToken cancellationToken) =>
        Analyze(documents, policy, oneRequest: false, cancellationToken);

    private ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> Analyze(
        IReadOnlyList<string> texts, RedactionPolicy policy, bool oneRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(policy);
        cancellationToken.ThrowIfCancellationRequested();
        if (texts.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<IReadOnlyList<EntitySpan>>>([]);
        }

        return AnalyzeWithTimeoutAsync(texts, policy, oneRequest, cancellationToken);
    }

    private async ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeWithTimeoutAsync(
        IReadOnlyList<string> texts, RedactionPolicy policy, bool oneRequest, CancellationToken cancellationToken)
    {
        var timeout = _options.Value.DetectionTimeout;
        var started = _timeProvider.GetTimestamp();
        using var workCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workToken = workCts.Token;
        var regexTimeout = timeout < MaxRegexTimeout ? timeout : MaxRegexTimeout;
        var work = _nerModel is null
            ? Task.Run(() => Finish(texts, FindRuleCandidates(texts, policy, regexTimeout, workToken), null, policy, oneRequest, workToken), workToken)
            : AnalyzeWithModelAsync(texts, policy, regexTimeout, oneRequest, workToken);
        try
        {
            var result = await work.WaitAsync(timeout, _timeProvider, cancellationToken);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var count = result.Sum(static r => r.Count);
                var elapsedMs = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
                AnalyzerLog.Analyzed(_logger, texts.Count, count, elapsedMs);
            }

            return result;
        }
        catch (TimeoutException)
        {
            await workCts.CancelAsync();
            AnalyzerLog.TimedOut(_logger, timeout.TotalMilliseconds);
            throw new RedactionException(RedactionFailure.Timeout, "PII detection did not finish in time; the request was not forwarded.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the analysis's own token was cancelled: a regex timeout surfaced as cancellation, or similar.
            throw new RedactionException(RedactionFailure.Timeout, "PII detection did not finish in time; the request was not forwarded.");
        }
        finally
        {
            if (!work.IsCompleted)
            {
                await workCts.CancelAsync();
            }
        }
    }

    /// <summary>
    /// The rule recognizers and the model at the same time, each on its own thread-pool thread: a request waits for the
    /// slower of the two (the model), not for their sum. If one fails, the other is cancelled and the failure surfaces.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeWithModelAsync(
        IReadOnlyList<string> texts, RedactionPolicy policy, TimeSpan regexTimeout, bool oneRequest, CancellationToken cancellationToken)
    {
        // Its own source, so that it outlives the caller's: after a timeout the caller is gone, and this may still be
        // waiting for a hung recognizer before it stops the model.
        using var modelCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var modelToken = modelCts.Token;
        var model = Task.Run(() => PredictModel(texts, modelToken), modelToken);
        List<Candidate>[] candidates;
        try
        {
            candidates = await Task.Run(() => FindRuleCandidates(texts, policy, regexTimeout, cancellationToken), cancellationToken);
        }
        catch
        {
            await modelCts.CancelAsync();
            await ((Task)model).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var predicted = await model;
        return Finish(texts, candidates, predicted, policy, oneRequest, cancellationToken);
    }

    private List<Candidate>[] FindRuleCandidates(
        IReadOnlyList<string> texts, RedactionPolicy policy, TimeSpan regexTimeout, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>[texts.Count];
        var found = new List<EntitySpan>();
        var valid = new List<EntitySpan>();
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t] ?? throw new RedactionException(RedactionFailure.DetectionFailed, "A text to analyze was null.");
            var list = candidates[t] = [];
            var folded = FoldedText.Fold(text);
            foreach (var recognizer in _recognizers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                found.Clear();
                try
                {
                    recognizer.Analyze(folded.Text, found);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    AnalyzerLog.RecognizerFailed(_logger, recognizer.GetType().Name, ex.GetType().Name);
                    throw new RedactionException(RedactionFailure.DetectionFailed, "A PII recognizer failed; the request was not forwarded.");
                }

                valid.Clear();
                foreach (var span in found)
                {
                    if (Clamp(span, folded.Text.Length) is { } clamped)
                    {
                        valid.Add(clamped);
                    }
                }

                ContextEnhancer.EnhanceEach(folded.Text, valid, recognizer.Context);
                foreach (var span in valid)
                {
                    list.Add(new Candidate(folded.ToOriginal(span), FromModel: false));
                }
            }

            if (policy.DenyList.Count > 0)
            {
                try
                {
                    DenyListMatcher.Find(text, folded, policy.DenyList, regexTimeout, list);
                }
                catch (RegexMatchTimeoutException)
                {
                    AnalyzerLog.TimedOut(_logger, regexTimeout.TotalMilliseconds);
                    throw new RedactionException(RedactionFailure.Timeout, "A deny-list pattern did not finish in time; the request was not forwarded.");
                }
            }
        }

        return candidates;
    }

    /// <summary>Adds the model's spans (when there is a model) to the rule candidates, then fuses and propagates.</summary>
    private IReadOnlyList<IReadOnlyList<EntitySpan>> Finish(
        IReadOnlyList<string> texts,
        List<Candidate>[] candidates,
        IReadOnlyList<IReadOnlyList<EntitySpan>>? predicted,
        RedactionPolicy policy,
        bool oneRequest,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (predicted is not null)
        {
            for (var t = 0; t < texts.Count; t++)
            {
                foreach (var span in predicted[t] ?? [])
                {
                    if (Clamp(span, texts[t].Length) is { } valid)
                    {
                        candidates[t].Add(new Candidate(valid, FromModel: true));
                    }
                }
            }
        }

        var result = new IReadOnlyList<EntitySpan>[texts.Count];
        for (var t = 0; t < texts.Count; t++)
        {
            result[t] = SpanFusion.Fuse(texts[t], candidates[t], policy);
        }

        if (oneRequest)
        {
            ValuePropagation.Apply(texts, result, cancellationToken);
        }
        else
        {
            var one = new IReadOnlyList<EntitySpan>[1];
            for (var t = 0; t < texts.Count; t++)
            {
                one[0] = result[t];
                ValuePropagation.Apply([texts[t]], one, cancellationToken);
                result[t] = one[0];
            }
        }
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            for (var t = 0; t < texts.Count; t++)
            {
                foreach (var s in result[t])
                {
                    AnalyzerLog.Entity(_logger, s.Type, t, s.Start, s.End, s.Score, s.Source);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The model's spans, read from the folded texts (<see cref="FoldedText.FoldForModel"/>: a name in full-width letters,
    /// with a soft hyphen inside it or joined by <c>&amp;nbsp;</c> is a name the model knows), mapped back to the originals.
    /// </summary>
    private IReadOnlyList<IReadOnlyList<EntitySpan>> PredictModel(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<IReadOnlyList<EntitySpan>> predicted;
        FoldedText[]? folded = null;
        try
        {
            string[]? foldedTexts = null;
            for (var t = 0; t < texts.Count; t++)
            {
                var fold = FoldedText.FoldForModel(texts[t]);
                if (!ReferenceEquals(fold.Text, texts[t]))
                {
                    folded ??= new FoldedText[texts.Count];
                    folded[t] = fold;
                    foldedTexts ??= [.. texts];
                    foldedTexts[t] = fold.Text;
                }
            }

            predicted = _nerModel!.Predict(foldedTexts ?? texts, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            AnalyzerLog.ModelFailed(_logger, ex.GetType().Name);
            throw new RedactionException(RedactionFailure.DetectionFailed, "The NER model failed; the request was not forwarded.");
        }

        if (predicted is null || predicted.Count != texts.Count)
        {
            AnalyzerLog.ModelFailed(_logger, "ResultCountMismatch");
            throw new RedactionException(RedactionFailure.DetectionFailed, "The NER model returned an unexpected result; the request was not forwarded.");
        }

        return folded is null ? predicted : ToOriginals(predicted, folded);
    }

    /// <summary>The spans of each folded text (kept inside it) at their places in its original; the others as they are.</summary>
    private static IReadOnlyList<IReadOnlyList<EntitySpan>> ToOriginals(IReadOnlyList<IReadOnlyList<EntitySpan>> predicted, FoldedText[] folded)
    {
        var mapped = new IReadOnlyList<EntitySpan>[predicted.Count];
        for (var t = 0; t < predicted.Count; t++)
        {
            var spans = predicted[t] ?? [];
            if (folded[t].Text is not { } foldedText)
            {
                mapped[t] = spans;
                continue;
            }

            var list = new List<EntitySpan>(spans.Count);
            foreach (var span in spans)
            {
                if (Clamp(span, foldedText.Length) is { } inside)
                {
                    list.Add(folded[t].ToOriginal(inside));
                }
            }

            mapped[t] = list;
        }

        return mapped;
    }

    /// <summary>Keeps a span inside its text (a sloppy span must still be redacted, never dropped if it has length).</summary>
    private static EntitySpan? Clamp(EntitySpan? span, int length)
    {
        if (span is null)
        {
            return null;
        }

        var start = Math.Clamp(span.Start, 0, length);
        var end = Math.Clamp(span.End, 0, length);
        if (end <= start)
        {
            return null;
        }

        return start == span.Start && end == span.End ? span : span with { Start = start, End = end };
    }
}
