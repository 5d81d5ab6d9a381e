using StealthRelay.Gateway.Resilience;

namespace StealthRelay.Gateway.Local;

/// <summary>Routing decisions: route, reason, path and status only, never content.</summary>
internal static partial class RouteLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Route for {Method} {Path}: {Route} ({Reason})")]
    public static partial void Decided(ILogger logger, string method, string path, string route, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Refused {Method} {Path}: it must be served locally ({Reason}) but no local model is configured; nothing was forwarded")]
    public static partial void NoLocalModel(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "Refused {Method} {Path} on the local route ({Reason}): {Problem}, status {StatusCode}; nothing was forwarded")]
    public static partial void LocalRefused(ILogger logger, string method, string path, string reason, string problem, int statusCode);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Served {Method} {Path} locally ({Reason}): status {StatusCode}, {PromptTokens} prompt + {CompletionTokens} completion tokens, streamed {Streamed}")]
    public static partial void ServedLocally(ILogger logger, string method, string path, string reason, int statusCode, int promptTokens, int completionTokens, bool streamed);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning,
        Message = "Upstream {Upstream} failed for {Method} {Path} ({FailureKind}, status {StatusCode}) after retries; answering locally")]
    public static partial void FallingBack(ILogger logger, string upstream, string method, string path, UpstreamFailureKind failureKind, int statusCode);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning,
        Message = "Local endpoint failed for {Method} {Path}: forwarder error {ForwarderError}, status {StatusCode}")]
    public static partial void LocalEndpointFailed(ILogger logger, string method, string path, string forwarderError, int statusCode);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Client aborted {Method} {Path} on the local route")]
    public static partial void ClientAborted(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning,
        Message = "Local endpoint failed for {Method} {Path} translated to OpenAI chat: {Problem}, endpoint status {EndpointStatus}; answered {StatusCode}")]
    public static partial void LocalEndpointTranslationFailed(ILogger logger, string method, string path, string problem, int endpointStatus, int statusCode);
}
