using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// SECRET, three ways:
/// <list type="number">
/// <item><description>Vendor tokens by prefix and length: AWS access key ids (AKIA/ASIA), GitHub (ghp_/gho_/ghu_/ghs_/ghr_,
/// github_pat_), OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), Slack (xoxa/b/p/r/s-), Stripe (sk_/rk_ live and test),
/// Google API keys (AIza), and JWTs whose header decodes to JSON with an <c>alg</c> member.</description></item>
/// <item><description>PEM private key blocks, BEGIN line through END line (to the end of the base64 body when the END
/// line is missing, so a truncated key is still covered). Scored <see cref="RecognizerScores.Checksum"/>.</description></item>
/// <item><description>The value of an assignment whose name ends in a secret word (<c>password=</c>, <c>"api_key": "..."</c>,
/// <c>AWS_SECRET_ACCESS_KEY=</c>, <c>Authorization: Bearer ...</c>, <c>Authorization: Basic ...</c> when it decodes to
/// <c>user:password</c>). Any value of a password-like name is a secret
/// (except placeholders such as <c>***</c>, <c>${VAR}</c>, <c>true</c>); for other names (key, token, secret, auth,
/// credential, session, bearer) the value must be at least <see cref="MinGenericLength"/> characters, mix letters and digits and
/// reach <see cref="MinEntropyBitsPerChar"/> bits of Shannon entropy per character. Only the value is reported.</description></item>
/// </list>
/// </summary>
internal sealed partial class SecretRecognizer : IRecognizer
{
    internal const int MinGenericLength = 12;
    internal const double MinEntropyBitsPerChar = 3.0;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Secret];

    public IReadOnlyList<string> Context { get; } =
        ["secret", "token", "api key", "apikey", "password", "credential", "private key", "bearer", "authorization"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        var firstOwn = results.Count;
        AnalyzeVendorTokens(text, results);
        AnalyzePemBlocks(text, results);
        SecretAssignmentScanner.Analyze(text, results, firstOwn);
    }

    private static void AnalyzeVendorTokens(string text, List<EntitySpan> results)
    {
        // The pattern's first characters (A, e, g, r, s, x) start most English words, so the regex alone would be tried
        // at nearly every word; it starts at the first vendor prefix instead, and text with none costs one search.
        var first = text.AsSpan().IndexOfAny(VendorPrefixes);
        if (first < 0)
        {
            return;
        }

        foreach (var match in VendorTokenPattern().EnumerateMatches(text, first))
        {
            var value = text.AsSpan(match.Index, match.Length);
            var valid = value.StartsWith("eyJ", StringComparison.Ordinal) ? JwtHeader.HasAlgorithm(value[..value.IndexOf('.')])
                : value.StartsWith("sk-", StringComparison.Ordinal) ? MixesLettersAndDigits(value[3..])
                : true;
            if (valid)
            {
                results.Add(new EntitySpan(EntityTypes.Secret, match.Index, match.Index + match.Length, RecognizerScores.DistinctivePrefix, nameof(SecretRecognizer)));
            }
        }
    }

    private static void AnalyzePemBlocks(string text, List<EntitySpan> results)
    {
        const string Begin = "-----BEGIN ";
        var idx = text.IndexOf(Begin, StringComparison.Ordinal);
        while (idx >= 0)
        {
            var labelStart = idx + Begin.Length;
            var labelEnd = text.IndexOf("-----", labelStart, Math.Min(64, text.Length - labelStart), StringComparison.Ordinal);
            var next = labelStart;
            if (labelEnd > 0 && text.AsSpan(labelStart, labelEnd - labelStart).EndsWith("PRIVATE KEY", StringComparison.Ordinal))
            {
                var label = text.AsSpan(labelStart, labelEnd - labelStart);
                var end = FindPemEnd(text, labelEnd + 5, label);
                results.Add(new EntitySpan(EntityTypes.Secret, idx, end, RecognizerScores.Checksum, nameof(SecretRecognizer)));
                next = end;
            }

            idx = next < text.Length ? text.IndexOf(Begin, next, StringComparison.Ordinal) : -1;
        }
    }

    private static int FindPemEnd(string text, int bodyStart, ReadOnlySpan<char> label)
    {
        var endMarker = text.IndexOf("-----END ", bodyStart, StringComparison.Ordinal);
        if (endMarker >= 0)
        {
            var afterLabel = endMarker + "-----END ".Length + label.Length;
            if (text.AsSpan(endMarker + "-----END ".Length).StartsWith(label, StringComparison.Ordinal)
                && text.AsSpan(afterLabel).StartsWith("-----", StringComparison.Ordinal))
            {
                return afterLabel + 5;
            }
        }

        // Truncated block: cover the base64 body (and PEM headers such as Proc-Type) up to the first other text.
        var end = bodyStart;
        for (var j = bodyStart; j < text.Length; j++)
        {
            var c = text[j];
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or ':' or ',' or '-')
            {
                end = j + 1;
            }
            else if (!char.IsWhiteSpace(c))
            {
                break;
            }
        }

        return end;
    }

    private static bool MixesLettersAndDigits(ReadOnlySpan<char> value) =>
        value.IndexOfAnyInRange('0', '9') >= 0 && (value.IndexOfAnyInRange('a', 'z') >= 0 || value.IndexOfAnyInRange('A', 'Z') >= 0);

    /// <summary>Every way a <see cref="VendorTokenPattern"/> match can begin (kept with it: a test holds them together).</summary>
    internal static readonly SearchValues<string> VendorPrefixes = SearchValues.Create(
        ["AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "sk-", "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-",
            "sk_live_", "sk_test_", "rk_live_", "rk_test_", "AIza", "eyJ"],
        StringComparison.Ordinal);

    [GeneratedRegex(
        """
        (?<![A-Za-z0-9_-])(?:
          (?:AKIA|ASIA)[A-Z0-9]{16}
        | gh[pousr]_[A-Za-z0-9]{36}
        | github_pat_[A-Za-z0-9_]{50,244}
        | sk-(?:ant-|proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,400}
        | xox[abprs]-[A-Za-z0-9-]{10,250}
        | [sr]k_(?:live|test)_[A-Za-z0-9]{20,247}
        | AIza[A-Za-z0-9_-]{35}
        | eyJ[A-Za-z0-9_-]{8,2048}\.[A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,1024}
        )(?![A-Za-z0-9_-])
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex VendorTokenPattern();
}
