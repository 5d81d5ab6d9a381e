using System.Text;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Recognizers;

/// <summary>Random texts built slot by slot, for tests that hold a cheap gate to the pattern behind it.</summary>
internal static class GeneratedTexts
{
    /// <summary>One random text: a piece from each slot in turn.</summary>
    public static string FromSlots(string[][] slots, Random random)
    {
        var text = new StringBuilder();
        foreach (var slot in slots)
        {
            text.Append(slot[random.Next(slot.Length)]);
        }

        return text.ToString();
    }

    /// <summary>
    /// One random text of one to three parts, each a filler, a key word (passed through <paramref name="writeWord"/>
    /// when given, then in capitals one time in three), a separator, a number and a filler: the input of tests that hold
    /// an anchored scan to the unanchored pattern it stands for.
    /// </summary>
    public static string KeyedNumbers(
        Random random, string[] keyWords, string[] fillers, string[] separators, string[] numbers, Func<string, string>? writeWord = null)
    {
        var text = new StringBuilder();
        for (var part = random.Next(1, 4); part > 0; part--)
        {
            var word = keyWords[random.Next(keyWords.Length)];
            word = writeWord is null ? word : writeWord(word);
            text.Append(fillers[random.Next(fillers.Length)])
                .Append(random.Next(3) == 0 ? word.ToUpperInvariant() : word)
                .Append(separators[random.Next(separators.Length)])
                .Append(numbers[random.Next(numbers.Length)])
                .Append(fillers[random.Next(fillers.Length)]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Asserts that a recognizer built on <see cref="StealthRelay.Redaction.Recognizers.Internal.AnchoredKeyedScan"/>
    /// reports exactly what its unanchored <paramref name="pattern"/> and <paramref name="listItem"/> report through
    /// <see cref="StealthRelay.Redaction.Recognizers.Internal.KeyedNumber.Add"/>, on 20,000 texts of
    /// <see cref="KeyedNumbers"/>, and that at least <paramref name="minMatches"/> numbers were found.
    /// </summary>
    public static void AssertScanFindsWhatPatternFinds(
        IRecognizer recognizer, Regex pattern, Regex listItem, string[] keyWords, string[] fillers, string[] separators, string[] numbers, int seed, int minMatches)
    {
        var type = recognizer.SupportedEntities[0];
        var source = recognizer.GetType().Name;
        var random = new Random(seed);
        var matched = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var input = KeyedNumbers(random, keyWords, fillers, separators, numbers);
            var expected = new List<EntitySpan>();
            StealthRelay.Redaction.Recognizers.Internal.KeyedNumber.Add(pattern, input, 1, int.MaxValue, type, source, expected, listItem);
            var actual = new List<EntitySpan>();
            recognizer.Analyze(input, actual);
            Assert.True(expected.SequenceEqual(actual), $"differs on: {input}");
            matched += expected.Count;
        }

        Assert.True(matched > minMatches, $"only {matched} matches: the generator no longer exercises the pattern");
    }

    /// <summary>
    /// Asserts that a key-word gate never hides a match of the pattern behind it: <paramref name="count"/> texts of a
    /// key word from <paramref name="keyWords"/> in random case (some letters swapped for characters the regex may fold
    /// onto them: the Kelvin sign for k, the long s for s) followed by a piece of each slot; every text the pattern
    /// matches must open the gate, and at least <paramref name="minMatches"/> must match.
    /// </summary>
    public static void AssertGateOpensOnEveryMatch(
        Regex pattern, Func<string, bool> gate, string[] keyWords, string[][] slots, int seed, int count, int minMatches)
    {
        var random = new Random(seed);
        var matched = 0;
        for (var i = 0; i < count; i++)
        {
            var text = RandomCase(keyWords[random.Next(keyWords.Length)], random) + FromSlots(slots, random);
            if (pattern.IsMatch(text))
            {
                matched++;
                Assert.True(gate(text), $"gate closed on a match: {text}");
            }
        }

        Assert.True(matched >= minMatches, $"only {matched} texts matched; the generator no longer exercises the pattern");
    }

    private static string RandomCase(string word, Random random)
    {
        var text = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            text.Append((c, random.Next(8)) switch
            {
                ('k', 0) => '\u212A',
                ('s', 0) => '\u017F',
                (_, < 4) => char.ToUpperInvariant(c),
                _ => c,
            });
        }

        return text.ToString();
    }
}
