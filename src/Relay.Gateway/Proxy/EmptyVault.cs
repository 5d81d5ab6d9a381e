using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Gateway.Proxy;

/// <summary>The vault of a request that carried no body (e.g. <c>GET /v1/models</c>): nothing to restore.</summary>
internal sealed class EmptyVault : IPlaceholderVault
{
    public static readonly EmptyVault Instance = new();

    public int Count => 0;

    public bool TryGetValue(ReadOnlySpan<char> placeholder, out string value)
    {
        value = "";
        return false;
    }

    public void Clear()
    {
    }

    public void Dispose()
    {
    }
}
