namespace StealthRelay.Gateway.Resilience;

/// <summary>Resilience log messages (EventIds 1301–1306; security uses 12xx): upstream names, statuses, exception types and timings only.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "Retrying upstream {Upstream}: attempt {Attempt} after status {Status} {ExceptionType}, waiting {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, string upstream, int attempt, int status, string exceptionType, double delayMs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Circuit of upstream {Upstream} opened for {BreakSeconds:F1} s")]
    public static partial void CircuitOpened(ILogger logger, string upstream, double breakSeconds);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Upstream {Upstream} not called: its circuit is open")]
    public static partial void CircuitOpen(ILogger logger, string upstream);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Upstream {Upstream} failed ({Kind}); falling back to upstream {Fallback}")]
    public static partial void FallingBack(ILogger logger, string upstream, UpstreamFailureKind kind, string fallback);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning,
        Message = "Answer of upstream {Upstream} broke off ({Kind}) after the response started; the client got an error event")]
    public static partial void StreamFaulted(ILogger logger, string upstream, UpstreamFailureKind kind);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning,
        Message = "Upstream {Upstream} failed ({Kind}); not falling back to upstream {Fallback}: {Reason}")]
    public static partial void FallbackRefused(ILogger logger, string upstream, UpstreamFailureKind kind, string fallback, string reason);
}
