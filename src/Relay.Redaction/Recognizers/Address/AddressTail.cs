using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// Extends a street address over the postcode and city written directly after it, so the whole address becomes
/// one placeholder: <c>, 10115 Berlin</c>, <c>75002 Paris</c>, <c>, 1016 GV Amsterdam</c>,
/// <c>, Springfield, IL 62704</c>, <c>, London NW1 6XE</c>.
/// </summary>
internal static class AddressTail
{
    /// <summary>The end of the flat/room/floor parts written right after <paramref name="end"/>, or <paramref name="end"/>.</summary>
    public static int ExtendUnits(string text, int end)
    {
        if (end >= text.Length)
        {
            return end;
        }

        var m = StreetAddressPatterns.Unit().Match(text, end);
        return m.Success ? m.Index + m.Length : end;
    }

    /// <summary>The end of a valid postcode/city tail starting at <paramref name="end"/>, or -1 when there is none.</summary>
    public static int Extend(string text, int end, bool lowerCaseRegion)
    {
        if (end >= text.Length)
        {
            return -1;
        }

        var m = StreetAddressPatterns.Tail().Match(text, end);
        if (!m.Success)
        {
            return -1;
        }

        var city = m.Groups["city"];
        var state = m.Groups["state"];
        if (state.Success)
        {
            // US: the city is fenced by commas, so every word must be a name word; the state code must exist.
            var code = text.AsSpan(state.Index, 2);
            return AddressWords.IsUsState(code) && (CaseFits(code, lowerCaseRegion) || m.Groups["zip"].Success)
                && StreetCandidates.AllNameWords(text.AsSpan(city.Index, city.Length), lowerCaseRegion, particles: true)
                ? m.Index + m.Length : -1;
        }

        var uk = m.Groups["uk"];
        if (uk.Success)
        {
            var cityOk = !city.Success || StreetCandidates.AllNameWords(text.AsSpan(city.Index, city.Length), lowerCaseRegion, particles: true);
            return cityOk && CaseFits(text.AsSpan(uk.Index, uk.Length), lowerCaseRegion) ? m.Index + m.Length : -1;
        }

        var nl = m.Groups["nl"];
        if (nl.Success && !CaseFits(nl.ValueSpan, lowerCaseRegion))
        {
            return -1;
        }

        return CityEnd(text, city, lowerCaseRegion);
    }

    /// <summary>
    /// The end of the city after a postcode: the first word must be a name word, later words may be particles or
    /// name words (<c>Frankfurt am Main</c>). Lower-case text keeps one word only.
    /// </summary>
    private static int CityEnd(string text, Group city, bool lowerCaseRegion) =>
        AddressWords.NameRunEnd(text, city.Index, city.Index + city.Length, lowerCaseRegion, lowerCaseRegion ? 1 : 3, leadingParticles: false, out _);

    /// <summary>Postcode letters and state codes are upper-case unless the whole region is written in lower case.</summary>
    private static bool CaseFits(ReadOnlySpan<char> value, bool lowerCaseRegion) =>
        lowerCaseRegion || !value.ContainsAnyInRange('a', 'z');
}
