namespace StealthRelay.Redaction.Placeholders;

/// <summary>
/// Finds text a client sent that already looks like a placeholder (<c>[EMAIL_ADDRESS_1]</c>, any case or spacing).
/// Such a literal is redacted as a value of its own type, <see cref="LiteralType"/>, so it is forwarded as
/// <c>[PLACEHOLDER_n]</c> and restored to the exact literal the client sent: a client-written token can never be
/// restored to another value of the vault.
/// </summary>
/// <remarks>
/// A literal is neutralized when its type part is <see cref="LiteralType"/> or one of the entity types detected
/// anywhere in the request. Those are the only types the vault can hold, so every token the restorer could
/// resolve is covered, while harmless bracketed text such as <c>[Note 1]</c> is left alone.
/// </remarks>
internal static class PlaceholderNeutralizer
{
    /// <summary>Entity type of neutralized placeholder literals. Not PII: not counted as an entity.</summary>
    public const string LiteralType = "PLACEHOLDER";

    /// <summary>Source of neutralized literal spans.</summary>
    public const string Source = "placeholder-literal";

    public static void Find(string text, PlaceholderFormat format, IReadOnlySet<string> knownTypes, List<EntitySpan> results)
    {
        var span = text.AsSpan();
        var first = format.Prefix[0];
        Span<char> buffer = stackalloc char[format.MaxLength];
        var i = 0;
        while (i < span.Length)
        {
            var j = span[i..].IndexOf(first);
            if (j < 0)
            {
                return;
            }

            j += i;
            var length = format.MatchLength(span[j..], out var innerRange);
            if (length > 0 && IsPlaceholderShaped(format, span[j..][innerRange], knownTypes, buffer))
            {
                results.Add(new EntitySpan(LiteralType, j, j + length, 1.0, Source));
                i = j + length;
            }
            else
            {
                i = j + 1;
            }
        }
    }

    private static bool IsPlaceholderShaped(PlaceholderFormat format, ReadOnlySpan<char> inner, IReadOnlySet<string> knownTypes, Span<char> buffer)
    {
        for (var variant = 0; variant < 2; variant++)
        {
            var n = format.WriteCandidate(inner.TrimEnd(" \t"), spacesAsSeparator: variant == 1, buffer, withSuffix: false);
            var candidate = buffer[format.Prefix.Length..n];
            if (format.TrySplit(candidate, out var type, out _)
                && (type.Equals(LiteralType, StringComparison.OrdinalIgnoreCase) || ContainsIgnoreCase(knownTypes, type)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsIgnoreCase(IReadOnlySet<string> set, ReadOnlySpan<char> type)
    {
        foreach (var t in set)
        {
            if (type.Equals(t, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
