using System.Security.Cryptography;
using System.Text;

namespace StealthRelay.IntegrationTests.Infrastructure;

/// <summary>The pseudonym the gateway must send for a user id, computed independently from the documented rule.</summary>
internal static class Pseudonyms
{
    public static string Expected(string userId)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(GatewayHost.HmacKey), Encoding.UTF8.GetBytes(userId));
        return "sr-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
