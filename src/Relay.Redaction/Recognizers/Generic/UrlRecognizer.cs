using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// URL: <c>scheme://...</c> (any scheme, so database connection strings such as <c>postgres://user:pw@host/db</c>
/// count) and <c>www.</c> links without a scheme. Scoring is a deliberate choice: a URL that carries a secret, i.e.
/// credentials in its user-info (<c>user:pass@</c>) or a secret-looking query/fragment parameter (<c>token=</c>,
/// <c>key=</c>, <c>sig=</c>, <c>X-Amz-Signature=</c>, ...), scores <see cref="RecognizerScores.DistinctivePrefix"/> and is
/// redacted by default: fusion then trusts it as a validated hit, and the whole URL wins over a value inside it (an
/// e-mail address in <c>?user=jane@example.com&amp;token=…</c> would otherwise be kept alone and the token left in clear). A plain URL scores <see cref="RecognizerScores.Informational"/>, below the default 0.5
/// threshold: links are rarely personal and models need them to answer; a policy can lower the URL threshold.
/// Trailing sentence punctuation and unbalanced closing brackets are not part of the URL.
/// </summary>
internal sealed class UrlRecognizer : IRecognizer
{
    private const int MaxSchemeLength = 16;

    private static readonly string[] SecretParameterNames =
    [
        "token", "access_token", "refresh_token", "id_token", "auth", "auth_token", "authorization", "key", "apikey",
        "api_key", "api-key", "secret", "client_secret", "sig", "signature", "password", "pass", "passwd", "pwd",
        "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential",
        "jwt", "session", "sessionid", "sid", "code",
    ];

    private static readonly string[] SecretParameterSuffixes = ["token", "secret", "signature", "password", "_key", "-key", "apikey"];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Url];

    public IReadOnlyList<string> Context { get; } = ["url", "link", "website", "http", "https", "endpoint", "connection string"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        var firstOwn = results.Count;
        var idx = text.IndexOf("://", StringComparison.Ordinal);
        while (idx >= 0)
        {
            var next = idx + 3;
            var start = idx;
            while (start > 0 && idx - start < MaxSchemeLength && IsSchemeChar(text[start - 1]))
            {
                start--;
            }

            var end = ScanEnd(text, idx + 3);
            if (start < idx && char.IsAsciiLetter(text[start]) && (start == 0 || !TextBoundary.IsWordChar(text[start - 1]))
                && end > idx + 3)
            {
                Add(text, start, end, idx + 3, results);
                next = end;
            }

            idx = next < text.Length ? text.IndexOf("://", next, StringComparison.Ordinal) : -1;
        }

        idx = text.IndexOf("www.", StringComparison.OrdinalIgnoreCase);
        while (idx >= 0)
        {
            var end = ScanEnd(text, idx);
            if ((idx == 0 || !(TextBoundary.IsWordChar(text[idx - 1]) || text[idx - 1] is '/' or '.' or '@'))
                && end > idx + 5 && !InsideOwn(results, firstOwn, idx))
            {
                Add(text, idx, end, idx, results);
            }

            idx = end + 1 < text.Length ? text.IndexOf("www.", Math.Max(end, idx + 4), StringComparison.OrdinalIgnoreCase) : -1;
        }
    }

    private static void Add(string text, int start, int end, int authorityStart, List<EntitySpan> results)
    {
        var score = CarriesSecret(text.AsSpan(authorityStart, end - authorityStart))
            ? RecognizerScores.DistinctivePrefix
            : RecognizerScores.Informational;
        results.Add(new EntitySpan(EntityTypes.Url, start, end, score, nameof(UrlRecognizer)));
    }

    private static int ScanEnd(string text, int from)
    {
        var end = from;
        while (end < text.Length && IsUrlChar(text[end]))
        {
            end++;
        }

        while (end > from)
        {
            var last = text[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*'
                || (last == ')' && Count(text, from, end, '(') < Count(text, from, end, ')'))
                || (last == ']' && Count(text, from, end, '[') < Count(text, from, end, ']')))
            {
                end--;
                continue;
            }

            break;
        }

        return end;
    }

    /// <summary>User-info with a password, or a query/fragment parameter whose name says it is a secret.</summary>
    internal static bool CarriesSecret(ReadOnlySpan<char> afterScheme)
    {
        var authorityEnd = afterScheme.IndexOfAny("/?#");
        var authority = authorityEnd < 0 ? afterScheme : afterScheme[..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at > 0)
        {
            var colon = authority[..at].IndexOf(':');
            if (colon >= 0 && colon < at - 1)
            {
                return true;
            }
        }

        var query = afterScheme.IndexOfAny('?', '#');
        if (query < 0)
        {
            return false;
        }

        var rest = afterScheme[(query + 1)..];
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOfAny('&', '#', ';');
            var pair = amp < 0 ? rest : rest[..amp];
            var eq = pair.IndexOf('=');
            if (eq > 0 && eq < pair.Length - 1 && IsSecretName(pair[..eq]))
            {
                return true;
            }

            rest = amp < 0 ? [] : rest[(amp + 1)..];
        }

        return false;
    }

    private static bool IsSecretName(ReadOnlySpan<char> name)
    {
        foreach (var candidate in SecretParameterNames)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var suffix in SecretParameterSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideOwn(List<EntitySpan> results, int firstOwn, int index)
    {
        for (var k = firstOwn; k < results.Count; k++)
        {
            if (results[k].Start <= index && index < results[k].End)
            {
                return true;
            }
        }

        return false;
    }

    private static int Count(string text, int from, int end, char c) => text.AsSpan(from, end - from).Count(c);

    private static bool IsSchemeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-';

    private static bool IsUrlChar(char c) =>
        c > ' ' && !char.IsWhiteSpace(c) && c is not ('<' or '>' or '"' or '`' or '{' or '}' or '|' or '\\' or '^');
}
