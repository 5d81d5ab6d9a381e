using System.Text.Json;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Checks a JSON body incrementally (<see cref="Utf8JsonReader"/> with carried state, only an unfinished token is
/// kept) so a body that ends mid-JSON, even with clean HTTP framing, is known as truncated.
/// </summary>
internal sealed class JsonIntegrityMonitor : IBodyIntegrityMonitor
{
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 1024 });
    private byte[] _pending = [];
    private bool _rootComplete;
    private bool _trailing;

    public bool CompletedCleanly => _rootComplete && !_trailing && _pending.AsSpan().Trim(" \t\r\n"u8).IsEmpty;

    public bool Observe(ReadOnlySpan<byte> chunk)
    {
        if (_rootComplete)
        {
            _trailing |= !chunk.Trim(" \t\r\n"u8).IsEmpty;
            return !_trailing;
        }

        byte[]? joined = null;
        var data = chunk;
        if (_pending.Length > 0)
        {
            joined = [.. _pending, .. chunk];
            data = joined;
        }

        var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    _rootComplete = true;
                    _pending = [];
                    return Observe(data[(int)reader.BytesConsumed..]);
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        _state = reader.CurrentState;
        _pending = data[(int)reader.BytesConsumed..].ToArray();
        return true;
    }
}
