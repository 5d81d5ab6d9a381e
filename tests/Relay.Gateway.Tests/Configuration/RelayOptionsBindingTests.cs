using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Redaction.Ner;

namespace StealthRelay.Gateway.Tests.Configuration;

public sealed class RelayOptionsBindingTests
{
    private static RelayOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(GatewayApp.Defaults)
            .AddInMemoryCollection(values)
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<RelayOptions>().Bind(configuration.GetSection(RelayOptions.SectionName));
        services.AddSingleton<IValidateOptions<RelayOptions>, RelayOptionsValidator>();
        return services.BuildServiceProvider().GetRequiredService<IOptions<RelayOptions>>().Value;
    }

    [Fact]
    public void Bind_Defaults_TwoUpstreamsAndPseudonymize()
    {
        var options = Bind([]);

        Assert.Equal("https://api.openai.com", options.Upstreams["openai"].BaseUrl);
        Assert.Equal(UpstreamProtocol.Anthropic, options.Upstreams["ANTHROPIC"].Protocol);
        Assert.Equal(UserIdMode.Pseudonymize, options.Privacy.UserIdMode);
        Assert.Equal(8L * 1024 * 1024, options.Limits.MaxRequestBodyBytes);
    }

    [Fact]
    public void Bind_EnvStyleOverrides_Applied()
    {
        var options = Bind(new()
        {
            ["Relay:Upstreams:openai:BaseUrl"] = "http://localhost:8080/proxy",
            ["Relay:Upstreams:openai:Policy:DefaultMinScore"] = "0.8",
            ["Relay:Upstreams:openai:Policy:AllowList:0"] = "Contoso",
            ["Relay:Privacy:UserIdMode"] = "Remove",
        });

        Assert.Equal("http://localhost:8080/proxy", options.Upstreams["openai"].BaseUrl);
        Assert.Equal(0.8, options.Upstreams["openai"].Policy!.DefaultMinScore);
        Assert.Equal(["Contoso"], options.Upstreams["openai"].Policy!.AllowList);
        Assert.Null(options.Upstreams["anthropic"].Policy);
        Assert.Equal(UserIdMode.Remove, options.Privacy.UserIdMode);
    }

    [Fact]
    public void Bind_InvalidValues_ValidationThrowsWithAllErrors()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Relay:Upstreams:openai:BaseUrl"] = "nope",
            ["Relay:Limits:MaxRequestBodyBytes"] = "-1",
        }));

        Assert.Equal(2, exception.Failures.Count());
    }

    [Fact]
    public void BindNer_CudaSettings_KeepProviderDefaultsAndTakeOverrides()
    {
        // The gateway binds Relay:Ner onto NerOptions (GatewayApp.AddNerModel); a configured provider option joins the
        // defaults (heuristic cuDNN search, no TF32) or replaces one, so Cuda needs no other setting.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Relay:Ner:Device"] = "Cuda",
            ["Relay:Ner:CudaProviderOptions:gpu_mem_limit"] = "1073741824",
            ["Relay:Ner:CudaProviderOptions:use_tf32"] = "1",
        }).Build();
        var options = new NerOptions();

        configuration.GetSection("Relay:Ner").Bind(options);

        Assert.Equal(NerDevice.Cuda, options.Device);
        Assert.Equal(
            [("cudnn_conv_algo_search", "HEURISTIC"), ("gpu_mem_limit", "1073741824"), ("use_tf32", "1")],
            options.CudaProviderOptions.Select(p => (p.Key, p.Value)).Order());
        Assert.Equal(
            [("cudnn_conv_algo_search", "HEURISTIC"), ("use_tf32", "0")],
            new NerOptions().CudaProviderOptions.Select(p => (p.Key, p.Value)).Order());
    }
}
