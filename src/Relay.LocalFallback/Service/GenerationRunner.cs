using System.Threading.Channels;
using StealthRelay.LocalFallback.Llama;

namespace StealthRelay.LocalFallback.Service;

/// <summary>Runs <see cref="TextGenerator"/> off the thread pool and hands its text to an async writer.</summary>
internal static class GenerationRunner
{
    /// <summary>Runs the blocking generation loop on a dedicated thread (not the thread pool) and completes <paramref name="completeWhenDone"/>.</summary>
    public static Task<GenerationResult> Run(
        LlamaContext context, int[] prompt, GenerationRequest generation, Action<string> onText, CancellationToken cancellationToken,
        ChannelWriter<string>? completeWhenDone = null) =>
        Task.Factory.StartNew(
            () =>
            {
                try
                {
                    return TextGenerator.Generate(context, prompt, generation, onText, cancellationToken);
                }
                finally
                {
                    completeWhenDone?.TryComplete();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>Called on the generation thread: waits while the channel is full; drops the text once cancelled (the loop then stops).</summary>
    public static void WriteBlocking(ChannelWriter<string> writer, string text, CancellationToken cancellationToken)
    {
        try
        {
            while (!writer.TryWrite(text))
            {
                if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
