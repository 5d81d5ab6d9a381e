namespace StealthRelay.Gateway.Security;

/// <summary>Log lines of client authentication and abuse limits (EventIds 1200–1299). Never a key, never content.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "PASS-THROUGH MODE: no clients are configured under Relay:Clients, so any caller can use the gateway and the client's own provider key is forwarded. Configure Relay:Clients:<name>:KeySha256 to require client keys.")]
    public static partial void PassThroughMode(ILogger logger);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Client keys required: {ClientCount} clients configured; client keys are never forwarded, each upstream's ApiKey is used")]
    public static partial void ClientsConfigured(ILogger logger, int clientCount);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information,
        Message = "Relay:Admin:KeySha256 is not set: /relay/* endpoints answer 403")]
    public static partial void AdminDisabled(ILogger logger);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning,
        Message = "Refused {Method} {Path}: {Reason}, status {StatusCode}; nothing was forwarded")]
    public static partial void Refused(ILogger logger, string method, string path, string reason, int statusCode);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning,
        Message = "Refused {Method} {Path}: client '{Client}' may not use upstream '{Upstream}', status 403; nothing was forwarded")]
    public static partial void UpstreamForbidden(ILogger logger, string method, string path, string client, string upstream);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning,
        Message = "Rate limit reached for {Method} {Path} ({Partition}), status 429; nothing was forwarded")]
    public static partial void RateLimited(ILogger logger, string method, string path, string partition);
}
