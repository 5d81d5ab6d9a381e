using System.Text;
using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// The state of one streamed text (a choice's content, one tool call's arguments, one content block): the tail held
/// back because it could still grow into a placeholder, and for JSON arguments whether the text is inside a string.
/// Buffers are kept across deltas, so a delta costs at most its restored string.
/// </summary>
internal sealed class HeldText
{
    private readonly StringBuilder _output = new();
    private readonly bool _json;
    private char[] _held = new char[32];
    private int _heldLength;
    private char[] _text = new char[64];
    private JsonTextState _state;

    public HeldText(bool json)
    {
        _json = json;
    }

    public bool IsJson => _json;

    public bool HasHeld => _heldLength > 0;

    /// <summary>
    /// Appends <paramref name="delta"/> and returns what can be sent now, restored, or null when the delta is sent as
    /// it came (nothing held and no placeholder start in it). Unless <paramref name="final"/>, the shortest tail that
    /// could still become a vault placeholder is kept for the next call.
    /// </summary>
    public string? Push(ReadOnlySpan<char> delta, PlaceholderVault vault, bool final)
    {
        if (_heldLength == 0 && !delta.Contains(vault.Format.Prefix[0]))
        {
            if (_json)
            {
                _state.Advance(delta);
            }

            return null;
        }

        var text = delta;
        if (_heldLength > 0)
        {
            var length = _heldLength + delta.Length;
            if (_text.Length < length)
            {
                _text = new char[Math.Max(length, _text.Length * 2)];
            }

            _held.AsSpan(0, _heldLength).CopyTo(_text);
            delta.CopyTo(_text.AsSpan(_heldLength));
            text = _text.AsSpan(0, length);
        }

        _output.Clear();
        var consumed = PlaceholderRestorer.Restore(text, vault, final, _json, ref _state, _output);
        var tail = text[consumed..];
        if (_held.Length < tail.Length)
        {
            _held = new char[Math.Max(tail.Length, _held.Length * 2)];
        }

        tail.CopyTo(_held);
        _heldLength = tail.Length;
        return _output.ToString();
    }

    /// <summary>Returns everything held (restored where it is a placeholder after all) and resets the hold.</summary>
    public string Flush(PlaceholderVault vault) => Push([], vault, final: true) ?? "";
}
