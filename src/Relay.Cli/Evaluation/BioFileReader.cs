using System.Text;
using System.Text.RegularExpressions;

namespace StealthRelay.Cli.Evaluation;

/// <summary>
/// Reads token-per-line BIO files: <c>lang:token&lt;TAB&gt;tag</c> (WikiANN; the language prefix of the first line is
/// stripped from every token) or <c>token&lt;TAB&gt;tag</c> (WNUT17 CoNLL), a blank line between sentences. The text
/// is the tokens joined by single spaces; gold spans are decoded as conlleval does (an <c>I-</c> that does not
/// continue an entity of its type starts one) after mapping tag types through <see cref="GoldTagMap"/>.
/// </summary>
internal static partial class BioFileReader
{
    public static List<EvalSentence> Read(string path, GoldTagMap map, int maxSentences)
    {
        var sentences = new List<EvalSentence>();
        var tokens = new List<(string Token, string Tag)>();
        string? languagePrefix = null;
        var first = true;
        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                if (sentences.Count >= maxSentences)
                {
                    break;
                }

                continue;
            }

            var separator = line.LastIndexOf('\t');
            if (separator < 0)
            {
                separator = line.LastIndexOf(' ');
            }

            if (separator <= 0)
            {
                throw new FormatException($"{Path.GetFileName(path)}: a line has no tab-separated tag.");
            }

            var token = line[..separator];
            if (first)
            {
                var match = LanguagePrefix().Match(token);
                languagePrefix = match.Success ? match.Value : null;
                first = false;
            }

            if (languagePrefix is not null && token.StartsWith(languagePrefix, StringComparison.Ordinal))
            {
                token = token[languagePrefix.Length..];
            }

            tokens.Add((token, line[(separator + 1)..].Trim()));
        }

        Flush();
        return sentences.Count > maxSentences ? sentences.GetRange(0, maxSentences) : sentences;

        void Flush()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(Build(tokens, map));
                tokens.Clear();
            }
        }
    }

    private static EvalSentence Build(List<(string Token, string Tag)> tokens, GoldTagMap map)
    {
        var text = new StringBuilder();
        var spans = new List<GoldSpan>();
        string? type = null;
        int start = 0, end = 0;
        foreach (var (token, tag) in tokens)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            var tokenStart = text.Length;
            text.Append(token);
            var (prefix, tagType) = Split(tag);
            var mapped = tagType is null ? null : map.Map(tagType);
            var continues = type is not null && mapped == type && prefix is 'I' or 'E';
            if (!continues)
            {
                Close();
                if (mapped is not null)
                {
                    type = mapped;
                    start = tokenStart;
                }
            }

            if (type is not null)
            {
                end = text.Length;
                if (prefix is 'E' or 'S')
                {
                    Close();
                }
            }
        }

        Close();
        return new EvalSentence(text.ToString(), spans);

        void Close()
        {
            if (type is not null)
            {
                spans.Add(new GoldSpan(type, start, end));
            }

            type = null;
        }
    }

    /// <summary>'B-PER' -> ('B', "PER"); 'O' -> ('O', null); a bare type is read as inside.</summary>
    private static (char Prefix, string? Type) Split(string tag)
    {
        if (tag.Length == 0 || tag == "O")
        {
            return ('O', null);
        }

        if (tag.Length > 2 && tag[1] is '-' or '_')
        {
            return (char.ToUpperInvariant(tag[0]), tag[2..]);
        }

        return ('I', tag);
    }

    [GeneratedRegex("^[a-z]{2,3}:(?=.)", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePrefix();
}
