using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Privacy;

/// <summary>
/// Applies <c>Relay:Privacy:UserIdMode</c> to the (already redacted) body: OpenAI top-level <c>user</c> and
/// <c>safety_identifier</c>, Anthropic <c>metadata.user_id</c>. Edits the bytes in place of the value (or removes the
/// property) so everything else is forwarded byte for byte.
/// </summary>
internal sealed class UserIdScrubber(IOptions<RelayOptions> options, UserIdPseudonymizer pseudonymizer)
{
    private static readonly byte[] s_user = "user"u8.ToArray();
    private static readonly byte[] s_safetyIdentifier = "safety_identifier"u8.ToArray();
    private static readonly byte[] s_metadata = "metadata"u8.ToArray();
    private static readonly byte[] s_userId = "user_id"u8.ToArray();

    public UserIdMode Mode => options.Value.Privacy.UserIdMode;

    public ReadOnlyMemory<byte> Apply(ReadOnlyMemory<byte> body, ApiFamily family)
    {
        var mode = Mode;
        if (mode == UserIdMode.Keep || body.IsEmpty)
        {
            return body;
        }

        var span = body.Span;
        // Fast path: skip the scan when no target name can be present (a name may be escaped, so any \u escape scans).
        var marker = family == ApiFamily.Anthropic ? s_metadata : s_user;
        if (span.IndexOf(marker) < 0 && span.IndexOf("\\u"u8) < 0 && (family != ApiFamily.OpenAI || span.IndexOf(s_safetyIdentifier) < 0))
        {
            return body;
        }

        var edits = FindEdits(span, family, mode);
        return edits.Count == 0 ? body : ApplyEdits(span, edits);
    }

    private List<Edit> FindEdits(ReadOnlySpan<byte> json, ApiFamily family, UserIdMode mode)
    {
        var edits = new List<Edit>();
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return edits;
        }

        ScanObject(ref reader, json, family, mode, inMetadata: false, edits);
        return edits;
    }

    private void ScanObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ApiFamily family, UserIdMode mode, bool inMetadata, List<Edit> edits)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var isTarget = family == ApiFamily.OpenAI
                ? !inMetadata && (reader.ValueTextEquals(s_user) || reader.ValueTextEquals(s_safetyIdentifier))
                : inMetadata && reader.ValueTextEquals(s_userId);
            var isMetadata = family == ApiFamily.Anthropic && !inMetadata && reader.ValueTextEquals(s_metadata);

            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            var valueType = reader.TokenType;
            if (isMetadata && valueType == JsonTokenType.StartObject)
            {
                ScanObject(ref reader, json, family, mode, inMetadata: true, edits);
                continue;
            }

            string? stringValue = valueType == JsonTokenType.String ? reader.GetString() : null;
            if (valueType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            var valueEnd = (int)reader.BytesConsumed;
            if (!isTarget || valueType == JsonTokenType.Null)
            {
                continue;
            }

            if (mode == UserIdMode.Remove)
            {
                edits.Add(RemovalOf(json, nameStart, valueEnd, edits.Count > 0 ? edits[^1].End : 0));
            }
            else
            {
                var id = stringValue is null ? json[valueStart..valueEnd] : Encoding.UTF8.GetBytes(stringValue);
                var pseudonym = JsonSerializer.SerializeToUtf8Bytes(pseudonymizer.Pseudonymize(id));
                edits.Add(new Edit(valueStart, valueEnd, pseudonym));
            }
        }
    }

    /// <summary>Removes a property with one neighbouring comma: the preceding one when free, else the following one.</summary>
    private static Edit RemovalOf(ReadOnlySpan<byte> json, int start, int end, int previousEditEnd)
    {
        var before = start - 1;
        while (before >= 0 && IsWhitespace(json[before]))
        {
            before--;
        }

        if (before >= previousEditEnd && before >= 0 && json[before] == (byte)',')
        {
            return new Edit(before, end, []);
        }

        var after = end;
        while (after < json.Length && IsWhitespace(json[after]))
        {
            after++;
        }

        return after < json.Length && json[after] == (byte)','
            ? new Edit(start, after + 1, [])
            : new Edit(start, end, []);
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static byte[] ApplyEdits(ReadOnlySpan<byte> json, List<Edit> edits)
    {
        var output = new List<byte>(json.Length);
        var position = 0;
        foreach (var edit in edits)
        {
            output.AddRange(json[position..edit.Start]);
            output.AddRange(edit.Replacement);
            position = edit.End;
        }

        output.AddRange(json[position..]);
        return [.. output];
    }

    private readonly record struct Edit(int Start, int End, byte[] Replacement);
}
