using System.Buffers;
using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// Finds the numbers a key word names without running the key-word pattern over the whole text: a vectorized search
/// finds the words every key word holds, and the pattern (anchored with <c>\G</c>) is tried only at the word starts up
/// to <c>maxLeadIn</c> characters before each hit ("numéro de dossier" starts ten characters before "dossier"). Key
/// words that start with common letters would otherwise have the regex tried at nearly every word: 20 us per KB of a
/// prompt with one "patient" in it. Each match's <c>num</c> group is reported, then every number of a list after it.
/// </summary>
internal static class AnchoredKeyedScan
{
    /// <summary>The text a pattern is tried on from a candidate start: a key word, its separators and a number fit.</summary>
    private const int Window = 160;

    /// <summary>
    /// Adds the <c>num</c> group of each match of <paramref name="anchored"/> around the hits of <paramref name="gate"/>,
    /// and the list items <paramref name="listItem"/> finds after it, as <paramref name="type"/> spans at
    /// <see cref="RecognizerScores.Structural"/>.
    /// </summary>
    public static void Add(
        string text, SearchValues<string> gate, int maxLeadIn, Regex anchored, Regex listItem, string type, string source, List<EntitySpan> results)
    {
        var resumeAt = 0;
        var hit = text.AsSpan().IndexOfAny(gate);
        while (hit >= 0)
        {
            if (MatchAround(text, anchored, Math.Max(resumeAt, hit - maxLeadIn), hit) is { } match)
            {
                var number = match.Groups["num"];
                while (number.Success)
                {
                    results.Add(new EntitySpan(type, number.Index, number.Index + number.Length, RecognizerScores.Structural, source));
                    resumeAt = number.Index + number.Length;
                    number = ListItem(text, listItem, resumeAt).Groups["num"];
                }
            }

            resumeAt = Math.Max(resumeAt, hit + 1);
            var next = resumeAt < text.Length ? text.AsSpan(resumeAt).IndexOfAny(gate) : -1;
            hit = next < 0 ? -1 : resumeAt + next;
        }
    }

    /// <summary>The next item of a list at <paramref name="at"/>, read in a window as <see cref="MatchAround"/> reads.</summary>
    private static Match ListItem(string text, Regex listItem, int at)
    {
        var window = Math.Min(text.Length - at, Window);
        var match = listItem.Match(text, at, window);
        return match.Success && match.Index + match.Length >= at + window - 1 && at + window < text.Length
            ? listItem.Match(text, at, text.Length - at)
            : match;
    }

    /// <summary>The first match of <paramref name="anchored"/> at a word start from <paramref name="from"/> to <paramref name="hit"/>, or null.</summary>
    private static Match? MatchAround(string text, Regex anchored, int from, int hit)
    {
        for (var start = from; start <= hit; start++)
        {
            if (start == 0 || !(char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
            {
                // A window, not the rest of the text: an anchored pattern given the rest walks on to its end when it
                // fails. A match that reaches the window's end may go on past it: match again over the rest.
                var window = Math.Min(text.Length - start, Window);
                var match = anchored.Match(text, start, window);
                if (match.Success && match.Index + match.Length >= start + window - 1 && start + window < text.Length)
                {
                    match = anchored.Match(text, start, text.Length - start);
                }

                if (match.Success)
                {
                    return match;
                }
            }
        }

        return null;
    }
}
