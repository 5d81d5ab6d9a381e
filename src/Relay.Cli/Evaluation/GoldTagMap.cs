using StealthRelay.Redaction;

namespace StealthRelay.Cli.Evaluation;

/// <summary>
/// Maps gold tag types (the part after <c>B-</c>/<c>I-</c>) to entity types; an unmapped or empty-mapped type counts
/// as outside. Defaults cover WikiANN/CoNLL (PER, LOC, ORG) and WNUT17 (person, location, corporation, group).
/// </summary>
internal sealed class GoldTagMap
{
    private readonly Dictionary<string, string> _map;

    public GoldTagMap(IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        _map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["PER"] = EntityTypes.Person,
            ["person"] = EntityTypes.Person,
            ["LOC"] = EntityTypes.Location,
            ["location"] = EntityTypes.Location,
            ["ORG"] = EntityTypes.Organization,
            ["corporation"] = EntityTypes.Organization,
            ["group"] = EntityTypes.Organization,
        };
        foreach (var (tag, type) in overrides ?? [])
        {
            _map[tag] = type;
        }
    }

    /// <summary>The entity types gold spans can have: predictions of other types are not scored.</summary>
    public IEnumerable<string> ScoredTypes => _map.Values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);

    public string? Map(string tagType) => _map.TryGetValue(tagType, out var type) && type.Length > 0 ? type : null;
}
