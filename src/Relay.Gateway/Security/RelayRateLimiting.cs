using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using StealthRelay.Gateway.Errors;

namespace StealthRelay.Gateway.Security;

/// <summary>
/// ASP.NET Core rate limiting as one global fixed-window limiter partitioned by client name (or by remote IP in
/// pass-through mode and for <c>/relay/*</c>). Health probes are never limited. A rejection is a 429 in the SDK's shape
/// with <c>Retry-After</c>, before anything is read or forwarded.
/// </summary>
internal static class RelayRateLimiting
{
    public static IServiceCollection AddRelayRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClientRegistry>((options, clients) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, clients));
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    internal static RateLimitPartition<string> Partition(HttpContext context, ClientRegistry clients)
    {
        if (RelayAccess.IsOpen(context.Request.Path))
        {
            return RateLimitPartition.GetNoLimiter("open");
        }

        var client = RelayAccess.GetClient(context);
        var key = client is not null
            ? "client:" + client.Name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var settings = Resolve(client?.RateLimit, clients.DefaultRateLimit);
        if (settings.PermitLimit == 0)
        {
            return RateLimitPartition.GetNoLimiter(key);
        }

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => settings);
    }

    internal static FixedWindowRateLimiterOptions Resolve(RateLimitOptions? client, RateLimitOptions defaults) => new()
    {
        PermitLimit = client?.PermitLimit ?? defaults.PermitLimit ?? RateLimitOptions.DefaultPermitLimit,
        Window = client?.Window ?? defaults.Window ?? TimeSpan.FromMinutes(1),
        QueueLimit = client?.QueueLimit ?? defaults.QueueLimit ?? 0,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var client = RelayAccess.GetClient(context);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RelayRateLimiting));
        SecurityLog.RateLimited(logger, context.Request.Method, RelayAccess.SafePath(context.Request), client is null ? "by address" : "client " + client.Name);
        await ApiErrorWriter.WriteAsync(context, RelayAccess.Family(context.Request), ApiErrorKind.TooManyRequests,
            $"Rate limit reached; nothing was forwarded. Retry after {seconds} s (Relay:RateLimit, Relay:Clients:<name>:RateLimit).",
            cancellationToken);
    }
}
