using System.Security.Cryptography;
using System.Text;

namespace StealthRelay.IntegrationTests.Security;

/// <summary>Client keys for the security tests and the hashes the gateway is configured with.</summary>
internal static class Keys
{
    public const string Alpha = "sr-client-alpha-0001";
    public const string OpenAIOnly = "sr-client-openai-only-0002";
    public const string AllowsEmail = "sr-client-allows-email-0003";
    public const string Admin = "sr-admin-0004";
    public const string UpstreamOpenAI = "sk-upstream-openai";
    public const string UpstreamAnthropic = "sk-upstream-anthropic";

    public static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Three clients, an admin key and the upstream keys the gateway must use instead of the clients' keys.</summary>
    public static Dictionary<string, string?> Config() => new()
    {
        ["Relay:Upstreams:openai:ApiKey"] = UpstreamOpenAI,
        ["Relay:Upstreams:anthropic:ApiKey"] = UpstreamAnthropic,
        ["Relay:Clients:alpha:KeySha256"] = Sha256(Alpha),
        ["Relay:Clients:openai-only:KeySha256"] = Sha256(OpenAIOnly),
        ["Relay:Clients:openai-only:AllowedUpstreams:0"] = "openai",
        ["Relay:Clients:allows-email:KeySha256"] = Sha256(AllowsEmail),
        ["Relay:Clients:allows-email:Policy:AllowList:0"] = Infrastructure.Pii.Email,
        ["Relay:Admin:KeySha256"] = Sha256(Admin),
    };
}
