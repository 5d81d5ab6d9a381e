namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// Tracks whether the next character of a JSON text (tool-call arguments, possibly streamed in fragments) is inside
/// a string, so that a restored value is escaped when it lands inside one.
/// </summary>
internal struct JsonTextState
{
    public bool InString;
    public bool Escaped;

    public void Advance(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (Escaped)
            {
                Escaped = false;
            }
            else if (InString && c == '\\')
            {
                Escaped = true;
            }
            else if (c == '"')
            {
                InString = !InString;
            }
        }
    }
}
