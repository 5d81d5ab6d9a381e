using System.Text;

namespace StealthRelay.LocalFallback.Llama;

/// <summary>
/// Finds stop sequences in generated text that arrives in arbitrary pieces (a stop string may span tokens). Text that
/// could still be the start of a stop sequence is held back; everything before a match is released, the match and
/// everything after it never are.
/// </summary>
internal sealed class StopSequenceMatcher
{
    private readonly IReadOnlyList<string> _stops;
    private readonly StringBuilder _pending = new();

    public StopSequenceMatcher(IReadOnlyList<string> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        _stops = stops.Where(s => s.Length > 0).ToArray();
    }

    /// <summary>The stop sequence that ended the text, once <see cref="Push"/> returned true.</summary>
    public string? Matched { get; private set; }

    /// <summary>Adds text; returns the text safe to release now and whether a stop sequence was found.</summary>
    public bool Push(string text, out string release)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_stops.Count == 0)
        {
            release = text;
            return false;
        }

        _pending.Append(text);
        var pending = _pending.ToString();
        var first = -1;
        foreach (var stop in _stops)
        {
            var index = pending.IndexOf(stop, StringComparison.Ordinal);
            if (index >= 0 && (first < 0 || index < first))
            {
                first = index;
                Matched = stop;
            }
        }

        if (first >= 0)
        {
            release = pending[..first];
            _pending.Clear();
            return true;
        }

        var hold = HeldBackLength(pending);
        release = pending[..^hold];
        _pending.Remove(0, pending.Length - hold);
        return false;
    }

    /// <summary>Releases whatever is held back (generation ended without a match).</summary>
    public string Flush()
    {
        var rest = _pending.ToString();
        _pending.Clear();
        return rest;
    }

    /// <summary>Longest suffix of <paramref name="text"/> that is a proper prefix of some stop sequence.</summary>
    private int HeldBackLength(string text)
    {
        var longest = 0;
        foreach (var stop in _stops)
        {
            for (var length = Math.Min(stop.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
