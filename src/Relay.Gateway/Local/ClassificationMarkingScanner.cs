using System.Buffers;
using System.Text;
using System.Text.Json;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// Finds a classification marking in the JSON string values of a request body (every string value, not property
/// names: the human text of every API shape lives in string values, and the rest are short ids). Matching is ordinal
/// and case-sensitive, as banners are written in upper case: <c>SECRET//NOFORN</c> routes, "a secret recipe" does not.
/// A marking that starts or ends with a letter or digit must not touch another letter or digit there, so
/// <c>SECRETARY</c> or <c>UNCLASSIFIED</c>-style words do not match <c>SECRET</c> or <c>CLASSIFIED</c>.
/// </summary>
internal sealed class ClassificationMarkingScanner
{
    /// <summary>
    /// Used when <c>Relay:Routing:ClassificationMarkings</c> is not set: the levels, common caveats and the portion
    /// marks <c>(TS)</c>, <c>(S)</c>, <c>(TS//...)</c>, <c>(S//...)</c>, <c>(C//...)</c>, <c>(R//...)</c>. A bare <c>(C)</c> is
    /// left out on purpose: it is how plain text writes ©.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultMarkings =
    [
        "TOP SECRET", "SECRET", "CONFIDENTIAL", "RESTRICTED",
        "NOFORN", "ORCON", "NOCONTRACT", "PROPIN", "IMCON", "RELIDO", "REL TO",
        "(TS)", "(S)", "(TS//", "(S//", "(C//", "(R//",
    ];

    private readonly byte[][] _markings;

    public ClassificationMarkingScanner(IEnumerable<string> markings)
    {
        ArgumentNullException.ThrowIfNull(markings);
        _markings = [.. markings.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => Encoding.UTF8.GetBytes(m.Trim()))];
    }

    /// <summary>True when any JSON string value holds a marking; false for no marking or a body that is not JSON.</summary>
    public bool ContainsMarking(ReadOnlySpan<byte> json)
    {
        if (_markings.Length == 0)
        {
            return false;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        byte[]? rented = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    continue;
                }

                if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    if (Matches(reader.ValueSpan))
                    {
                        return true;
                    }

                    continue;
                }

                var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                if (rented is null || rented.Length < length)
                {
                    if (rented is not null)
                    {
                        ArrayPool<byte>.Shared.Return(rented, clearArray: true);
                    }

                    rented = ArrayPool<byte>.Shared.Rent(length);
                }

                var written = reader.CopyString(rented);
                if (Matches(rented.AsSpan(0, written)))
                {
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false; // not JSON: the redactor refuses it (fail closed) before anything is forwarded
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    private bool Matches(ReadOnlySpan<byte> text)
    {
        foreach (var marking in _markings)
        {
            var from = 0;
            while (from <= text.Length - marking.Length)
            {
                var at = text[from..].IndexOf(marking);
                if (at < 0)
                {
                    break;
                }

                at += from;
                var end = at + marking.Length;
                var startOk = !IsWordByte(marking[0]) || at == 0 || !IsWordByte(text[at - 1]);
                var endOk = !IsWordByte(marking[^1]) || end == text.Length || !IsWordByte(text[end]);
                if (startOk && endOk)
                {
                    return true;
                }

                from = at + 1;
            }
        }

        return false;
    }

    private static bool IsWordByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b >= 0x80;
}
