using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Analysis;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Local;
using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Privacy;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Resilience;
using StealthRelay.Gateway.Routing;
using StealthRelay.Gateway.Security;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Gateway;

/// <summary>Builds the gateway application; used by <c>Program</c> and by the integration tests (port 0).</summary>
public static class GatewayApp
{
    /// <summary>The switch that routes both API families to the built-in echo provider (demo, no key, no network).</summary>
    public const string DemoSwitch = "--demo";

    /// <summary>Defaults below every other configuration source (appsettings, env vars, command line override them).</summary>
    internal static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Relay:Upstreams:openai:Protocol"] = "OpenAI",
        ["Relay:Upstreams:openai:BaseUrl"] = "https://api.openai.com",
        ["Relay:Upstreams:anthropic:Protocol"] = "Anthropic",
        ["Relay:Upstreams:anthropic:BaseUrl"] = "https://api.anthropic.com",
    };

    internal static readonly IReadOnlyDictionary<string, string?> DemoOverrides = new Dictionary<string, string?>
    {
        ["Relay:Upstreams:openai:Protocol"] = "Echo",
        ["Relay:Upstreams:anthropic:Protocol"] = "Echo",
        ["Relay:Routing:OpenAI"] = "openai",
        ["Relay:Routing:Anthropic"] = "anthropic",
    };

    /// <summary>
    /// Creates the gateway. <paramref name="configure"/> runs after the gateway's own registrations, so callers (tests)
    /// can add configuration sources or replace services.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains(DemoSwitch, StringComparer.OrdinalIgnoreCase);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args.Where(a => !string.Equals(a, DemoSwitch, StringComparison.OrdinalIgnoreCase))],
        });

        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Defaults });
        if (demo)
        {
            builder.Configuration.AddInMemoryCollection(DemoOverrides);
        }

        AddGateway(builder.Services, builder.Configuration);
        configure?.Invoke(builder);
        // Registered after the caller's configuration: both read their options once, here, so sources added by
        // configure (tests, benchmarks) must already be in place.
        AddNerModel(builder.Services, builder.Configuration);
        builder.Services.AddLocalModel(builder.Configuration);

        var app = builder.Build();
        app.UseRelayResponseHeaders();
        app.UseRelaySecurity();
        // Resolved per request (a singleton lookup) so nothing reads options before ValidateOnStart reports them all.
        app.Run(context => context.RequestServices.GetRequiredService<RelayDispatcher>().InvokeAsync(context));
        return app;
    }

    internal static void AddGateway(IServiceCollection services, IConfiguration configuration)
    {
        var relay = configuration.GetSection(RelayOptions.SectionName);
        services.AddOptions<RelayOptions>().Bind(relay).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RelayOptions>, RelayOptionsValidator>();
        services.AddHttpForwarder();
        services.AddSingleton(TimeProvider.System);

        var redaction = relay.GetSection("Redaction");
        services.AddRelayRedaction(options =>
        {
            options.DetectionTimeout = redaction.GetValue(nameof(RedactionOptions.DetectionTimeout), options.DetectionTimeout);
            options.Policy = redaction.GetSection(nameof(RedactionOptions.Policy)).Get<RedactionPolicy>() ?? new RedactionPolicy();
        });
        services.AddDefaultRecognizers();
        services.Configure<RecognizerOptions>(relay.GetSection("Recognizers"));

        services.AddSingleton<GatewayMetrics>();
        services.AddRelayTelemetry(configuration);
        services.AddRelayResilience();
        services.AddSingleton<UpstreamRegistry>();
        services.AddSingleton<UserIdPseudonymizer>();
        services.AddSingleton<UserIdScrubber>();
        services.AddLocalRoute();
        services.AddSingleton<RelayProxyHandler>();
        services.AddSingleton<AnalyzeHandler>();
        services.AddSingleton<RelayDispatcher>();
        services.AddHostedService<GatewayStartupReport>();
        services.AddRelaySecurity();
    }

    internal static void AddNerModel(IServiceCollection services, IConfiguration configuration) =>
        services.AddNerModel(options => configuration.GetSection(RelayOptions.SectionName).GetSection("Ner").Bind(options));
}
