using Microsoft.Extensions.Logging;

namespace StealthRelay.LocalFallback.Service;

/// <summary>Source-generated log messages of the local model (EventIds 3xxx). Counts, types and timings only: never prompt or completion text.</summary>
internal static partial class LocalLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "llama.cpp [{NativeLevel}] {NativeMessage}")]
    public static partial void NativeLoadMessage(ILogger logger, int nativeLevel, string nativeMessage);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "llama.cpp [{NativeLevel}] message of {Length} bytes withheld (requests are being served)")]
    public static partial void NativeMessage(ILogger logger, int nativeLevel, int length);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Local model {ModelFile} loaded on {Backend} in {ElapsedMs} ms: vocabulary {VocabularySize}, {Contexts} context(s) of {ContextSize} tokens, chat template {TemplateSource}")]
    public static partial void ModelLoaded(ILogger logger, string modelFile, LocalBackend backend, long elapsedMs, int vocabularySize, int contexts, int contextSize, string templateSource);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information,
        Message = "CUDA check passed: driver for CUDA {DriverVersion}, GPU {Ordinal} {DeviceName} ({Architecture}) runs the code of {Package}")]
    public static partial void CudaDeviceChecked(ILogger logger, string driverVersion, int ordinal, string deviceName, string architecture, string package);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Local model could not be loaded; the next try in {RetrySeconds} s")]
    public static partial void ModelLoadFailed(ILogger logger, int retrySeconds, Exception exception);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug, Message = "Local {Api} request refused: the model failed to load, the next try in {RetrySeconds} s")]
    public static partial void ModelLoadDeferred(ILogger logger, LocalApi api, int retrySeconds);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug,
        Message = "Local {Api} request done: streamed {Streamed}, {PromptTokens} prompt tokens, {CompletionTokens} completion tokens, stop {Stop}, {ElapsedMs} ms")]
    public static partial void RequestCompleted(ILogger logger, LocalApi api, bool streamed, int promptTokens, int completionTokens, string stop, long elapsedMs);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Debug, Message = "Local {Api} request cancelled by the client after {CompletionTokens} completion tokens")]
    public static partial void RequestCancelled(ILogger logger, LocalApi api, int completionTokens);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Local {Api} request refused: {Admitted} requests running or queued (limit {Limit})")]
    public static partial void QueueFull(ILogger logger, LocalApi api, int admitted, int limit);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Information, Message = "Local {Api} request refused: prompt of {PromptTokens} tokens does not fit the context of {ContextSize}")]
    public static partial void PromptTooLong(ILogger logger, LocalApi api, int promptTokens, int contextSize);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Debug, Message = "Local {Api} request invalid: {Reason}")]
    public static partial void InvalidRequest(ILogger logger, LocalApi api, string reason);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Error, Message = "Local {Api} generation failed")]
    public static partial void GenerationFailed(ILogger logger, LocalApi api, Exception exception);
}
