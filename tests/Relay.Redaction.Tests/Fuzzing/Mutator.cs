using System.Text;

namespace StealthRelay.Redaction.Tests.Fuzzing;

/// <summary>
/// A deterministic, dictionary-aware byte mutator (AFL's havoc stage in miniature): bit flips, random bytes,
/// inserts of JSON/SSE tokens, placeholder-like text and broken UTF-8, deletions, duplications, truncations and
/// splices between corpus files. One to four mutations are stacked per input.
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> corpus, int seed)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "\"", "\\", "{", "}", "[", "]", ",", ":", "null", "true", "0", "-1e999", "\"\"", "{}", "[]", "\\u0000", "\\ud800",
            "\\udc00", "\\ud83d\\ude00", "\\u005b", "\\\"", "\"text\"", "\"content\"", "\"type\"", "\"messages\"", "\"input\"",
            "\"arguments\"", "\"tool_calls\"", "\"role\":\"user\"", "\"type\":\"text\"", "\"delta\"", "\"index\":0",
            "[EMAIL_ADDRESS_1]", "[email_address_1]", "[ EMAIL ADDRESS 1 ]", "[EMAIL_", "ADDRESS_1]", "[PLACEHOLDER_1]",
            "[CREDIT_CARD_1]", "[PHONE_NUMBER_", "[", "_1]", "[Note 1]", "ann@x.io", "4111 1111 1111 1111",
            "DE89 3704 0044 0532 0130 00", "+1 212 555 0143", "078-05-1120", "\n", "\r\n", "\n\n", "\r", "data: ",
            "data:", "event: ", ": ping", "[DONE]", "data: [DONE]\n\n", "é", "😀", "Zoë", "\u2028", "\u00a0",
        }.Select(Encoding.UTF8.GetBytes),
        [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x00], [0xEF, 0xBB, 0xBF],
    ];

    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        var data = new List<byte>(corpus[_random.Next(corpus.Count)]);
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            Mutate(data);
        }

        return [.. data];
    }

    private void Mutate(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count + 1);
        switch (_random.Next(9))
        {
            case 0 when data.Count > 0:
                var bit = Math.Min(at, data.Count - 1);
                data[bit] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[Math.Min(at, data.Count - 1)] = (byte)_random.Next(256);
                break;
            case 2:
            case 3:
            case 4:
                data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 5 when data.Count > 0:
                var length = Math.Min(_random.Next(1, 17), data.Count - Math.Min(at, data.Count - 1));
                data.RemoveRange(Math.Min(at, data.Count - 1), length);
                break;
            case 6 when data.Count > 0:
                data.RemoveRange(at, data.Count - at);
                break;
            case 7 when data.Count > 0:
                var start = _random.Next(data.Count);
                var take = Math.Min(_random.Next(1, 65), data.Count - start);
                data.InsertRange(at, data.GetRange(start, take));
                break;
            default:
                var other = corpus[_random.Next(corpus.Count)];
                var from = _random.Next(other.Length + 1);
                data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(from).ToArray());
                break;
        }
    }
}
