using System.Buffers;
using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Redaction.Tests.Rehydration;

internal static class SseTestHelpers
{
    public const string Ann = "ann@x.io";
    public const string Brien = "O\"Brien \\ Jr. Zoë 😀";

    /// <summary>A vault holding [EMAIL_ADDRESS_1] = ann@x.io and [PERSON_1] = a value that needs JSON escaping.</summary>
    public static PlaceholderVault NewVault()
    {
        var vault = new PlaceholderVault(PlaceholderFormat.Get("[{type}_{index}]"));
        vault.GetOrAdd(EntityTypes.EmailAddress, Ann);
        vault.GetOrAdd(EntityTypes.Person, Brien);
        return vault;
    }

    /// <summary>Model text with placeholders (mangled too), and what the client must see.</summary>
    public const string ModelText =
        "Hi [EMAIL_ADDRESS_1], I am [PERSON_1]'s aide. Also [email_address_1] and [ PERSON_1 ] and [EMAIL ADDRESS 1]. "
        + "Unknown [EMAIL_ADDRESS_9] and [Note] and [PERSON_] [ x [EMA end [";

    public static readonly string RestoredText = ModelText
        .Replace("[EMAIL_ADDRESS_1]", Ann, StringComparison.Ordinal)
        .Replace("[PERSON_1]", Brien, StringComparison.Ordinal)
        .Replace("[email_address_1]", Ann, StringComparison.Ordinal)
        .Replace("[ PERSON_1 ]", Brien, StringComparison.Ordinal)
        .Replace("[EMAIL ADDRESS 1]", Ann, StringComparison.Ordinal);

    /// <summary>Splits text into deltas of 1..7 characters (deterministic), never inside a surrogate pair.</summary>
    public static List<string> Deltas(string text, int seed)
    {
        var random = new Random(seed);
        var result = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var n = Math.Min(random.Next(1, 8), text.Length - i);
            if (char.IsHighSurrogate(text[i + n - 1]) && i + n < text.Length)
            {
                n++;
            }

            result.Add(text.Substring(i, n));
            i += n;
        }

        return result;
    }

    public static string Json(string value) => JsonSerializer.Serialize(value);

    /// <summary>Feeds <paramref name="upstream"/> in the given chunk sizes and returns everything written.</summary>
    public static string Run(IStreamRestorer restorer, byte[] upstream, IEnumerable<int> cuts)
    {
        var output = new ArrayBufferWriter<byte>();
        var at = 0;
        foreach (var cut in cuts.Append(upstream.Length))
        {
            restorer.Write(upstream.AsSpan(at, cut - at), output);
            at = cut;
        }

        restorer.Complete(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Every cut position once (two chunks), then random chunkings.</summary>
    public static IEnumerable<int[]> Chunkings(int length, int randomRuns = 100, bool everyPosition = true)
    {
        for (var p = 0; everyPosition && p <= length; p++)
        {
            yield return [p];
        }

        var random = new Random(42);
        for (var r = 0; r < randomRuns; r++)
        {
            var cuts = new List<int>();
            var at = 0;
            while (true)
            {
                at += random.Next(1, 24);
                if (at >= length)
                {
                    break;
                }

                cuts.Add(at);
            }

            yield return [.. cuts];
        }
    }

    /// <summary>Parses SSE output into (event name, data) pairs; every event must be complete.</summary>
    public static List<(string? Event, string Data)> ParseSse(string sse)
    {
        var events = new List<(string?, string)>();
        string? name = null;
        var data = new List<string>();
        foreach (var rawLine in sse.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (rawLine.Length == 0)
            {
                if (data.Count > 0)
                {
                    events.Add((name, string.Join('\n', data)));
                }

                name = null;
                data.Clear();
                continue;
            }

            if (rawLine.StartsWith("event:", StringComparison.Ordinal))
            {
                name = rawLine[6..].TrimStart();
            }
            else if (rawLine.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(rawLine[5..].StartsWith(' ') ? rawLine[6..] : rawLine[5..]);
            }
        }

        Assert.Empty(data);
        return events;
    }
}
