using System.Buffers;
using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// EMAIL_ADDRESS written so that harvesters miss it, as German imprints, signatures and forum posts do:
/// <c>info(at)firma.de</c>, <c>jane [at] example [dot] com</c>, <c>max{at}beispiel{punkt}de</c>, <c>bob (@) example.org</c>,
/// <c>john dot doe (at) gmail (dot) com</c>, and the upper-case words <c>jane AT example DOT com</c>. The <c>at</c> must be
/// bracketed (round, square, curly or angle; also German <c>(ät)</c>, French <c>(arobase)</c>, Dutch
/// <c>(apenstaartje)</c>) or an upper-case word; a dot may be a dot, a bracketed <c>dot</c>, <c>punkt</c>, <c>point</c>,
/// <c>punt</c>, <c>punto</c> or <c>.</c>, or the word <c>dot</c>. With the upper-case <c>AT</c> at least
/// one dot of the domain must be bracketed or the upper-case word <c>DOT</c>, and lower-case letters must be present (an
/// all-capitals "LOOK AT THE DOT COM" is a sentence). The plain lower-case form (<c>john at gmail dot com</c>) is not
/// taken: "look at the dot com bubble" reads the same. The address the writing stands for must be well-formed by
/// <see cref="EmailRecognizer"/>'s rules (local part, domain labels, alphabetic top-level domain). The span is the whole
/// writing, so it is replaced and restored as written. <see cref="RecognizerScores.Structural"/>: the bracketed word and
/// the validated address are the structure; no checksum exists.
/// </summary>
internal sealed partial class ObfuscatedEmailRecognizer : IRecognizer
{
    private const string LocalChar = @"[\p{L}\p{N}_%+-]";
    private const string Label = @"[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?";
    private const string BracketedDot = @"[ \t]*[(\[{<][ \t]*(?:dot|punkt|point|punt|punto|\.)[ \t]*[)\]}>][ \t]*";

    /// <summary>How <c>@</c> is written inside brackets: the sign, <c>at</c>, German <c>ät</c>, French <c>arobase</c>, Dutch <c>apenstaartje</c>.</summary>
    private const string AtWord = "(?:at|@|ät|arobase|apenstaartje)";
    private const string WordDot = @"[ \t]+dot[ \t]+";
    private const string CapitalDot = @" +(?-i:DOT) +";
    private const string BracketedAt =
        @"[ \t]*(?:\([ \t]*" + AtWord + @"[ \t]*\)|\[[ \t]*" + AtWord + @"[ \t]*\]|\{[ \t]*" + AtWord + @"[ \t]*\}|<[ \t]*" + AtWord + @"[ \t]*>)[ \t]*";

    private static readonly SearchValues<char> Closers = SearchValues.Create(")]}>");

    /// <summary>The words of <see cref="AtWord"/>, lower-cased, for the gate.</summary>
    private static readonly string[] AtWords = ["at", "ät", "arobase", "apenstaartje"];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.EmailAddress];

    public IReadOnlyList<string> Context { get; } = ["email", "e-mail", "mail", "contact", "kontakt", "address"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (!MayHold(text))
        {
            return;
        }

        foreach (Match match in WritingPattern().Matches(text))
        {
            if (IsAddress(match))
            {
                results.Add(new EntitySpan(
                    EntityTypes.EmailAddress, match.Index, match.Index + match.Length, RecognizerScores.Structural, nameof(ObfuscatedEmailRecognizer)));
            }
        }
    }

    /// <summary>
    /// The gate: false only where <see cref="WritingPattern"/> cannot match, i.e. there is no closing bracket after
    /// <c>@</c> or a word of <see cref="AtWords"/> (blanks between allowed) and no upper-case word <c>AT</c>.
    /// </summary>
    internal static bool MayHold(string text)
    {
        var closer = text.AsSpan().IndexOfAny(Closers);
        while (closer >= 0)
        {
            var before = closer - 1;
            while (before >= 0 && text[before] is ' ' or '\t')
            {
                before--;
            }

            if (before >= 0 && (text[before] == '@' || EndsWithAtWord(text.AsSpan(0, before + 1))))
            {
                return true;
            }

            var next = text.AsSpan(closer + 1).IndexOfAny(Closers);
            closer = next < 0 ? -1 : closer + 1 + next;
        }

        return text.Contains(" AT ", StringComparison.Ordinal);
    }

    /// <summary>Whether the letters that end <paramref name="text"/> end with a word of <see cref="AtWords"/> (in any case).</summary>
    private static bool EndsWithAtWord(ReadOnlySpan<char> text)
    {
        foreach (var word in AtWords)
        {
            if (text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAddress(Match match)
    {
        var local = match.Groups["local"].Value;
        var domain = match.Groups["domain"].Value;
        if (match.Groups["capitalAt"].Success
            && (!CapitalOrBracketedDotPattern().IsMatch(domain) || !(local + domain).Any(char.IsLower)))
        {
            return false;
        }

        var address = string.Concat(SpelledOutDotPattern().Replace(local, "."), "@", SpelledOutDotPattern().Replace(domain, "."));
        return EmailRecognizer.IsWellFormed(address);
    }

    /// <summary>A local part, an obfuscated <c>at</c>, and a domain of at least two labels joined by dots in any writing.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}._%+-])(?<local>" + LocalChar + "+(?:(?:\\.|" + BracketedDot + "|" + WordDot + ")" + LocalChar + "+)*)" +
        "(?:" + BracketedAt + "|(?<capitalAt> +(?-i:AT) +))" +
        "(?<domain>" + Label + "(?:(?:\\.|" + BracketedDot + "|" + WordDot + ")" + Label + ")+)" +
        @"(?![\p{L}\p{N}-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex WritingPattern();

    /// <summary>A dot written out: bracketed, or the word <c>dot</c> between blanks (any case).</summary>
    [GeneratedRegex(
        BracketedDot + "|" + WordDot,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex SpelledOutDotPattern();

    /// <summary>A dot written out in a way a sentence does not write it: bracketed, or the upper-case word <c>DOT</c>.</summary>
    [GeneratedRegex(
        BracketedDot + "|" + CapitalDot,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex CapitalOrBracketedDotPattern();
}
