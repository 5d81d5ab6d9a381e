using System.Buffers;

namespace StealthRelay.Redaction.Ner;

/// <summary>
/// Turns each word's label probabilities into entity spans by constrained Viterbi decoding: the most probable label
/// sequence in which every <c>I-X</c>/<c>E-X</c> continues a <c>B-X</c> or <c>I-X</c> of the same type. Taking each
/// word's most probable label alone instead (and repairing broken sequences afterwards) cuts names apart or glues
/// the wrong words on when one word of a name is uncertain: on WikiANN-en that costs 7 points of PERSON F1. Types
/// without a <c>B-</c> label in the model (IO schemes) may start with <c>I-</c>. <c>B-</c>/<c>S-</c> always start an
/// entity, <c>E-</c>/<c>S-</c> end one. A word whose most probable label is an entity label is never decoded as outside
/// (the decoder fixes which entity a word belongs to, it does not drop what the model flagged). A span never starts or
/// ends with a separator word (a dash, comma, colon, semicolon, slash, bar, or a bracket that does not pair with one
/// inside the span): in lists such as <c>Robert Bly - Hart Crane</c> the model often carries the name's label onto the
/// dash after it, and <c>Robert Bly -</c> would get another placeholder than <c>Robert Bly</c> elsewhere in the
/// conversation; a span of separators alone is dropped (punctuation is no one's data). No span crosses a line break:
/// where the model runs one on into the next line (a sign-off such as <c>Regards</c> above the sender's name, a city
/// under a street), it becomes one span per line, all of the same type. A span's score is the
/// mean over its words of the probability that the word is part of some entity (one minus that of the outside
/// labels): what decides redaction is whether the words are PII, not which type; where <c>O</c> is the only outside
/// label (our models), a word the model flags has more than 0.5, so the default minimum score keeps what it found. Built once per model; thread-safe.
/// </summary>
internal sealed class EntityDecoder
{
    public const string Source = "ner";

    private const float Impossible = float.NegativeInfinity;

    /// <summary>Line feed, carriage return, vertical tab, form feed, next line, line and paragraph separators.</summary>
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\v\f\u0085\u2028\u2029");
    private readonly NerLabel[] _labels;

    /// <summary>Labels in the order ties are broken: entity labels first (fail towards redacting), then outside ones.</summary>
    private readonly int[] _tieOrder;

    /// <summary>Per label the labels that may precede it, in <see cref="_tieOrder"/>; null: any label (and it may start).</summary>
    private readonly int[]?[] _predecessors;

    public EntityDecoder(IReadOnlyList<NerLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = [.. labels];
        var typesWithBegin = _labels.Where(l => l.Tag is BioTag.Begin && l.EntityType is not null)
            .Select(l => l.EntityType!).ToHashSet(StringComparer.Ordinal);
        _tieOrder = [.. Enumerable.Range(0, _labels.Length).OrderBy(i => _labels[i].EntityType is null ? 1 : 0)];
        _predecessors = new int[]?[_labels.Length];
        for (var current = 0; current < _labels.Length; current++)
        {
            var label = _labels[current];
            if (label.EntityType is not null && label.Tag is BioTag.Inside or BioTag.End && typesWithBegin.Contains(label.EntityType))
            {
                _predecessors[current] = [.. _tieOrder.Where(p =>
                    _labels[p].EntityType == label.EntityType && _labels[p].Tag is BioTag.Begin or BioTag.Inside)];
            }
        }
    }

    public int LabelCount => _labels.Length;

