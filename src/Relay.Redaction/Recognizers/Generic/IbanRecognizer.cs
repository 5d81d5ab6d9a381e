using System.Collections.Frozen;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// IBAN_CODE: country code, two check digits and the BBAN, compact (<c>DE89370400440532013000</c>) or printed in
/// groups of four (<c>DE89 3704 0044 0532 0130 00</c>). The length must be the one the SWIFT IBAN registry gives for
/// the country, and the ISO 7064 mod-97 check must give 1. Letters may be lower case.
/// </summary>
internal sealed class IbanRecognizer : IRecognizer
{
    /// <summary>IBAN length per country (SWIFT IBAN registry).</summary>
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LengthLookup =
        Lengths.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxLength = 34;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.IbanCode];

    public IReadOnlyList<string> Context { get; } = ["iban", "account", "bank", "konto", "kontonummer", "compte", "cuenta", "conto", "transfer", "wire"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> compact = stackalloc char[MaxLength];
        // Candidates start with two letters and two digits, right after a non-word character.
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]) || !char.IsAsciiLetter(text[i + 1]) || !char.IsAsciiDigit(text[i + 2])
                || !char.IsAsciiDigit(text[i + 3]) || (i > 0 && TextBoundary.IsWordChar(text[i - 1])))
            {
                continue;
            }

            if (!LengthLookup.TryGetValue(text.AsSpan(i, 2), out var length))
            {
                continue;
            }

            var end = TryRead(text, i, length, compact);
            if (end > 0 && IsValidChecksum(compact[..length]))
            {
                results.Add(new EntitySpan(EntityTypes.IbanCode, i, end, RecognizerScores.Checksum, nameof(IbanRecognizer)));
                i = end - 1;
            }
        }
    }

    /// <summary>Reads exactly <paramref name="length"/> characters, compact or in space-separated groups of four; returns the end or -1.</summary>
    private static int TryRead(string text, int start, int length, Span<char> compact)
    {
        compact[0] = char.ToUpperInvariant(text[start]);
        compact[1] = char.ToUpperInvariant(text[start + 1]);
        compact[2] = text[start + 2];
        compact[3] = text[start + 3];
        var grouped = start + 4 < text.Length && text[start + 4] == ' ';
        var j = start + 4;
        for (var n = 4; n < length; n++)
        {
            if (grouped && n % 4 == 0)
            {
                if (j >= text.Length || text[j] != ' ')
                {
                    return -1;
                }

                j++;
            }

            if (j >= text.Length || !char.IsAsciiLetterOrDigit(text[j]))
            {
                return -1;
            }

            compact[n] = char.ToUpperInvariant(text[j]);
            j++;
        }

        return j < text.Length && TextBoundary.IsWordChar(text[j]) ? -1 : j;
    }

    /// <summary>ISO 7064 mod 97-10: move the first four characters to the end, letters to 10..35, remainder must be 1.</summary>
    internal static bool IsValidChecksum(ReadOnlySpan<char> iban) =>
        Mod97.Append(iban[..4], Mod97.Append(iban[4..], 0)) == 1;
}
