namespace StealthRelay.LocalFallback.Llama;

/// <summary>
/// The generation loop: decode the prompt, then sample, detokenize (UTF-8 safe), match stop sequences and decode
/// one token at a time. Synchronous and blocking (llama_decode is CPU/GPU bound): callers run it on a dedicated
/// thread. Cancellation is checked between decode steps and also aborts a running prompt decode through the
/// context's abort callback.
/// </summary>
internal static class TextGenerator
{
    public static GenerationResult Generate(
        LlamaContext context, ReadOnlySpan<int> prompt, GenerationRequest request, Action<string> onText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onText);
        ArgumentOutOfRangeException.ThrowIfLessThan(prompt.Length, 1, nameof(prompt));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxTokens, 1, nameof(request));

        using var abortOnCancel = cancellationToken.Register(static state => ((LlamaContext)state!).RequestAbort(), context);
        var status = context.Decode(prompt);
        if (status != DecodeStatus.Ok)
        {
            return status switch
            {
                DecodeStatus.Aborted => new GenerationResult(0, GenerationStop.Cancelled, null),
                DecodeStatus.NoSpace => new GenerationResult(0, GenerationStop.ContextFull, null),
                _ => throw new InvalidOperationException("llama_decode failed on the prompt."),
            };
        }

        using var sampler = LlamaSampler.Create(request.Sampling);
        var decoder = new TokenTextDecoder(context.Model);
        var matcher = new StopSequenceMatcher(request.StopSequences);
        var generated = 0;
        Span<int> next = stackalloc int[1];
        while (true)
        {
            if (cancellationToken.IsCancellationRequested || context.AbortRequested)
            {
                return new GenerationResult(generated, GenerationStop.Cancelled, null);
            }

            var token = context.Sample(sampler);
            if (context.Model.IsEndOfGeneration(token))
            {
                return Finish(GenerationStop.EndOfGeneration);
            }

            generated++;
            if (matcher.Push(decoder.Append(token), out var release))
            {
                Emit(release);
                return new GenerationResult(generated, GenerationStop.StopSequence, matcher.Matched);
            }

            Emit(release);
            if (generated >= request.MaxTokens)
            {
                return Finish(GenerationStop.MaxTokens);
            }

            next[0] = token;
            status = context.Decode(next);
            switch (status)
            {
                case DecodeStatus.Ok:
                    break;
                case DecodeStatus.NoSpace:
                    return Finish(GenerationStop.ContextFull);
                case DecodeStatus.Aborted:
                    return new GenerationResult(generated, GenerationStop.Cancelled, null);
                default:
                    throw new InvalidOperationException("llama_decode failed during generation.");
            }
        }

        GenerationResult Finish(GenerationStop stop)
        {
            // Bytes of an unfinished character and text held back for a possible stop sequence are released now;
            // a stop sequence can still complete inside the flushed tail.
            if (matcher.Push(decoder.Flush(), out var tail))
            {
                Emit(tail);
                return new GenerationResult(generated, GenerationStop.StopSequence, matcher.Matched);
            }

            Emit(tail + matcher.Flush());
            return new GenerationResult(generated, stop, null);
        }

        void Emit(string text)
        {
            if (text.Length > 0)
            {
                onText(text);
            }
        }
    }
}
