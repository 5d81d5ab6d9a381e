using System.Text;

namespace StealthRelay.Benchmarks;

/// <summary>Deterministic prompts of a given size, shaped like what people send to LLMs, with PII sprinkled in.</summary>
internal static class Prompts
{
    private static readonly string[] Paragraphs =
    [
        "Please summarise the following e-mail from our customer and draft a polite reply. ",
        "Hi team, Maria Schneider (maria.schneider@example.com, +49 30 901820) wrote that her card 4111 1111 1111 1111 was charged twice. ",
        "The refund should go to IBAN DE89 3704 0044 0532 0130 00 at her bank in Berlin. ",
        "Our contact at Contoso Ltd, John Smith, called from +1 415-555-0132 about the renewal of the support contract. ",
        "Server logs show the request came from 192.168.10.24 and later from 2001:db8::8a2e:370:7334 during the outage. ",
        "Meeting minutes: we agreed to ship the migration next Tuesday, after the load tests pass in staging. ",
        "Remember the config still contains api_key=9fQ2xL7vR1mZ8kT4wB6nH3pJ5cY0dS2a which must be rotated. ",
        "The patient, NHS number 943 476 5919, reported mild symptoms and was advised to rest and drink fluids. ",
    ];

    /// <summary>A prompt of about <paramref name="bytes"/> UTF-8 bytes.</summary>
    public static string OfSize(int bytes)
    {
        var builder = new StringBuilder(bytes + 256);
        var i = 0;
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < bytes)
        {
            builder.Append(Paragraphs[i++ % Paragraphs.Length]);
        }

        return builder.ToString();
    }
}
