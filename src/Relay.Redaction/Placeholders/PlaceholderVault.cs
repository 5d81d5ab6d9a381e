namespace StealthRelay.Redaction.Placeholders;

/// <summary>
/// The mapping of one request. Assigns placeholders in call order (callers walk texts in document order, so
/// numbering follows first appearance), one per (type, normalized value), and remembers the value as first seen.
/// Thread-safe. Clear/Dispose drop every value.
/// </summary>
internal sealed class PlaceholderVault : IPlaceholderVault
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _valueByPlaceholder = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Type, string Key), string> _placeholderByValue = [];
    private readonly Dictionary<string, int> _countByType = new(StringComparer.Ordinal);
    private readonly List<string> _placeholders = [];
    private bool _placeholdersSorted = true;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PlaceholderVault(PlaceholderFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Format = format;
        _lookup = _valueByPlaceholder.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public PlaceholderFormat Format { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _valueByPlaceholder.Count;
            }
        }
    }

    /// <summary>Returns the placeholder of <paramref name="value"/>, assigning the next index of its type if new.</summary>
    public string GetOrAdd(string type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        var upperType = type.ToUpperInvariant();
        var key = (upperType, ValueNormalizer.Normalize(upperType, value));
        lock (_lock)
        {
            if (_placeholderByValue.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var index = _countByType.GetValueOrDefault(upperType) + 1;
            _countByType[upperType] = index;
            var placeholder = Format.Format(upperType, index);
            _placeholderByValue[key] = placeholder;
            _valueByPlaceholder[placeholder] = value;
            _placeholders.Add(placeholder);
            _placeholdersSorted = false;
            return placeholder;
        }
    }

    public bool TryGetValue(ReadOnlySpan<char> placeholder, out string value)
    {
        lock (_lock)
        {
            if (_lookup.TryGetValue(placeholder, out var found))
            {
                value = found;
                return true;
            }
        }

        value = "";
        return false;
    }

    /// <summary>
    /// True when some placeholder starts with <paramref name="prefix"/> (case-insensitive). A stream restorer asks at
    /// every chunk boundary inside a placeholder, so this is a binary search over the placeholders sorted once after
    /// the last one was added (a scan of all of them made restoring thousands of placeholders quadratic).
    /// </summary>
    public bool AnyStartsWith(ReadOnlySpan<char> prefix)
    {
        lock (_lock)
        {
            if (!_placeholdersSorted)
            {
                _placeholders.Sort(StringComparer.OrdinalIgnoreCase);
                _placeholdersSorted = true;
            }

            // Under a case-insensitive ordinal order, the placeholders that start with the prefix follow one another,
            // and the first of them is the first placeholder that does not sort before the prefix.
            var low = 0;
            var high = _placeholders.Count;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (MemoryExtensions.CompareTo(_placeholders[middle], prefix, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < _placeholders.Count && _placeholders[low].AsSpan().StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _valueByPlaceholder.Clear();
            _placeholderByValue.Clear();
            _countByType.Clear();
            _placeholders.Clear();
        }
    }

    public void Dispose() => Clear();
}
