using System.Text.Json;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Fuzz.Invariants;

/// <summary>
/// The request-side fuzz target: the input bytes are tried as a body of every <see cref="ApiShape"/>. Invariants:
/// the redactor throws nothing but <see cref="RedactionException"/>; its output parses as strict JSON; no value the
/// analyzer detected in a human-text field of the input is found in any human-text field of the output (found by
/// redacting the output again with the same walker and reading what the analyzer is given). "Found" means a whole
/// occurrence: no letter or digit continues it on either side (a detected card number inside a longer digit run
/// is a different number).
/// </summary>
internal static class RequestInvariants
{
    private static readonly ApiShape[] Shapes = Enum.GetValues<ApiShape>();

    public static void Check(FuzzEngine engine, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(engine);
        foreach (var shape in Shapes)
        {
            CheckShape(engine, body, shape);
        }
    }

    private static void CheckShape(FuzzEngine engine, ReadOnlyMemory<byte> body, ApiShape shape)
    {
        engine.Analyzer.Reset();
        using var redacted = Redact(engine, body, shape, "input");
        if (redacted is null)
        {
            return;
        }

        var detected = DetectedValues(engine.Analyzer);
        try
        {
            using var document = JsonDocument.Parse(redacted.Body);
        }
        catch (JsonException e)
        {
            throw new InvariantViolationException($"{shape}: redacted output is not valid JSON ({e.GetType().Name}).", e);
        }

        // Redact the output again only to learn its human-text fields (the walker hands them to the analyzer).
        engine.Analyzer.Reset();
        using var again = Redact(engine, redacted.Body, shape, "output")
            ?? throw new InvariantViolationException($"{shape}: the redacted output is refused as a request of the same shape.");
        foreach (var text in engine.Analyzer.LastTexts)
        {
            foreach (var value in detected)
            {
                if (ContainsWhole(text, value))
                {
                    throw new InvariantViolationException($"{shape}: a detected value (length {value.Length}) survives in the output.");
                }
            }
        }
    }

    private static RedactedRequest? Redact(FuzzEngine engine, ReadOnlyMemory<byte> body, ApiShape shape, string what)
    {
        try
        {
            return engine.Redactor.RedactAsync(body, shape, RedactionPolicy.Default, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (RedactionException)
        {
            return null;
        }
        catch (Exception e)
        {
            throw new InvariantViolationException($"{shape}: redacting the {what} threw {e.GetType().FullName}, not RedactionException.", e);
        }
    }

    private static bool ContainsWhole(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            var end = at + value.Length;
            var left = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(text[at]);
            var right = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(text[end - 1]);
            if (left && right)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> DetectedValues(RecordingAnalyzer analyzer)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < analyzer.LastSpans.Count; i++)
        {
            foreach (var span in analyzer.LastSpans[i])
            {
                if (span.Length > 0)
                {
                    values.Add(analyzer.LastTexts[i][span.Start..span.End]);
                }
            }
        }

        return values;
    }
}
