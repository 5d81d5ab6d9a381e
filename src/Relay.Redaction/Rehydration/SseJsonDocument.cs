using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// A reusable, flat parse of one stream event's JSON, for the per-event path of the stream restorers: values are
/// <see cref="SseJsonToken"/> structs in one array and property names are unescaped UTF-8 in one buffer, both kept
/// across events, so parsing an ordinary event allocates nothing. It accepts exactly what
/// <see cref="JsonSyntaxTree.Parse"/> accepts (strict JSON, depth 128, every string and name decodable, duplicate
/// names rejected after unescaping), so an event is restored or passed through as before. Values are referred to by
/// index; -1 stands for "absent", which the lookups (<see cref="Is"/>, <see cref="Property"/>, <see cref="FirstChild"/>,
/// <see cref="ValueEquals"/>) take.
/// </summary>
internal sealed partial class SseJsonDocument
{
    /// <summary>The index of the root value after a successful <see cref="TryParse"/>.</summary>
    public const int Root = 0;

    private const int MaxDepth = 128;

    /// <summary>Objects with more members than this check duplicates with a hash set (allocates; rare in events).</summary>
    private const int LinearDuplicateCheck = 16;

    /// <summary>Events larger than this do not keep their grown buffers.</summary>
    private const int KeepBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SseJsonToken[] _tokens = new SseJsonToken[32];
    private int _count;
    private byte[] _names = new byte[256];
    private int _namesLength;
    private char[] _chars = new char[256];
    private byte[] _unescaped = new byte[64];

    /// <summary>Parses <paramref name="utf8"/>; false where <see cref="JsonSyntaxTree.Parse"/> would throw.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8)
    {
        _count = 0;
        _namesLength = 0;
        if (_tokens.Length * 32 > KeepBytes)
        {
            _tokens = new SseJsonToken[32];
        }

        if (_names.Length > KeepBytes)
        {
            _names = new byte[256];
        }

        if (_chars.Length > KeepBytes)
        {
            _chars = new char[256];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read())
            {
                return false;
            }

            ReadValue(ref reader, 0, 0);
            if (reader.Read())
            {
                _count = 0;
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            _count = 0;
            return false;
        }
    }

    public bool Is(int value, JsonKind kind) => (uint)value < (uint)_count && _tokens[value].Kind == kind;

    public bool IsString(int value) => Is(value, JsonKind.String);

    public int Start(int value) => _tokens[value].Start;

    public int End(int value) => _tokens[value].End;

    /// <summary>The first member of an object or item of an array, or -1.</summary>
    public int FirstChild(int container)
    {
        if (!Is(container, JsonKind.Object) && !Is(container, JsonKind.Array))
        {
            return -1;
        }

        // Values are stored in source order: the next one is the first child exactly when it starts inside.
        var next = container + 1;
        return next < _count && _tokens[next].Start < _tokens[container].End ? next : -1;
    }

    /// <summary>The next member or item of the same parent, or -1.</summary>
    public int Next(int value) => _tokens[value].Next;

    /// <summary>The member of <paramref name="obj"/> whose unescaped name is <paramref name="utf8Name"/>, or -1.</summary>
    public int Property(int obj, ReadOnlySpan<byte> utf8Name)
    {
        if (!Is(obj, JsonKind.Object))
        {
            return -1;
        }

        for (var member = FirstChild(obj); member >= 0; member = _tokens[member].Next)
        {
            if (NameOf(member).SequenceEqual(utf8Name))
            {
                return member;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="member"/> (a member of an object) is named <paramref name="utf8Name"/>.</summary>
    public bool NameEquals(int member, ReadOnlySpan<byte> utf8Name) => NameOf(member).SequenceEqual(utf8Name);

    /// <summary>The decoded name of an object member.</summary>
    public string GetName(int member) => StrictUtf8.GetString(NameOf(member));

    /// <summary>Decodes a string value (cannot throw: the parse checked it decodes).</summary>
    public string GetString(int value, ReadOnlySpan<byte> source)
    {
        ref var token = ref _tokens[value];
        if (token.Kind != JsonKind.String)
        {
            throw new InvalidOperationException("Not a string.");
        }

        if (!token.HasEscapes)
        {
            return StrictUtf8.GetString(source[(token.Start + 1)..(token.End - 1)]);
        }

        var reader = new Utf8JsonReader(source[token.Start..token.End]);
        reader.Read();
        return reader.GetString() ?? "";
    }

    /// <summary>Decodes a string value into a buffer of the document (valid until the next call or parse).</summary>
    public ReadOnlySpan<char> GetChars(int value, ReadOnlySpan<byte> source)
    {
        var token = _tokens[value];
        if (token.Kind != JsonKind.String)
        {
            throw new InvalidOperationException("Not a string.");
        }

        // Neither UTF-8 nor an escape decodes to more UTF-16 code units than it has bytes.
        var raw = source[(token.Start + 1)..(token.End - 1)];
        if (_chars.Length < raw.Length)
        {
            _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        }

        if (!token.HasEscapes)
        {
            return _chars.AsSpan(0, StrictUtf8.GetChars(raw, _chars));
        }

        var reader = new Utf8JsonReader(source[token.Start..token.End]);
        reader.Read();
        return _chars.AsSpan(0, reader.CopyString(_chars));
    }

    /// <summary>
    /// The unescaped UTF-8 of a string value (valid until the next call), or an empty span for any other value.
    /// </summary>
    public ReadOnlySpan<byte> GetUtf8(int value, ReadOnlySpan<byte> source)
    {
        if (!IsString(value))
        {
            return [];
        }

        var token = _tokens[value];
        var raw = source[(token.Start + 1)..(token.End - 1)];
        if (!token.HasEscapes)
        {
            return raw;
        }

        // Unescaping never makes a value longer.
        if (_unescaped.Length < raw.Length)
        {
            _unescaped = new byte[Math.Max(raw.Length, _unescaped.Length * 2)];
        }

        var reader = new Utf8JsonReader(source[token.Start..token.End]);
        reader.Read();
        var n = reader.CopyString(_unescaped);
        return _unescaped.AsSpan(0, n);
    }

    /// <summary>True when <paramref name="value"/> is a string whose decoded text is <paramref name="utf8"/>.</summary>
    public bool ValueEquals(int value, ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> source) =>
        IsString(value) && GetUtf8(value, source).SequenceEqual(utf8);

    private ReadOnlySpan<byte> NameOf(int member)
    {
        var token = _tokens[member];
        return _names.AsSpan(token.NameStart, token.NameLength);
    }
}
