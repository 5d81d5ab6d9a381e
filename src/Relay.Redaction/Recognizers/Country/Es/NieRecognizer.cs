using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Country.Es;

/// <summary>
/// ES_NIE: the foreigner identity number, X/Y/Z, 7 digits and a control letter (dashes or spaces allowed between the
/// parts). X, Y, Z stand for 0, 1, 2 in front of the digits, then the DNI letter rule applies. Scored
/// <see cref="RecognizerScores.Checksum"/>.
/// </summary>
internal sealed partial class NieRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.EsNie];

    public IReadOnlyList<string> Context { get; } = ["nie", "número de identidad de extranjero", "extranjero", "tie", "residencia"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        foreach (var match in NiePattern().EnumerateMatches(text))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (IsValid(value))
            {
                results.Add(new EntitySpan(EntityTypes.EsNie, match.Index, match.Index + match.Length, RecognizerScores.Checksum, nameof(NieRecognizer)));
            }
        }
    }

    internal static bool IsValid(ReadOnlySpan<char> value)
    {
        var number = char.ToUpperInvariant(value[0]) - 'X';
        foreach (var c in value[1..^1])
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (c - '0');
            }
        }

        return NifRecognizer.IsValid(number, value[^1]);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[XYZxyz][- ]?[0-9]{7}[- ]?[A-Za-z](?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NiePattern();
}
