using System.Buffers;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// The assignment part of <see cref="SecretRecognizer"/>: finds <c>name = value</c>, <c>name: value</c>,
/// <c>"name": "value"</c>, <c>Bearer value</c> and <c>Basic base64(user:password)</c> where the name ends in a secret
/// word, and reports the value; also a strong value after a generic secret word and blanks or a linking word
/// (<c>private key 4c08...</c>, <c>my API key is 9f8e...</c>).
/// One vectorized multi-word search finds the secret words; nothing is allocated for text without them.
/// </summary>
internal static class SecretAssignmentScanner
{
    private const int MaxValueLength = 512;

    /// <summary>Longest first, so that the word found at a position is the longest one that starts there.</summary>
    private static readonly string[] Keywords =
        ["mot de passe", "credentials", "contraseña", "contrasena", "jsessionid", "credential", "wachtwoord", "passphrase", "passcode",
            "password", "phpsessid", "passwort", "kennwort", "passwd", "session", "secret", "bearer", "basic", "token", "auth", "pwd", "key", "pw"];

    /// <summary>The words whose value is a secret whatever it looks like (en, de, fr, nl, es).</summary>
    private static readonly string[] PasswordWords =
        ["mot de passe", "contraseña", "contrasena", "wachtwoord", "passphrase", "passcode", "password", "passwort", "kennwort", "passwd", "pwd", "pw"];

    /// <summary>
    /// Words that link a password word to its value in a sentence ("the password is hunter2", "das Passwort lautet
    /// Geheim123", "le mot de passe est Soleil2024"). The value then needs a password's look (<see cref="LooksLikePassword"/>),
    /// so "the password is wrong" is no secret.
    /// </summary>
    private static readonly string[] LinkingWords = ["is", "was", "ist", "war", "lautet", "est", "es", "era", "è"];

    /// <summary>
    /// Generic secret words whose value may follow after blanks alone or a linking word ("private key 4c08...", "my API
    /// key is 9f8e...", "the secret was 7Hq2..."), when the value is a strong one (<see cref="IsStrongSecretValue"/>).
    /// </summary>
    private static readonly string[] SpacedValueWords = ["credentials", "credential", "session", "secret", "token", "key"];

    /// <summary>The fewest characters of a value after blanks or a linking word: a key or token, not a word with a digit.</summary>
    private const int MinSpacedValueLength = 20;

    /// <summary>How often a value after blanks at least changes between letters and digits (a random 20-character hex key: about 10).</summary>
    private const int MinLetterDigitSwitches = 4;

    private static readonly SearchValues<string> KeywordSearch = SearchValues.Create(Keywords, StringComparison.OrdinalIgnoreCase);

    /// <summary>Words allowed glued in front of a generic secret word (<c>apikey</c>, <c>accessToken</c>).</summary>
    private static readonly string[] GluedPrefixes =
        ["api", "access", "secret", "private", "client", "session", "refresh", "auth", "id", "master", "signing", "encryption", "app", "consumer", "webhook", "bot", "oauth", "x", "csrf", "xsrf"];

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
            pos = at + keyword.Length + SessionIdSuffixLength(text, at + keyword.Length, keyword);
            var isPassword = Array.IndexOf(PasswordWords, keyword) >= 0;
            if ((pos < text.Length && char.IsLetterOrDigit(text[pos]))
                || (keyword == "pw" && at > 0 && char.IsLetterOrDigit(text[at - 1]))
                || !HasAcceptableNameStart(text, at, isPassword))
            {
                continue;
            }

            var isBasic = keyword == "basic";
            var inSentence = false;
            var found = TryFindValue(text, pos, isBasic || keyword == "bearer", isPassword, out var valueStart, out var valueEnd)
                || (isPassword && TryFindLinkedValue(text, pos, out valueStart, out valueEnd, out inSentence));
            var spaced = !found && Array.IndexOf(SpacedValueWords, keyword) >= 0 && TryFindSpacedValue(text, pos, out valueStart, out valueEnd);
            if (!found && !spaced)
            {
                continue;
            }

