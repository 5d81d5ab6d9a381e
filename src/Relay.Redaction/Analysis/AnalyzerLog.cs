using Microsoft.Extensions.Logging;

namespace StealthRelay.Redaction.Analysis;

/// <summary>Analyzer log lines: types, counts, offsets, scores and timings only, never text.</summary>
internal static partial class AnalyzerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Analyzed {TextCount} texts: {EntityCount} entities in {ElapsedMs:F2} ms")]
    public static partial void Analyzed(ILogger logger, int textCount, int entityCount, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Trace, Message = "Entity {EntityType} in text {TextIndex} at {Start}..{End}, score {Score:F2}, source {Source}")]
    public static partial void Entity(ILogger logger, string entityType, int textIndex, int start, int end, double score, string source);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Recognizer {Recognizer} failed ({ExceptionType}); the request is refused")]
    public static partial void RecognizerFailed(ILogger logger, string recognizer, string exceptionType);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Detection did not finish within {TimeoutMs} ms; the request is refused")]
    public static partial void TimedOut(ILogger logger, double timeoutMs);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "The NER model failed ({ExceptionType}); the request is refused")]
    public static partial void ModelFailed(ILogger logger, string exceptionType);
}
