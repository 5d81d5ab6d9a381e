using PhoneNumbers;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// What a national-format number of one region can look like, from libphonenumber metadata: its possible digit
/// counts (plus the trunk prefix) and whether it starts with a trunk prefix of 0 (GB 020..., DE 030..., FR 06...).
/// Lets <see cref="PhoneNumberRecognizer"/> skip regions that cannot match before calling libphonenumber.
/// </summary>
internal sealed record RegionPlan(string Code, int MinDigits, int MaxDigits, bool RequiresLeadingZero)
{
    public static RegionPlan Create(PhoneNumberUtil util, string region)
    {
        var metadata = util.GetMetadataForRegion(region);
        var lengths = metadata.GeneralDesc.PossibleLengthList;
        var min = int.MaxValue;
        var max = 0;
        foreach (var length in lengths)
        {
            min = Math.Min(min, length);
            max = Math.Max(max, length);
        }

        var prefix = metadata.NationalPrefix ?? "";
        return new RegionPlan(region, min == int.MaxValue ? 0 : min, max + prefix.Length, prefix == "0");
    }

    /// <summary>True when a window of <paramref name="digits"/> digits starting with <paramref name="firstDigit"/> may be one national number.</summary>
    public bool CouldHold(int digits, char firstDigit) =>
        digits >= MinDigits && digits <= MaxDigits && (!RequiresLeadingZero || firstDigit == '0');
}