    /// <param name="text">The text the word offsets point into.</param>
    /// <param name="words">Word offsets.</param>
    /// <param name="tokenLogProbabilities">Per token <see cref="LabelCount"/> label log-probabilities, token after token.</param>
    /// <param name="wordFirstToken">
    /// Per word the token whose probabilities it takes (its first); -1 for a word that produced no token (only control
    /// characters): it is skipped.
    /// </param>
    public List<EntitySpan> Decode(ReadOnlySpan<char> text, ReadOnlySpan<WordSpan> words, ReadOnlySpan<float> tokenLogProbabilities, ReadOnlySpan<int> wordFirstToken)
    {
        var count = _labels.Length;
        if (wordFirstToken.Length != words.Length || tokenLogProbabilities.Length % count != 0)
        {
            throw new ArgumentException(
                $"Expected one first token per word ({words.Length}) and {count} log-probabilities per token; got {wordFirstToken.Length} and {tokenLogProbabilities.Length}.",
                nameof(tokenLogProbabilities));
        }

        foreach (var token in wordFirstToken)
        {
            if (token >= tokenLogProbabilities.Length / count)
            {
                throw new ArgumentOutOfRangeException(nameof(wordFirstToken), "A word's first token is past the last token.");
            }
        }

        foreach (var word in words)
        {
            if (word.Start < 0 || word.End > text.Length || word.End < word.Start)
            {
                throw new ArgumentOutOfRangeException(nameof(words), "A word's offsets are outside the text.");
            }
        }

        var path = BestPath(tokenLogProbabilities, wordFirstToken);
        return ToSpans(text, words, tokenLogProbabilities, wordFirstToken, path);
    }

    /// <summary>The most probable allowed label per word (-1 for skipped words); ties go by <see cref="_tieOrder"/>.</summary>
    private int[] BestPath(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> wordFirstToken)
    {
        var count = _labels.Length;
        var path = new int[wordFirstToken.Length];
        Array.Fill(path, -1);
        var labelled = wordFirstToken.Length - wordFirstToken.Count(-1);
        if (labelled == 0)
        {
            return path;
        }

        // back[step * count + label]: the previous labelled word's label on the best path giving this one (its step-th) label.
        var back = ArrayPool<int>.Shared.Rent(labelled * count);
        var score = new float[count];
        var next = new float[count];
        var step = 0;
        var lastWord = -1;
        for (var w = 0; w < wordFirstToken.Length; w++)
        {
            if (wordFirstToken[w] < 0)
            {
                continue;
            }

            var emission = logProbabilities.Slice(wordFirstToken[w] * count, count);
            var entityOnly = _labels[ArgMax(emission)].EntityType is not null;
            if (step == 0)
            {
                for (var current = 0; current < count; current++)
                {
                    next[current] = _predecessors[current] is null ? Emission(emission, current, entityOnly) : Impossible;
                }
            }
            else
            {
                // Most labels may follow any label: the best predecessor is found once per word.
                var any = _tieOrder[0];
                foreach (var previous in _tieOrder)
                {
                    if (score[previous] > score[any])
                    {
                        any = previous;
                    }
                }

                for (var current = 0; current < count; current++)
                {
                    var from = any;
                    if (_predecessors[current] is { } allowed)
                    {
                        from = allowed[0];
                        foreach (var previous in allowed)
                        {
                            if (score[previous] > score[from])
                            {
                                from = previous;
                            }
                        }
                    }

                    next[current] = score[from] + Emission(emission, current, entityOnly);
                    back[(step * count) + current] = from;
                }
            }

            (score, next) = (next, score);
            path[w] = step; // the word's step until the walk back below replaces it with its label
            step++;
            lastWord = w;
        }

        var state = _tieOrder[0];
        foreach (var label in _tieOrder)
        {
            if (score[label] > score[state])
            {
                state = label;
            }
        }

        for (var w = lastWord; w >= 0; w--)
        {
            if (path[w] < 0)
            {
                continue;
            }

            var wordStep = path[w];
            path[w] = state;
            if (wordStep > 0)
            {
                state = back[(wordStep * count) + state];
            }
        }

        ArrayPool<int>.Shared.Return(back);
        return path;
    }

