using Microsoft.Extensions.DependencyInjection;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>Starts the real gateway with the shared local model (or none) and the given routing settings.</summary>
internal static class LocalGateway
{
    public static Task<GatewayHost> StartAsync(FakeProvider? provider, LocalModelFixture? model, IDictionary<string, string?>? settings = null, Uri? upstreamBase = null)
    {
        var config = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (upstreamBase is not null)
        {
            config["Relay:Upstreams:openai:Protocol"] = "OpenAI";
            config["Relay:Upstreams:openai:BaseUrl"] = new Uri(upstreamBase, "/openai").ToString();
            config["Relay:Upstreams:anthropic:Protocol"] = "Anthropic";
            config["Relay:Upstreams:anthropic:BaseUrl"] = upstreamBase.ToString();
        }

        if (model is not null)
        {
            config["Relay:Local:ModelPath"] = LocalModelFixture.ModelPath;
        }

        return GatewayHost.StartAsync(provider, config, services =>
        {
            if (model is not null)
            {
                services.AddSingleton(model.Chat); // share the loaded model instead of loading one per gateway
            }
        });
    }
}
