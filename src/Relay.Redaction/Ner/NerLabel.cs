namespace StealthRelay.Redaction.Ner;

/// <summary>A model label resolved against the label map: its position tag and entity type (null: not an entity).</summary>
internal readonly record struct NerLabel(BioTag Tag, string? EntityType)
{
    public static NerLabel Outside { get; } = new(BioTag.Outside, null);

    /// <summary>
    /// Parses <c>B-PER</c>, <c>I_person</c>, <c>S-LOC</c>, <c>L-ORG</c>, <c>U-ORG</c>, bare <c>PER</c> (IO scheme) or
    /// <c>O</c>, and maps the type through <paramref name="labelMap"/> (case-insensitive, empty value = ignored).
    /// </summary>
    public static NerLabel Parse(string label, IDictionary<string, string> labelMap) => Parse(label, labelMap, out _);

    /// <inheritdoc cref="Parse(string, IDictionary{string, string})"/>
    /// <param name="mapped">False when the label's type is not in the map at all (as opposed to mapped to ignored).</param>
    public static NerLabel Parse(string label, IDictionary<string, string> labelMap, out bool mapped)
    {
        mapped = true;
        var trimmed = label.Trim();
        if (trimmed.Length == 0 || trimmed is "O" or "o")
        {
            return Outside;
        }

        var tag = BioTag.Inside;
        var core = trimmed;
        if (trimmed.Length > 2 && trimmed[1] is '-' or '_')
        {
            BioTag? prefix = char.ToUpperInvariant(trimmed[0]) switch
            {
                'B' => BioTag.Begin,
                'I' => BioTag.Inside,
                'E' or 'L' => BioTag.End,
                'S' or 'U' => BioTag.Single,
                _ => null,
            };
            if (prefix is { } p)
            {
                tag = p;
                core = trimmed[2..];
            }
        }

        var type = Lookup(labelMap, core);
        mapped = type is not null;
        return string.IsNullOrEmpty(type) ? Outside : new NerLabel(tag, type);
    }

    private static string? Lookup(IDictionary<string, string> labelMap, string core)
    {
        if (labelMap.TryGetValue(core, out var type))
        {
            return type;
        }

        // A map built without a case-insensitive comparer (e.g. by a configuration binder) is still honoured.
        foreach (var (key, value) in labelMap)
        {
            if (string.Equals(key, core, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
