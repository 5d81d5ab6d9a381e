using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.It;

/// <summary>
/// IT_FISCAL_CODE: the 16-character codice fiscale of a person (<c>RSSMRA85T10A562S</c>, either case): surname and
/// name letters, birth year, month letter, day (41-71 for women), municipality code, check letter. Omocodia (digits
/// replaced by L M N P Q R S T U V to resolve collisions) is accepted. The check letter is the sum of the odd-position
/// values (official odd table) and even-position values, mod 26. Scored <see cref="RecognizerScores.Checksum"/>.
/// </summary>
internal sealed class FiscalCodeRecognizer : IRecognizer
{
    /// <summary>Odd-position values for 0-9 and A-Z (a digit counts like the letter of the same index).</summary>
    private static ReadOnlySpan<byte> OddValues =>
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    private const int Length = 16;
    private const string OmocodiaLetters = "LMNPQRSTUV";
    private const string MonthLetters = "ABCDEHLMPRST";

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.ItFiscalCode];

    public IReadOnlyList<string> Context { get; } = ["codice fiscale", "cf", "fiscal code", "tessera sanitaria", "c.f."];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        // Only tokens of exactly 16 ASCII letters/digits, bounded by non-word characters, are candidates.
        Span<char> upper = stackalloc char[Length];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i - start == Length && TextBoundary.IsIsolated(text, start, i))
            {
                text.AsSpan(start, Length).ToUpperInvariant(upper);
                if (HasShape(upper) && IsValid(upper))
                {
                    results.Add(new EntitySpan(EntityTypes.ItFiscalCode, start, i, RecognizerScores.Checksum, nameof(FiscalCodeRecognizer)));
                }
            }
        }
    }

    /// <summary>LLLLLL DD M DD L DDD L, where each D may be an omocodia letter and M is a month letter.</summary>
    internal static bool HasShape(ReadOnlySpan<char> code)
    {
        for (var k = 0; k < Length; k++)
        {
            var c = code[k];
            var ok = k switch
            {
                < 6 or 11 or 15 => char.IsAsciiLetterUpper(c),
                8 => MonthLetters.Contains(c),
                _ => char.IsAsciiDigit(c) || OmocodiaLetters.Contains(c),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="code"/>: 16 upper-case characters in the codice fiscale shape.</summary>
    internal static bool IsValid(ReadOnlySpan<char> code)
    {
        var day = (DigitValue(code[9]) * 10) + DigitValue(code[10]);
        if (day is < 1 or (> 31 and < 41) or > 71)
        {
            return false;
        }

        return ComputeCheckChar(code[..15]) == code[15];
    }

    internal static char ComputeCheckChar(ReadOnlySpan<char> first15)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[index] : index; // position i+1 is odd when i is even
        }

        return (char)('A' + (sum % 26));
    }

    private static int DigitValue(char c) => char.IsAsciiDigit(c) ? c - '0' : OmocodiaLetters.IndexOf(c, StringComparison.Ordinal);
}
