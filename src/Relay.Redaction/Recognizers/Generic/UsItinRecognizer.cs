using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// US_ITIN: the Individual Taxpayer Identification Number the IRS issues to people who cannot have a social security
/// number, printed like one: <c>9XX-XX-XXXX</c>, <c>9XX XX XXXX</c> or nine plain digits. The IRS rules are checked
/// (first digit 9; the fourth and fifth digits 50-65, 70-88, 90-92 or 94-99), and the SSA's advertising numbers
/// 987-65-4320 to 987-65-4329 and all-same-digit numbers (999-99-9999) are rejected. US_SSN rejects every number that
/// starts with 9, so the two never claim the same digits. There is no check digit, so the score follows the format
/// as for US_SSN (<see cref="AreaGroupSerial"/>): dashed <see cref="RecognizerScores.Structural"/>, spaced
/// <see cref="RecognizerScores.Formatted"/>, plain <see cref="RecognizerScores.ShapeOnly"/> (it needs a context word).
/// </summary>
internal sealed partial class UsItinRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.UsItin];

    public IReadOnlyList<string> Context { get; } = ["itin", "taxpayer", "tax"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        AreaGroupSerial.Add(ItinPattern(), text, IsValid, EntityTypes.UsItin, nameof(UsItinRecognizer), results);
    }

    /// <summary><paramref name="d"/>: the nine digits.</summary>
    internal static bool IsValid(ReadOnlySpan<char> d)
    {
        var group = ((d[3] - '0') * 10) + (d[4] - '0');
        if (d[0] != '9' || group is < 50 or (> 65 and < 70) or 89 or 93)
        {
            return false;
        }

        // 987-65-4320 ... 987-65-4329: reserved by the SSA for advertisements, so printed as examples everywhere.
        return !d[..8].SequenceEqual("98765432") && d.ContainsAnyExcept(d[0]);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])9[0-9]{2}([- ]?)[0-9]{2}\1[0-9]{4}(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex ItinPattern();
}