            var value = text.AsSpan(valueStart, valueEnd - valueStart);
            var isSecret = isBasic ? IsBasicCredentials(value)
                : spaced ? IsStrongSecretValue(value)
                : inSentence ? LooksLikePassword(value) && IsSecretValue(value, isPassword)
                : IsSecretValue(value, isPassword);
            if (isSecret && !OverlapsOwn(results, firstOwn, valueStart, valueEnd))
            {
                results.Add(new EntitySpan(EntityTypes.Secret, valueStart, valueEnd, RecognizerScores.Structural, nameof(SecretRecognizer)));
                pos = valueEnd;
            }
        }
    }

    /// <summary>
    /// The length of an <c>id</c> that ends a session cookie's or field's name after "session" (<c>sessionid</c>,
    /// <c>session_id</c>, <c>sessionId</c>, <c>SESSION-ID</c>, <c>session id</c>): the name goes on to it, and its value
    /// is the session's bearer credential. 0 after other words or when no such suffix follows.
    /// </summary>
    private static int SessionIdSuffixLength(string text, int end, string keyword)
    {
        if (keyword != "session")
        {
            return 0;
        }

        var suffix = end < text.Length && text[end] is '_' or '-' or ' ' ? 1 : 0;
        return text.AsSpan(end + suffix).StartsWith("id", StringComparison.OrdinalIgnoreCase)
            && (end + suffix + 2 == text.Length || !char.IsLetterOrDigit(text[end + suffix + 2]))
            ? suffix + 2
            : 0;
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

    /// <summary>
    /// "password is hunter2", "Passwort lautet: Geheim123", "password is \"hunter2\"": one to three spaces, a linking
    /// word, an optional ':', spaces, then the value as after '='. <paramref name="unquoted"/> tells the caller that the
    /// value was not in quotes, so it must look like a password.
    /// </summary>
    private static bool TryFindLinkedValue(string text, int j, out int valueStart, out int valueEnd, out bool unquoted)
    {
        valueStart = valueEnd = -1;
        unquoted = false;
        if (SkipSpaces(text, ref j) == 0)
        {
            return false;
        }

        var wordEnd = j;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text.AsSpan(j, wordEnd - j);
        var linked = false;
        foreach (var linking in LinkingWords)
        {
            linked |= word.Equals(linking, StringComparison.OrdinalIgnoreCase);
        }

        if (!linked)
        {
            return false;
        }

        // "is: hunter2" is an assignment after the linking word; "is hunter2" needs a space.
        if (wordEnd < text.Length && text[wordEnd] == ':')
        {
            return TryFindValue(text, wordEnd, false, true, out valueStart, out valueEnd);
        }

        j = wordEnd;
        if (SkipSpaces(text, ref j) == 0 || j >= text.Length)
        {
            return false;
        }

        var quote = text[j] is '"' or '\'' or '`' or '\u201C' or '\u201E' or '\u00AB' ? text[j] : '\0';
        if (quote != '\0')
        {
            var close = quote switch { '\u201C' or '\u201E' => '\u201D', '\u00AB' => '\u00BB', _ => quote };
            var end = text.IndexOfAny([close, '\n'], j + 1);
            if (end < 0 || text[end] != close || end == j + 1 || end - j > MaxValueLength)
            {
                return false;
            }

            valueStart = j + 1;
            valueEnd = end;
            return true;
        }

        unquoted = true;
        return ReadWordValue(text, j, isPassword: true, out valueStart, out valueEnd);
    }

    /// <summary>
    /// The word right after a generic secret word and one to three blanks, or after a linking word ("key is", "token
    /// lautet"): unquoted, ending at a blank or list separator, a full stop or closing bracket after it left out.
    /// </summary>
    private static bool TryFindSpacedValue(string text, int j, out int valueStart, out int valueEnd)
    {
        valueStart = valueEnd = -1;
        if (SkipSpaces(text, ref j) == 0)
        {
            return false;
        }

        var wordEnd = j;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        foreach (var linking in LinkingWords)
        {
            var after = wordEnd;
            if (text.AsSpan(j, wordEnd - j).Equals(linking, StringComparison.OrdinalIgnoreCase) && SkipSpaces(text, ref after) > 0)
            {
                j = after;
                break;
            }
        }

        return ReadWordValue(text, j, isPassword: false, out valueStart, out valueEnd);
    }

    /// <summary>An unquoted value in a sentence from <paramref name="j"/>: a sentence may end right after it, so a full stop, colon or closing bracket there is left out.</summary>
    private static bool ReadWordValue(string text, int j, bool isPassword, out int valueStart, out int valueEnd)
    {
        valueStart = j;
        while (j < text.Length && j - valueStart < MaxValueLength && IsValueChar(text[j], '\0', isPassword))
        {
            j++;
        }

        valueEnd = j;
        while (valueEnd > valueStart && text[valueEnd - 1] is '.' or ')' or ']' or '}' or ':')
        {
            valueEnd--;
        }

        return valueEnd > valueStart;
    }

    /// <summary>
    /// A value after blanks or a linking word counts only when nothing but a key or token looks like it: at least
    /// <see cref="MinSpacedValueLength"/> characters, what <see cref="IsSecretValue"/> asks of a generic value, and
    /// letters and digits mixed as random characters mix them (at least <see cref="MinLetterDigitSwitches"/> changes
    /// between the two), so a name with a year (<c>customer_id_reference_2024</c>) is none.
    /// </summary>
    internal static bool IsStrongSecretValue(ReadOnlySpan<char> value) =>
        value.Length >= MinSpacedValueLength && IsSecretValue(value, isPassword: false) && LetterDigitSwitches(value) >= MinLetterDigitSwitches;

    private static int LetterDigitSwitches(ReadOnlySpan<char> value)
    {
        var switches = 0;
        var last = '\0';
        foreach (var c in value)
        {
            var kind = char.IsAsciiDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : '\0';
            if (kind != '\0')
            {
                switches += last != '\0' && kind != last ? 1 : 0;
                last = kind;
            }
        }

        return switches;
    }

    /// <summary>
    /// An unquoted value after "password is" counts only if it is no plain word: it holds a digit or a symbol, or a
    /// capital after its first letter ("hunter2", "Summer2024!", "p@ss", "tRoUbAdOr"; not "wrong", "Expired", "required").
    /// </summary>
    internal static bool LooksLikePassword(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsLetter(c) || (i > 0 && char.IsUpper(c) && char.IsLower(value[i - 1])))
            {
                return true;
            }
        }

        return false;
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
