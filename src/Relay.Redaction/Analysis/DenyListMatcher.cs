using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Finds a policy's deny-list terms: literals case-insensitively as whole words, regular expressions
/// case-insensitively with a match timeout. Hits score 1.0. Terms are matched in the original text and, where folding
/// changed it, in the folded text too (spans mapped back), so "Project\u00A0Falcon" or "Fal\u00ADcon" matches the term
/// "Project Falcon" while a pattern written against what clients send still matches as written.
/// </summary>
internal static class DenyListMatcher
{
    public const string Source = "deny-list";

    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Regex> Regexes = new();

    public static void Find(string text, FoldedText folded, IList<DenyRule> rules, TimeSpan regexTimeout, List<Candidate> results)
    {
        Find(text, rules, regexTimeout, results);
        if (ReferenceEquals(folded.Text, text))
        {
            return;
        }

        var first = results.Count;
        Find(folded.Text, rules, regexTimeout, results);
        for (var i = first; i < results.Count; i++)
        {
            results[i] = results[i] with { Span = folded.ToOriginal(results[i].Span) };
        }
    }

    private static void Find(string text, IList<DenyRule> rules, TimeSpan regexTimeout, List<Candidate> results)
    {
        foreach (var rule in rules)
        {
            if (string.IsNullOrEmpty(rule.Pattern))
            {
                continue;
            }

            var type = string.IsNullOrWhiteSpace(rule.EntityType) ? EntityTypes.Custom : rule.EntityType;
            if (rule.IsRegex)
            {
                FindRegex(text, rule.Pattern, type, regexTimeout, results);
            }
            else
            {
                FindLiteral(text, rule.Pattern, type, results);
            }
        }
    }

    private static void FindLiteral(string text, string term, string type, List<Candidate> results)
    {
        var from = 0;
        while (from <= text.Length - term.Length)
        {
            var at = text.IndexOf(term, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return;
            }

            var end = at + term.Length;
            if (IsBoundary(text, at - 1, term[0]) && IsBoundary(text, end, term[^1]))
            {
                results.Add(new Candidate(new EntitySpan(type, at, end, 1.0, Source), FromModel: false));
            }

            from = at + 1;
        }
    }

    /// <summary>A term edge that is a word character needs a non-word character (or the text's edge) next to it.</summary>
    private static bool IsBoundary(string text, int neighbour, char edge) =>
        !IsWordChar(edge) || neighbour < 0 || neighbour >= text.Length || !IsWordChar(text[neighbour]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static void FindRegex(string text, string pattern, string type, TimeSpan timeout, List<Candidate> results)
    {
        var regex = Regexes.GetOrAdd(
            (pattern, timeout),
            static key => new Regex(key.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, key.Timeout));
        for (var m = regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (m.Length > 0)
            {
                results.Add(new Candidate(new EntitySpan(type, m.Index, m.Index + m.Length, 1.0, Source), FromModel: false));
            }
        }
    }
}
