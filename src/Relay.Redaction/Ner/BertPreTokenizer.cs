using System.Globalization;
using System.Text;

namespace StealthRelay.Redaction.Ner;

/// <summary>
/// BERT's basic tokenizer, with offsets: splits on whitespace, makes every punctuation character and every CJK
/// ideograph a word of its own, and normalises each word (lower case, accent stripping, control characters removed)
/// for the WordPiece lookup. Offsets always point into the original text, so spans map back exactly.
/// </summary>
internal static class BertPreTokenizer
{
    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Split(string text, List<WordSpan> words)
    {
        var wordStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var codePoint = width == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (IsWhitespace(codePoint))
            {
                Flush(words, ref wordStart, i);
            }
            else if (IsPunctuation(codePoint) || IsCjk(codePoint))
            {
                Flush(words, ref wordStart, i);
                words.Add(new WordSpan(i, i + width));
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }

            i += width;
        }

        Flush(words, ref wordStart, text.Length);
    }

    /// <summary>
    /// The form of a word the vocabulary is looked up with. Returns an empty string when nothing is left (a word made
    /// only of control characters).
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> word, bool lowerCase, bool stripAccents)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c >= 0x80 || char.IsControl(c))
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return lowerCase ? LowerAscii(word) : word.ToString();
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c == '\0' || c == '\uFFFD' || IsControlOrFormat(c))
            {
                continue;
            }

            builder.Append(c);
        }

        var cleaned = lowerCase ? LowerLikePython(builder.ToString()) : builder.ToString();

        if (!stripAccents)
        {
            return cleaned;
        }

        var decomposed = cleaned.Normalize(NormalizationForm.FormD);
        builder.Clear();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lower-cases as Python's <c>str.lower()</c> does (what BERT tokenizers were trained with): the invariant mapping
    /// plus the two full mappings .NET lacks, U+0130 (I with dot) to "i\u0307" and a word-final capital sigma to "ς".
    /// </summary>
    private static string LowerLikePython(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u0130')
            {
                builder.Append("i\u0307");
            }
            else if (c == '\u03A3')
            {
                var final = i > 0 && char.IsLetter(text[i - 1]) && (i + 1 == text.Length || !char.IsLetter(text[i + 1]));
                builder.Append(final ? '\u03C2' : '\u03C3');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text.AsSpan(i, 2).ToString().ToLowerInvariant());
                i++;
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string LowerAscii(ReadOnlySpan<char> word)
    {
        var hasUpper = false;
        foreach (var c in word)
        {
            if (c is >= 'A' and <= 'Z')
            {
                hasUpper = true;
                break;
            }
        }

        if (!hasUpper)
        {
            return word.ToString();
        }

        return string.Create(word.Length, word, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                destination[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });
    }

    private static void Flush(List<WordSpan> words, ref int wordStart, int end)
    {
        if (wordStart >= 0)
        {
            words.Add(new WordSpan(wordStart, end));
            wordStart = -1;
        }
    }

    /// <summary>BERT's definition: space, tab, CR, LF and Unicode Zs (\v, \f, NEL are control characters, dropped).</summary>
    private static bool IsWhitespace(int codePoint) =>
        codePoint is ' ' or '\t' or '\n' or '\r'
        || CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.SpaceSeparator;

    private static bool IsControlOrFormat(char c)
    {
        if (c is '\t' or '\n' or '\r')
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    /// <summary>BERT's definition: the ASCII symbol ranges plus every Unicode punctuation category.</summary>
    private static bool IsPunctuation(int codePoint)
    {
        if (codePoint is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
    }

    private static bool IsCjk(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
