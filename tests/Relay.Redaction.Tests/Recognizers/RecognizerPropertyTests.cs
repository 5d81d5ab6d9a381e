using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Recognizers;

/// <summary>Invariants every recognizer keeps on arbitrary text built from ID-like fragments and noise.</summary>
public sealed class RecognizerPropertyTests
{
    private static readonly IReadOnlyList<IRecognizer> Recognizers = DefaultRecognizers.Create(new RecognizerOptions());

    [Property(Arbitrary = [typeof(ShapedText)], MaxTest = 300)]
    public bool Analyze_AnyText_NeverThrowsAndReportsInBoundsDeterministicSpans(string text)
    {
        foreach (var recognizer in Recognizers)
        {
            var first = new List<EntitySpan>();
            var second = new List<EntitySpan>();
            recognizer.Analyze(text, first);
            recognizer.Analyze(text, second);
            foreach (var span in first)
            {
                if (span.Start < 0 || span.End > text.Length || span.Start >= span.End || span.Score is <= 0 or > 1
                    || !recognizer.SupportedEntities.Contains(span.Type) || span.Source != recognizer.GetType().Name)
                {
                    return false;
                }
            }

            if (!first.SequenceEqual(second))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Strings made of real-looking fragments (valid values, prefixes, separators, surrogate pairs) and noise.</summary>
    public static class ShapedText
    {
        private static readonly string[] Fragments =
        [
            "4111 1111 1111 1111", "4111111111111111", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
            "943 476 5919", "+44 20 7946 0958", "(212) 555-1234", "AB 12 34 56 C", "RSSMRA85T10A562S", "T220001293",
            "2 69 05 49 588 157 80", "2A", "12345678Z", "X1234567L", "86 095 742 719", "536-22-1234", "912-70-1234", "192.168.1.1",
            "2001:db8::1", "::", "eyJhbGciOiJIUzI1NiJ9", ".", "-----BEGIN PRIVATE KEY-----", "-----END ", "password=",
            "api_key: ", "Bearer ", "https://u:p@h/?token=", "www.", "john@example.com", "@", "AKIA", "sk-ant-", "ghp_",
            "1HGCM82633A004352", "wvwzzz1jzxw000001", "VIN: ", "FIN ", "021000021", "0210-0002-1", "account no. ", "Konto-Nr.",
            "sort code ", "20-00-00", "S/C ", "DE136695976", "NL004495445B01", "BE 0403.170.701", "ATU13585627", "FR ", "ESX1234567L", "GB",
            "é", "\uD83D\uDE00", "\u00A0", "#", "€", "$", " ", "-", "/", ":", "\n", "0", "9", "1", "Z", "q",
        ];

        public static Arbitrary<string> Strings()
        {
            var fragment = Gen.Frequency(
                (6, Gen.Elements(Fragments)),
                (4, Gen.Elements("0123456789 -+.()/:@#_AaBbXxZzKk\"'=".ToCharArray()).Select(c => c.ToString())));
            return Arb.From(fragment.ListOf().Select(parts => string.Concat(parts)));
        }
    }
}
