using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Country.Es;

/// <summary>
/// ES_NIF: the DNI/NIF of a Spanish national, 8 digits and a control letter (optionally after a dash or space),
/// the letter being <c>TRWAGMYFPDXBNJZSQVHLCKE</c>[n mod 23]. Scored <see cref="RecognizerScores.Checksum"/>.
/// </summary>
internal sealed partial class NifRecognizer : IRecognizer
{
    internal const string ControlLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.EsNif];

    public IReadOnlyList<string> Context { get; } = ["dni", "nif", "documento nacional de identidad", "identidad", "documento"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        foreach (var match in NifPattern().EnumerateMatches(text))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (IsValid(int.Parse(value[..8], provider: System.Globalization.CultureInfo.InvariantCulture), value[^1]))
            {
                results.Add(new EntitySpan(EntityTypes.EsNif, match.Index, match.Index + match.Length, RecognizerScores.Checksum, nameof(NifRecognizer)));
            }
        }
    }

    internal static bool IsValid(int number, char letter) => ControlLetters[number % 23] == char.ToUpperInvariant(letter);

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[0-9]{8}[- ]?[A-Za-z](?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NifPattern();
}
