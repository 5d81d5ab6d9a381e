using System.Buffers;
using System.Text;
using System.Text.Json;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Fuzz.Invariants;

/// <summary>
/// The stream-side fuzz target. For every shape a vault is made by redacting a request whose user text is
/// <see cref="FixedPii"/> plus the input decoded as UTF-8. Invariants: (1) the restorer never throws on the raw
/// input bytes, and feeding them whole or cut at input-derived points writes the same bytes (pass-through shapes
/// write the input unchanged); (2) an SSE stream of that shape echoing the redacted text in input-derived deltas,
/// restored in input-derived chunks, yields exactly the original text, and the same bytes as when fed whole.
/// </summary>
internal static class StreamInvariants
{
    /// <summary>Values the default recognizers detect, so the vault always holds placeholders the input may hit.</summary>
    public const string FixedPii =
        "Mail ann.lee@corp.example or call +1 212 555 0143; card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00. ";

    private const int MaxTextChars = 2048;

    private static readonly ApiShape[] Shapes = Enum.GetValues<ApiShape>();

    public static void Check(FuzzEngine engine, ReadOnlySpan<byte> input)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var decoded = Encoding.UTF8.GetString(input);
        var text = FixedPii + (decoded.Length > MaxTextChars ? decoded[..MaxTextChars] : decoded);
        if (char.IsHighSurrogate(text[^1]))
        {
            text = text[..^1];
        }

        var seed = Seed(input);
        foreach (var shape in Shapes)
        {
            using var request = RedactText(engine, shape, text);
            CheckRawBytes(engine, shape, request.Vault, input, seed);
            if (StreamFormat.Supports(shape))
            {
                CheckRoundTrip(engine, shape, request, text, seed);
            }
        }
    }

    private static void CheckRawBytes(FuzzEngine engine, ApiShape shape, IPlaceholderVault vault, ReadOnlySpan<byte> input, int seed)
    {
        var whole = Restore(engine, shape, vault, input, cuts: null, "raw input");
        var cut = Restore(engine, shape, vault, input, Cuts(input.Length, new Random(seed)), "raw input");
        if (!whole.AsSpan().SequenceEqual(cut))
        {
            throw new InvariantViolationException($"{shape}: chunking the raw input changes the restored bytes.");
        }

        if (!StreamFormat.Supports(shape) && !whole.AsSpan().SequenceEqual(input))
        {
            throw new InvariantViolationException($"{shape}: the pass-through restorer changed the stream.");
        }
    }

    private static void CheckRoundTrip(FuzzEngine engine, ApiShape shape, RedactedRequest request, string original, int seed)
    {
        var random = new Random(seed);
        var sanitized = StreamFormat.SentText(shape, request.Body.Span);
        var upstream = StreamFormat.Build(shape, Deltas(sanitized, random));
        var whole = Restore(engine, shape, request.Vault, upstream, cuts: null, "echo stream");
        var cut = Restore(engine, shape, request.Vault, upstream, Cuts(upstream.Length, random), "echo stream");
        if (!whole.AsSpan().SequenceEqual(cut))
        {
            throw new InvariantViolationException($"{shape}: chunking the echo stream changes the restored bytes.");
        }

        string restored;
        try
        {
            restored = StreamFormat.Text(shape, whole);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvariantViolationException($"{shape}: the restored echo stream is not a valid stream ({e.GetType().Name}).", e);
        }

        var complete = StreamFormat.CompleteText(shape, engine.Restorer.RestoreJson(StreamFormat.Complete(shape, sanitized), shape, request.Vault));
        if (!string.Equals(restored, complete, StringComparison.Ordinal))
        {
            throw new InvariantViolationException(
                $"{shape}: the streamed restore differs from the complete restore (lengths {restored.Length} vs {complete.Length}).");
        }

        if (!string.Equals(restored, original, StringComparison.Ordinal) && DetectedValuesAreDistinct(engine.Analyzer))
        {
            var at = 0;
            while (at < restored.Length && at < original.Length && restored[at] == original[at])
            {
                at++;
            }

            throw new InvariantViolationException(
                $"{shape}: the restored echo text differs from the original at offset {at} (lengths {restored.Length} vs {original.Length}).");
        }
    }

    /// <summary>
    /// False when two different detected values might share a placeholder. Deliberately coarser than the vault's
    /// normalization (letters and digits only, lower case), so it never claims distinct values that are not.
    /// </summary>
    private static bool DetectedValuesAreDistinct(RecordingAnalyzer analyzer)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < analyzer.LastSpans.Count; i++)
        {
            foreach (var span in analyzer.LastSpans[i])
            {
                var value = analyzer.LastTexts[i][span.Start..span.End];
                var key = string.Concat(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
                if (seen.TryGetValue(key, out var first) && first != value)
                {
                    return false;
                }

                seen[key] = value;
            }
        }

        return true;
    }

    private static RedactedRequest RedactText(FuzzEngine engine, ApiShape shape, string text)
    {
        var body = StreamFormat.Request(shape, text);
        try
        {
            return engine.Redactor.RedactAsync(body, shape, RedactionPolicy.Default, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw new InvariantViolationException($"{shape}: redacting a well-formed request threw {e.GetType().FullName}.", e);
        }
    }

    private static byte[] Restore(FuzzEngine engine, ApiShape shape, IPlaceholderVault vault, ReadOnlySpan<byte> upstream, List<int>? cuts, string what)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(256, upstream.Length * 2));
        try
        {
            var restorer = engine.Restorer.CreateStreamRestorer(shape, vault);
            var at = 0;
            foreach (var next in (IEnumerable<int>?)cuts ?? [])
            {
                restorer.Write(upstream[at..next], output);
                at = next;
            }

            restorer.Write(upstream[at..], output);
            restorer.Complete(output);
        }
        catch (Exception e)
        {
            throw new InvariantViolationException($"{shape}: the stream restorer threw {e.GetType().FullName} on the {what}.", e);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Sorted cut points in (0, length), 1 to 31 bytes apart, including single-byte chunks.</summary>
    private static List<int> Cuts(int length, Random random)
    {
        var cuts = new List<int>();
        var at = 0;
        while (true)
        {
            at += random.Next(0, 4) == 0 ? 1 : random.Next(1, 32);
            if (at >= length)
            {
                return cuts;
            }

            cuts.Add(at);
        }
    }

    /// <summary>Deltas of 1..12 chars, never splitting a surrogate pair (a provider sends whole code points).</summary>
    private static List<string> Deltas(string text, Random random)
    {
        var deltas = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var n = Math.Min(random.Next(1, 13), text.Length - i);
            if (char.IsHighSurrogate(text[i + n - 1]) && i + n < text.Length)
            {
                n++;
            }

            deltas.Add(text.Substring(i, n));
            i += n;
        }

        return deltas;
    }

    /// <summary>FNV-1a: deterministic across processes (AFL needs the same input to take the same path).</summary>
    private static int Seed(ReadOnlySpan<byte> input)
    {
        var hash = 2166136261u;
        foreach (var b in input)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }
}
