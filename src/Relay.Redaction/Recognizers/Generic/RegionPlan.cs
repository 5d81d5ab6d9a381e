using PhoneNumbers;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// What a number written in one region's way can look like, from libphonenumber metadata: its possible national digit
/// counts (plus the trunk prefix), whether it starts with a trunk prefix of 0 (GB 020..., DE 030..., FR 06...), and the
/// prefix its callers dial before a foreign number (<c>011</c> in North America, <c>00</c> in most of Europe). Lets
/// <see cref="PhoneNumberRecognizer"/> skip regions that cannot match before calling libphonenumber.
/// </summary>
internal sealed record RegionPlan(string Code, int MinDigits, int MaxDigits, bool RequiresLeadingZero, string? InternationalPrefix)
{
    /// <summary>The fewest and most digits an international number has after its dialling prefix, country code included (E.164 allows 15).</summary>
    private const int MinInternationalDigits = 7;

    /// <inheritdoc cref="MinInternationalDigits"/>
    private const int MaxInternationalDigits = 15;

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
        return new RegionPlan(region, min == int.MaxValue ? 0 : min, max + prefix.Length, prefix == "0", DialledPrefix(metadata));
    }

    /// <summary>
    /// True when a window of <paramref name="digits"/> digits written as <paramref name="raw"/> may be one number as
    /// this region's callers write it: a national number, or a foreign one dialled with the region's international
    /// prefix (<c>011 44 20 7946 0958</c> from the US, which no national reading holds whole).
    /// </summary>
    public bool CouldHold(int digits, ReadOnlySpan<char> raw)
    {
        var leading = raw[0] == '(' ? raw[1..] : raw;
        if (digits >= MinDigits && digits <= MaxDigits && (!RequiresLeadingZero || leading[0] == '0'))
        {
            return true;
        }

        return InternationalPrefix is { } idd && leading.StartsWith(idd, StringComparison.Ordinal)
            && digits >= idd.Length + MinInternationalDigits && digits <= idd.Length + MaxInternationalDigits;
    }

    /// <summary>The prefix as dialled: the metadata's pattern where it is plain digits, else its preferred writing, else none.</summary>
    private static string? DialledPrefix(PhoneMetadata metadata)
    {
        var pattern = metadata.InternationalPrefix ?? "";
        if (pattern.Length > 0 && !pattern.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return pattern;
        }

        var preferred = metadata.HasPreferredInternationalPrefix ? metadata.PreferredInternationalPrefix : "";
        return preferred.Length > 0 && !preferred.AsSpan().ContainsAnyExceptInRange('0', '9') ? preferred : null;
    }
}