    /// <summary>A word whose most probable label is an entity label stays an entity: decoding may change its type or
    /// where its entity starts, never drop it (fail towards redacting).</summary>
    private float Emission(ReadOnlySpan<float> emission, int label, bool entityOnly) =>
        entityOnly && _labels[label].EntityType is null ? Impossible : emission[label];

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private List<EntitySpan> ToSpans(ReadOnlySpan<char> text, ReadOnlySpan<WordSpan> words, ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> wordFirstToken, int[] path)
    {
        var count = _labels.Length;
        var spans = new List<EntitySpan>();
        var members = new List<(int Word, double Probability)>();
        string? type = null;

        for (var w = 0; w < words.Length; w++)
        {
            if (wordFirstToken[w] < 0)
            {
                continue;
            }

            var label = _labels[path[w]];
            var continues = type is not null && label.EntityType == type && label.Tag is BioTag.Inside or BioTag.End;
            if (!continues || IsLineBreakBefore(text, words, members, w))
            {
                Close(text, words, spans);
                type = label.EntityType;
            }

            if (type is not null)
            {
                members.Add((w, EntityProbability(logProbabilities.Slice(wordFirstToken[w] * count, count))));
                if (label.Tag is BioTag.End or BioTag.Single)
                {
                    Close(text, words, spans);
                }
            }
        }

        Close(text, words, spans);
        return spans;

        void Close(ReadOnlySpan<char> text, ReadOnlySpan<WordSpan> words, List<EntitySpan> into)
        {
            if (type is not null)
            {
                var (first, last) = TrimSeparators(text, words, members);
                if (first <= last)
                {
                    double sum = 0;
                    for (var m = first; m <= last; m++)
                    {
                        sum += members[m].Probability;
                    }

                    var start = words[members[first].Word].Start;
                    var end = words[members[last].Word].End;
                    into.Add(new EntitySpan(type, start, end, Math.Min(1.0, sum / (last - first + 1)), Source));
                }
            }

            type = null;
            members.Clear();
        }
    }

    /// <summary>Whether a line break lies between the span's last word so far and word <paramref name="w"/>.</summary>
    private static bool IsLineBreakBefore(ReadOnlySpan<char> text, ReadOnlySpan<WordSpan> words, List<(int Word, double Probability)> members, int w) =>
        members.Count > 0 && text[words[members[^1].Word].End..words[w].Start].ContainsAny(LineBreaks);

    /// <summary>
    /// The first and last member that are not separators at the span's edges (first greater than last when every
    /// member is one). A bracket stays where the span holds its partner: <c>Michael Gorman ( librarian )</c>.
    /// </summary>
    private static (int First, int Last) TrimSeparators(ReadOnlySpan<char> text, ReadOnlySpan<WordSpan> words, List<(int Word, double Probability)> members)
    {
        // Each member's only character ('\0' for a word of more than one): punctuation words are one character long.
        var chars = members.Count <= 64 ? stackalloc char[members.Count] : new char[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            var word = words[members[m].Word];
            chars[m] = word.End - word.Start == 1 ? text[word.Start] : '\0';
        }

        int first = 0, last = members.Count - 1;
        while (first <= last)
        {
            var kept = chars[first..(last + 1)];
            if (IsEdgeSeparator(chars[last], atEnd: true, kept))
            {
                last--;
            }
            else if (IsEdgeSeparator(chars[first], atEnd: false, kept))
            {
                first++;
            }
            else
            {
                break;
            }
        }

        return (first, last);
    }

    private static bool IsEdgeSeparator(char c, bool atEnd, ReadOnlySpan<char> span) => c switch
    {
        '-' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or ',' or ':' or ';' or '/' or '|' => true,
        '(' or '[' or '{' => atEnd || span.Count(Closing(c)) < span.Count(c),
        ')' or ']' or '}' => !atEnd || span.Count(Opening(c)) < span.Count(c),
        _ => false,
    };

    private static char Closing(char opening) => opening switch { '(' => ')', '[' => ']', _ => '}' };

    private static char Opening(char closing) => closing switch { ')' => '(', ']' => '[', _ => '{' };

    /// <summary>The probability that the word is part of some entity: one minus that of the outside labels.</summary>
    private double EntityProbability(ReadOnlySpan<float> logRow)
    {
        double sum = 0;
        for (var label = 0; label < logRow.Length; label++)
        {
            if (_labels[label].EntityType is not null)
            {
                sum += Math.Exp(logRow[label]);
            }
        }

        return sum;
    }
}
