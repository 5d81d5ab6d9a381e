using System.Globalization;
using System.Text;

namespace StealthRelay.Redaction.Ner;

/// <summary>
/// The case/shape class of a word's original text, fed as the <c>case_ids</c> model input by models that declare it
/// (the shipped model does): the WordPiece ids are lower-cased, this gives back what capitalisation says. Must match
/// <c>training/ner/nerpipe/tokenizer.py</c> <c>case_id</c> exactly: code points by Unicode general category, Lu/Lt
/// upper, Ll lower.
/// </summary>
internal static class WordCase
{
    /// <summary>[CLS], [SEP] and padding.</summary>
    public const long Special = 0;

    public const long Lower = 1;

    public const long Title = 2;

    public const long Upper = 3;

    public const long Mixed = 4;

    public const long Digit = 5;

    public const long Other = 6;

    /// <summary>
    /// No cased letter: <see cref="Digit"/> with a decimal digit, else <see cref="Lower"/> with any other letter (CJK),
    /// else <see cref="Other"/>. Only lower-case letters: <see cref="Lower"/>. Only upper-case: <see cref="Upper"/> with
    /// two or more, else <see cref="Title"/> (an initial, "221B"). One upper-case letter that is the first cased one:
    /// <see cref="Title"/> ("Müller"); anything else <see cref="Mixed"/> ("McDonald").
    /// </summary>
    public static long Classify(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0;
        bool? firstUpper = null;
        bool letter = false, digit = false;
        foreach (var rune in word.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter:
                    upper++;
                    firstUpper ??= true;
                    break;
                case UnicodeCategory.LowercaseLetter:
                    lower++;
                    firstUpper ??= false;
                    break;
                case UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                    letter = true;
                    break;
                case UnicodeCategory.DecimalDigitNumber:
                    digit = true;
                    break;
                default:
                    break;
            }
        }

        if (upper == 0 && lower == 0)
        {
            return digit ? Digit : letter ? Lower : Other;
        }

        if (upper == 0)
        {
            return Lower;
        }

        if (lower == 0)
        {
            return upper >= 2 ? Upper : Title;
        }

        return upper == 1 && firstUpper == true ? Title : Mixed;
    }
}
