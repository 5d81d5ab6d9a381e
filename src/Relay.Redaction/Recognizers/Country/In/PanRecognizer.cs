using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Country.In;

/// <summary>
/// IN_PAN (Presidio's name): India's Permanent Account Number for income tax, ten characters: three letters, the
/// holder type (P person, C company, H Hindu undivided family, F firm, A association, T trust, B body of individuals,
/// L local authority, J artificial juridical person, G government), the first letter of the surname or name, four
/// digits and a check letter whose algorithm is not published (<c>AAAPL1234C</c>). Upper case, as a whole token. With no
/// check to apply and the shape shared with product codes, it scores <see cref="RecognizerScores.ShapeOnly"/>: a
/// context word before it (PAN, income tax, ...) lifts it.
/// </summary>
internal sealed partial class PanRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.InPan];

    public IReadOnlyList<string> Context { get; } = ["pan", "pan card", "permanent account number", "income tax", "itr", "tds"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        foreach (var match in PanPattern().EnumerateMatches(text))
        {
            results.Add(new EntitySpan(EntityTypes.InPan, match.Index, match.Index + match.Length, RecognizerScores.ShapeOnly, nameof(PanRecognizer)));
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z](?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex PanPattern();
}
