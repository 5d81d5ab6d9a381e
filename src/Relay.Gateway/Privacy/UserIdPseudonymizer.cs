using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;

namespace StealthRelay.Gateway.Privacy;

/// <summary>
/// Turns an end-user id into a stable, non-reversible pseudonym: <c>sr-</c> + the first 16 bytes of
/// HMAC-SHA256(key, id) in hex. The key comes from configuration or is random per process; it is never written anywhere.
/// </summary>
internal sealed class UserIdPseudonymizer
{
    private readonly byte[] _key;

    public UserIdPseudonymizer(IOptions<RelayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.Privacy.HmacKey;
        IsRandomKey = string.IsNullOrEmpty(configured);
        _key = IsRandomKey ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured!);
    }

    /// <summary>True when no key was configured and a random per-process key is used.</summary>
    public bool IsRandomKey { get; }

    public string Pseudonymize(ReadOnlySpan<byte> utf8Id)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, utf8Id, hash);
        return "sr-" + Convert.ToHexStringLower(hash[..16]);
    }
}
