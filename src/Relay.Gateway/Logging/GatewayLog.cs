using Microsoft.Extensions.Logging;

namespace StealthRelay.Gateway.Logging;

/// <summary>The gateway's log lines: routes, status codes, entity counts and timings only, never content.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Forwarded {Method} {Path} to upstream {Upstream}: status {StatusCode}, {EntityCount} entities ({EntityTypes}), redaction {RedactionMs:F1} ms, total {TotalMs:F1} ms")]
    public static partial void Forwarded(ILogger logger, string method, string path, string upstream, int statusCode,
        int entityCount, string entityTypes, double redactionMs, double totalMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Refused {Method} {Path} for upstream {Upstream}: redaction failed ({Failure}), status {StatusCode}; nothing was forwarded")]
    public static partial void RedactionRefused(ILogger logger, string method, string path, string upstream, StealthRelay.Redaction.RedactionFailure failure, int statusCode);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error,
        Message = "Refused {Method} {Path} for upstream {Upstream}: unexpected {ExceptionType} during redaction; nothing was forwarded")]
    public static partial void RedactionCrashed(ILogger logger, string method, string path, string upstream, string exceptionType);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug,
        Message = "Client aborted {Method} {Path} (upstream {Upstream}) after {TotalMs:F1} ms")]
    public static partial void ClientAborted(ILogger logger, string method, string path, string upstream, double totalMs);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Upstream {Upstream} failed for {Method} {Path}: forwarder error {ForwarderError}; the client gets status {StatusCode} unless the local model answers (1104)")]
    public static partial void UpstreamFailed(ILogger logger, string upstream, string method, string path, string forwarderError, int statusCode);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information,
        Message = "Refused {Method} {Path}: {Reason}, status {StatusCode}; nothing was forwarded")]
    public static partial void RequestRefused(ILogger logger, string method, string path, string reason, int statusCode);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning,
        Message = "DEMO MODE: upstream '{Upstream}' is the built-in ECHO provider. Nothing is sent to any model; answers only echo the sanitized request. Do not use in production.")]
    public static partial void EchoProviderActive(ILogger logger, string upstream);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information,
        Message = "Upstream '{Upstream}' ({Protocol}) at {BaseUrl}, credentials: {Credentials}")]
    public static partial void UpstreamConfigured(ILogger logger, string upstream, StealthRelay.Gateway.Configuration.UpstreamProtocol protocol, string baseUrl, string credentials);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning,
        Message = "Relay:Privacy:HmacKey is not set: user ids are pseudonymized with a random per-process key (pseudonyms change on restart)")]
    public static partial void RandomHmacKey(ILogger logger);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning,
        Message = "Relay:Routing:DefaultRoute is Local but neither Relay:Local:ModelPath nor Relay:Local:Endpoint is set: every model request will be refused (503); nothing is sent to a provider")]
    public static partial void LocalOnlyWithoutModel(ILogger logger);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Analyzed {TextLength} chars: {EntityCount} entities in {ElapsedMs:F1} ms")]
    public static partial void Analyzed(ILogger logger, int textLength, int entityCount, double elapsedMs);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Analyze request failed ({Failure}), status {StatusCode}")]
    public static partial void AnalyzeFailed(ILogger logger, string failure, int statusCode);
}
