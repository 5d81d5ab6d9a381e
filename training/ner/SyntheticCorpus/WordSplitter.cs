using System.Globalization;

namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// BERT BasicTokenizer-style word split: whitespace separates words and every punctuation char is a word of its
/// own (ASCII symbol ranges plus Unicode P* categories, as BERT's <c>_is_punctuation</c>). Control chars are dropped.
/// </summary>
internal static class WordSplitter
{
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || IsPunctuation(c))
            {
                if (start >= 0)
                {
                    words.Add((start, i));
                    start = -1;
                }

                if (IsPunctuation(c))
                {
                    words.Add((i, i + 1));
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            words.Add((start, text.Length));
        }

        return words;
    }

    private static bool IsPunctuation(char c)
    {
        if (c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~')
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
            _ => false,
        };
    }
}
