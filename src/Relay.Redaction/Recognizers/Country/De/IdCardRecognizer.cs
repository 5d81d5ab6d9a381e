using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Country.De;

/// <summary>
/// DE_ID_CARD: the serial number of a German Personalausweis issued since November 2010: nine characters from
/// <c>CFGHJKLMNPRTVWXYZ0-9</c>, the first a letter, then the check digit (weights 7-3-1, letters A=10 ... Z=35,
/// sum mod 10), as printed on the card and in the MRZ (<c>T22000129</c> + <c>3</c>). Upper case only. One random
/// code in ten passes the check: scored <see cref="RecognizerScores.WeakChecksum"/>.
/// </summary>
internal sealed partial class IdCardRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.DeIdCard];

    public IReadOnlyList<string> Context { get; } = ["personalausweis", "ausweis", "ausweisnummer", "id card", "identity card", "perso"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        foreach (var match in IdCardPattern().EnumerateMatches(text))
        {
            if (IsValid(text.AsSpan(match.Index, match.Length)))
            {
                results.Add(new EntitySpan(EntityTypes.DeIdCard, match.Index, match.Index + match.Length, RecognizerScores.WeakChecksum, nameof(IdCardRecognizer)));
            }
        }
    }

    internal static bool IsValid(ReadOnlySpan<char> value) =>
        value.Length == 10 && ComputeCheckDigit(value[..9]) == value[9] - '0';

    internal static int ComputeCheckDigit(ReadOnlySpan<char> serial)
    {
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < serial.Length; i++)
        {
            var c = serial[i];
            var v = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i % 3];
        }

        return sum % 10;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}[0-9](?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex IdCardPattern();
}
