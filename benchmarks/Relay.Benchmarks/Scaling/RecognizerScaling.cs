using System.Diagnostics;
using System.Globalization;
using System.Text;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Benchmarks.Scaling;

/// <summary>
/// `scaling`: every rule recognizer over texts that open its gates everywhere (key words, digit soup, lists of values
/// with single spaces, long tokens), at two sizes. A cost per KB that grows with the size is a quadratic path; a list
/// whose values are not all found is a budget that stops reading (both were found this way in session 15). Prints the
/// rows above the per-KB limit or the growth limit, or all rows with --all. Stopwatch timing, best of three runs.
/// </summary>
internal static class RecognizerScaling
{
    private static readonly (string Name, string Seed)[] Texts =
    [
        ("benchmark prompt", Prompts.OfSize(1024)),
        ("key words with values", "passport number X1234567, driver's license D1234567, DOB 01/02/1980, account number 12345678, sort code 12-34-56, routing number 021000021, IBAN DE89, VAT DE123, SSN 123-45-6789, password: hunter2, ITIN 912-70-1234, CVV 123, Steuer-ID 1, codice fiscale, NIR 1, BSN 1, NHS 1, token= abc secret: def "),
        ("key words alone", "account passport license routing sort code password secret token iban vat ssn dob born cvv card tax bsn nir nhs "),
        ("digit soup", "1234 5678 9012 3456 78 90 123-456-7890 12.34.56 1/2/3 +49 30 1234 "),
        ("one-digit groups", "account 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 "),
        ("phone list", "(415) 555-1234 06 12 34 56 78 07700 900123 "),
        ("card list", "4111 1111 1111 1111 5500 0000 0000 0004 3782 822463 10005 "),
        ("IPv4 list", "10.0.12.1 10.0.12.2 192.168.100.200 "),
        ("csv", "2024-01-05,1234.56,789,0.25,17,3\n2024-01-06,99.10,12,0.75,4,1200\n"),
        ("log lines", "2026-12-05T11:14:36.123Z INFO req 4711 took 12 ms status 200 bytes 35123 pid 20931\n"),
        ("hex dump", "00000010  48 65 6c 6c 6f 20 57 6f 72 6c 64 0a 31 32 33 34  |Hello World.1234|\n"),
        ("one long token", "a"),
        ("one long digit run", "7"),
        ("at signs and dots", "a@b.c@d.e.f@g "),
        ("URL-like", "http://a:b@c.d/?token=x&key=y http:// https://x "),
        ("capitalised words", "Anna Berg Street Road Contoso Ltd GmbH Paris Main St "),
        ("bracketed at-words", "info(at)firma.de jane [at] example [dot] com (ät) noon {arobase} x AT y DOT z (at) (flat) "),
        ("acc words", "access accepted according to accounts, acc. no. a/c accrual accuracy A/C unit "),
        ("medical key words", "Patient ID 7788123, MRN: 00123456, patient notes 12345, hospital 12345 beds, chart no. 1029384, the patient is 45 "),
        ("HR and insurance key words", "employee ID 0045821, 120 employees, staff 12, policy number HX-4482-1190-77, claim 12345 dollars, the police 4471 "),
        ("long tokens", "1BoatSLRHtKNngkdXEeobR76b53LETtpyU 3f786850e387550fdab836ed7e6dc881de23001b bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5 ABCDEFGHJKLMNPQRSTUVWXYZabcdefghij 0x52908400098527886e0f7030069857d2e4169ee7 "),
    ];

    public static int Run(string[] args)
    {
        var all = args.Contains("--all");
        var small = 8 * 1024;
        var large = 32 * 1024;
        var maxMicrosPerKb = 500.0;
        var maxGrowth = 6.0;
        var recognizers = DefaultRecognizers.Create(new RecognizerOptions());
        var results = new List<EntitySpan>(1024);
        Console.WriteLine($"| text | recognizer | {small / 1024} KB ms | {large / 1024} KB ms | us per KB at {large / 1024} KB | growth for 4x size | spans at {large / 1024} KB |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var flagged = 0;
        foreach (var (name, seed) in Texts)
        {
            var smallText = Repeat(seed, small);
            var largeText = Repeat(seed, large);
            foreach (var recognizer in recognizers)
            {
                Time(recognizer, smallText, results); // warm-up
                var smallMs = Time(recognizer, smallText, results);
                var largeMs = Time(recognizer, largeText, results);
                var perKb = largeMs * 1000 / (large / 1024);
                var growth = largeMs / Math.Max(smallMs, 0.01);
                var slow = perKb > maxMicrosPerKb || (growth > maxGrowth && largeMs > 1);
                flagged += slow ? 1 : 0;
                if (all || slow)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {recognizer.GetType().Name} | {smallMs:F2} | {largeMs:F2} | {perKb:F0} | {growth:F1} | {results.Count} |"));
                }
            }
        }

        Console.WriteLine($"{flagged} rows above {maxMicrosPerKb} us per KB or growing more than {maxGrowth}x for 4x the text.");
        return 0;
    }

    private static string Repeat(string seed, int chars)
    {
        var builder = new StringBuilder(chars + seed.Length);
        while (builder.Length < chars)
        {
            builder.Append(seed);
        }

        return builder.ToString(0, chars);
    }

    private static double Time(IRecognizer recognizer, string text, List<EntitySpan> results)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            results.Clear();
            var started = Stopwatch.GetTimestamp();
            recognizer.Analyze(text, results);
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return best;
    }
}
