using System.Buffers;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// The assignment part of <see cref="SecretRecognizer"/>: finds <c>name = value</c>, <c>name: value</c>,
/// <c>"name": "value"</c>, <c>Bearer value</c> and <c>Basic base64(user:password)</c> where the name ends in a secret
/// word, and reports the value.
/// One vectorized multi-word search finds the secret words; nothing is allocated for text without them.
/// </summary>
internal static class SecretAssignmentScanner
{
    private const int MaxValueLength = 512;

    /// <summary>Longest first, so that the word found at a position is the longest one that starts there.</summary>
    private static readonly string[] Keywords =
        ["credentials", "credential", "passphrase", "password", "passwd", "session", "secret", "bearer", "basic", "token", "auth", "pwd", "key"];

    private static readonly SearchValues<string> KeywordSearch = SearchValues.Create(Keywords, StringComparison.OrdinalIgnoreCase);

    /// <summary>Words allowed glued in front of a generic secret word (<c>apikey</c>, <c>accessToken</c>).</summary>
    private static readonly string[] GluedPrefixes =
        ["api", "access", "secret", "private", "client", "session", "refresh", "auth", "id", "master", "signing", "encryption", "app", "consumer", "webhook", "bot", "oauth", "x"];

    /// <summary>Values that stand for a secret without being one.</summary>
    private static readonly string[] NonSecretValues = ["true", "false", "null", "none", "nil", "undefined", "required", "optional", "redacted", "changeme"];

    public static void Analyze(string text, List<EntitySpan> results, int firstOwn)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var k = text.AsSpan(pos).IndexOfAny(KeywordSearch);
            if (k < 0)
            {
                return;
            }

            var at = pos + k;
            var keyword = KeywordAt(text, at);
            pos = at + keyword.Length;
            var isPassword = keyword is "password" or "passwd" or "passphrase" or "pwd";
            if ((pos < text.Length && char.IsLetterOrDigit(text[pos])) || !HasAcceptableNameStart(text, at, isPassword))
            {
                continue;
            }

            var isBasic = keyword == "basic";
            if (!TryFindValue(text, pos, isBasic || keyword == "bearer", isPassword, out var valueStart, out var valueEnd))
            {
                continue;
            }

            var value = text.AsSpan(valueStart, valueEnd - valueStart);
            var isSecret = isBasic ? IsBasicCredentials(value) : IsSecretValue(value, isPassword);
            if (isSecret && !OverlapsOwn(results, firstOwn, valueStart, valueEnd))
            {
                results.Add(new EntitySpan(EntityTypes.Secret, valueStart, valueEnd, RecognizerScores.Structural, nameof(SecretRecognizer)));
                pos = valueEnd;
            }
        }
    }

    private static string KeywordAt(string text, int at)
    {
        foreach (var keyword in Keywords)
        {
            if (text.AsSpan(at).StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return keyword;
            }
        }

        return Keywords[^1];
    }

    /// <summary>
    /// A password word may be glued to anything (<c>dbPassword</c>); a generic word must start the name part
    /// (<c>GITHUB_TOKEN</c>, <c>api-key</c>) or follow a known glued prefix (<c>apikey</c>), so <c>monkey</c> is no key.
    /// </summary>
    private static bool HasAcceptableNameStart(string text, int at, bool isPassword)
    {
        if (isPassword || at == 0 || !char.IsLetter(text[at - 1]))
        {
            return true;
        }

        var wordStart = at;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        // camelCase component: githubToken, stripeKey.
        if (char.IsUpper(text[at]) && char.IsLower(text[at - 1]))
        {
            return true;
        }

        var glued = text.AsSpan(wordStart, at - wordStart);
        foreach (var prefix in GluedPrefixes)
        {
            if (glued.EndsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (glued.Length == prefix.Length || char.IsUpper(glued[^prefix.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After the name: optional closing quote, spaces, an assignment operator (or spaces only after "bearer"), spaces, optional opening quote.</summary>
    private static bool TryFindValue(string text, int j, bool bearer, bool isPassword, out int valueStart, out int valueEnd)
    {
        valueStart = valueEnd = -1;
        if (j < text.Length && text[j] is '"' or '\'')
        {
            j++;
        }

        var spaces = SkipSpaces(text, ref j);
        if (bearer)
        {
            if (spaces == 0)
            {
                return false;
            }
        }
        else
        {
            if (j >= text.Length || text[j] is not ('=' or ':'))
            {
                return false;
            }

            j++;
            if (j < text.Length && text[j] is '=' or '>')
            {
                j++; // ":=", "=>", "=="
            }

            SkipSpaces(text, ref j);
        }

        var quote = j < text.Length && text[j] is '"' or '\'' or '`' ? text[j] : '\0';
        if (quote != '\0')
        {
            j++;
        }

        valueStart = j;
        while (j < text.Length && j - valueStart < MaxValueLength && IsValueChar(text[j], quote, isPassword))
        {
            j++;
        }

        valueEnd = j;
        if (quote == '\0')
        {
            // "password: hunter2." — a full stop or closing bracket ends the sentence, not the value ('!' and '?' are
            // kept: passwords end in them more often than sentences do right after a secret).
            while (valueEnd > valueStart && text[valueEnd - 1] is '.' or ')' or ']' or '}')
            {
                valueEnd--;
            }
        }

        return valueEnd > valueStart;
    }

    private static int SkipSpaces(string text, ref int j)
    {
        var start = j;
        while (j < text.Length && j - start < 3 && text[j] is ' ' or '\t')
        {
            j++;
        }

        return j - start;
    }

    /// <summary>Unquoted values end at whitespace, quotes and list separators; '&amp;' ends a generic value (URL query) but not a password.</summary>
    private static bool IsValueChar(char c, char quote, bool isPassword) =>
        quote != '\0' ? c != quote && c is not ('\n' or '\r')
        : !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '`' or ',' or ';' or '<' or '>') && (isPassword || c != '&');

    internal static bool IsSecretValue(ReadOnlySpan<char> value, bool isPassword)
    {
        if (value.Length < 3 || IsPlaceholder(value))
        {
            return false;
        }

        if (isPassword)
        {
            return true;
        }

        return value.Length >= SecretRecognizer.MinGenericLength
            && value.IndexOfAnyInRange('0', '9') >= 0
            && (value.IndexOfAnyInRange('a', 'z') >= 0 || value.IndexOfAnyInRange('A', 'Z') >= 0)
            && ShannonEntropy.BitsPerChar(value) >= SecretRecognizer.MinEntropyBitsPerChar;
    }

    /// <summary>HTTP Basic credentials: base64 of <c>user:password</c>.</summary>
    internal static bool IsBasicCredentials(ReadOnlySpan<char> value)
    {
        Span<byte> decoded = stackalloc byte[MaxValueLength];
        return value.Length >= 4 && Convert.TryFromBase64Chars(value, decoded, out var written) && decoded[..written].Contains((byte)':');
    }

    private static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value[0] is '$' or '{' or '<' or '%' or '[' || !value.ContainsAnyExcept(value[0]))
        {
            return true; // ${VAR}, {{var}}, <your-key>, %ENV%, [SECRET_1], ***, xxxx
        }

        foreach (var word in NonSecretValues)
        {
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OverlapsOwn(List<EntitySpan> results, int firstOwn, int start, int end)
    {
        for (var k = firstOwn; k < results.Count; k++)
        {
            if (results[k].Start < end && start < results[k].End)
            {
                return true;
            }
        }

        return false;
    }
}
