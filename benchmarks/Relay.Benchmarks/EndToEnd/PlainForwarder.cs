using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Benchmarks.EndToEnd;

/// <summary>The baseline: the same YARP direct forwarding the gateway uses, with no redaction at all.</summary>
internal static class PlainForwarder
{
    public static async Task<WebApplication> StartAsync(string providerUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        app.Map("/v1/{**rest}", async (HttpContext context) =>
        {
            await forwarder.SendAsync(context, providerUrl, invoker, ForwarderRequestConfig.Empty, HttpTransformer.Empty);
        });
        await app.StartAsync();
        return app;
    }
}
