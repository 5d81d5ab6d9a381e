using System.Security.Cryptography;
using System.Text;

namespace StealthRelay.Gateway.Security;

/// <summary>SHA-256 of presented keys and constant-time comparison with configured hashes.</summary>
internal static class ClientKeyHash
{
    public const int HexLength = SHA256.HashSizeInBytes * 2;

    /// <summary>Parses a configured hex hash; null when it is not exactly 64 hex digits.</summary>
    public static byte[]? TryParse(string? hex)
    {
        if (hex is null || hex.Length != HexLength)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 of the key's UTF-8 bytes (what <c>printf %s "$KEY" | sha256sum</c> prints).</summary>
    public static byte[] Compute(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public static bool Matches(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> configured) =>
        CryptographicOperations.FixedTimeEquals(presented, configured);
}
