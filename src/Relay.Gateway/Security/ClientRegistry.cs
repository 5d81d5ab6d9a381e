using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;

namespace StealthRelay.Gateway.Security;

/// <summary>
/// The configured clients and the admin key, built once from the validated options. Every presented key is hashed
/// and compared with every configured hash in constant time (no early exit), so timing says nothing about which
/// hash was close or which client matched.
/// </summary>
internal sealed class ClientRegistry
{
    private readonly RelayClient[] _clients;
    private readonly byte[]? _adminHash;

    public ClientRegistry(IOptions<RelayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var relay = options.Value;
        _clients =
        [
            .. relay.Clients.Select(c => new RelayClient(
                c.Key,
                ClientKeyHash.TryParse(c.Value.KeySha256) ?? throw new InvalidOperationException($"Relay:Clients:{c.Key}:KeySha256 is invalid."),
                new HashSet<string>(c.Value.AllowedUpstreams, StringComparer.OrdinalIgnoreCase),
                c.Value.Policy,
                c.Value.RateLimit)),
        ];
        _adminHash = ClientKeyHash.TryParse(relay.Admin.KeySha256);
        DefaultRateLimit = relay.RateLimit;
    }

    /// <summary>True when no client is configured: the client's own provider key passes through.</summary>
    public bool PassThrough => _clients.Length == 0;

    public int Count => _clients.Length;

    public bool AdminEnabled => _adminHash is not null;

    public RateLimitOptions DefaultRateLimit { get; }

    /// <summary>The client one of the presented keys belongs to, or null.</summary>
    public RelayClient? Authenticate(IEnumerable<string> presentedKeys)
    {
        ArgumentNullException.ThrowIfNull(presentedKeys);
        RelayClient? found = null;
        foreach (var key in presentedKeys)
        {
            var hash = ClientKeyHash.Compute(key);
            foreach (var client in _clients)
            {
                if (ClientKeyHash.Matches(hash, client.KeyHash))
                {
                    found ??= client;
                }
            }
        }

        return found;
    }

    public bool IsAdmin(IEnumerable<string> presentedKeys)
    {
        ArgumentNullException.ThrowIfNull(presentedKeys);
        if (_adminHash is null)
        {
            return false;
        }

        var match = false;
        foreach (var key in presentedKeys)
        {
            match |= ClientKeyHash.Matches(ClientKeyHash.Compute(key), _adminHash);
        }

        return match;
    }

    public RelayClient? Find(string name) => Array.Find(_clients, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
