using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// CARD_SECURITY_CODE: the three or four digits printed on a payment card to prove it is at hand (CVV, CVC, CSC),
/// which card rules (PCI DSS) forbid keeping at all. The digits alone are any small number, so only a named code
/// counts: a key word (<c>CVV</c>, <c>CVC2</c>, <c>security code</c>, <c>Kartenprüfnummer</c>, <c>cryptogramme
/// visuel</c>, <c>beveiligingscode</c>, <c>código de seguridad</c>, <c>codice di sicurezza</c>) and right after it,
/// past a colon, an equals sign or "is", the number. The span is the number; the key word stays, so the model still
/// reads what the value was. <see cref="RecognizerScores.Structural"/>: no checksum exists, the key word is the
/// structure.
/// </summary>
internal sealed partial class CardSecurityCodeRecognizer : IRecognizer
{
    /// <summary>A word every key word holds: the regex runs only on texts with one.</summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["cvv", "cvc", "security", "verification", "kartenprüfnummer", "cryptogramme", "sécurité", "beveiligingscode",
            "seguridad", "sicurezza"],
        StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.CardSecurityCode];

    public IReadOnlyList<string> Context { get; } = ["card", "karte", "carte", "kaart", "tarjeta", "carta", "payment"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        if (!text.AsSpan().ContainsAny(KeyWords))
        {
            return;
        }

        foreach (Match match in CodePattern().Matches(text))
        {
            // Only the end can run on into a longer number: a key word stands before the digits (so "CVV #123" is a code,
            // where a "#" before a bare number would mark a reference).
            var number = match.Groups["num"];
            if (!TextBoundary.ContinuesAsNumber(text, number.Index + number.Length))
            {
                results.Add(new EntitySpan(
                    EntityTypes.CardSecurityCode, number.Index, number.Index + number.Length, RecognizerScores.Structural, nameof(CardSecurityCodeRecognizer)));
            }
        }
    }

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:cvv2?|cvc2?|(?:card[ \t\u00A0]+)?security[ \t\u00A0]+code|card[ \t\u00A0]+verification(?:[ \t\u00A0]+(?:value|code))?" +
        @"|kartenprüfnummer|cryptogramme(?:[ \t\u00A0]+visuel)?|code[ \t\u00A0]+de[ \t\u00A0]+sécurité|beveiligingscode" +
        @"|c[óo]digo[ \t\u00A0]+de[ \t\u00A0]+seguridad|codice[ \t\u00A0]+di[ \t\u00A0]+sicurezza)" +
        @"(?:[ \t\u00A0]+(?:code|number|nummer|no\.?|nr\.?))?" +
        @"(?:[ \t\u00A0]*[:=#][ \t\u00A0]*|[ \t\u00A0]+(?:is|ist|est|es|è)?[ \t\u00A0]*|[ \t\u00A0]*\([^)\n]{0,20}\)[ \t\u00A0]*:?[ \t\u00A0]*)" +
        @"(?<num>[0-9]{3,4})(?![\p{L}\p{N}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex CodePattern();
}
