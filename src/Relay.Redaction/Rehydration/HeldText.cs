using System.Text;
using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// The state of one streamed text (a choice's content, one tool call's arguments, one content block): the tail held
/// back because it could still grow into a placeholder, and for JSON arguments whether the text is inside a string.
/// </summary>
internal sealed class HeldText
{
    private readonly StringBuilder _held = new();
    private readonly StringBuilder _output = new();
    private readonly bool _json;
    private JsonTextState _state;

    public HeldText(bool json)
    {
        _json = json;
    }

    public bool IsJson => _json;

    public bool HasHeld => _held.Length > 0;

    /// <summary>
    /// Appends <paramref name="delta"/> and returns what can be sent now, restored. Unless <paramref name="final"/>,
    /// the shortest tail that could still become a vault placeholder is kept for the next call.
    /// </summary>
    public string Push(string delta, PlaceholderVault vault, bool final)
    {
        if (_held.Length == 0 && !delta.Contains(vault.Format.Prefix[0], StringComparison.Ordinal))
        {
            if (_json)
            {
                _state.Advance(delta);
            }

            return delta;
        }

        var text = _held.Length == 0 ? delta : string.Concat(_held.ToString(), delta);
        _held.Clear();
        _output.Clear();
        var consumed = PlaceholderRestorer.Restore(text, vault, final, _json, ref _state, _output);
        _held.Append(text, consumed, text.Length - consumed);
        return _output.ToString();
    }

    /// <summary>Returns everything held (restored where it is a placeholder after all) and resets the hold.</summary>
    public string Flush(PlaceholderVault vault) => Push("", vault, final: true);
}
