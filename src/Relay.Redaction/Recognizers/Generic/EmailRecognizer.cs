using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// EMAIL_ADDRESS. Scans from each '@' outwards (linear, no regex backtracking over long tokens), then checks the
/// RFC 5321 limits: local part 1-64 characters without leading, trailing or doubled dots; domain of at least two
/// labels of letters, digits and hyphens (no leading/trailing hyphen, max 63 each) ending in an alphabetic TLD. The
/// password of a URL's user-info (<c>https://user:pw@host</c>) is not an address (the URL recognizer owns it). A quoted
/// local part (<c>"john doe"@example.com</c>) is taken with its quotes.
/// </summary>
internal sealed class EmailRecognizer : IRecognizer
{
    private const int MaxLocalLength = 64;
    private const int MaxDomainLength = 253;

    /// <summary>A well-formed address is unambiguous: structural validation, scored like a checksum hit.</summary>
    private const double Score = RecognizerScores.Checksum;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.EmailAddress];

    public IReadOnlyList<string> Context { get; } = ["email", "e-mail", "mail", "contact", "address"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        var at = text.IndexOf('@');
        while (at >= 0)
        {
            var next = at + 1;
            if (TryMatchAt(text, at, out var start, out var end))
            {
                results.Add(new EntitySpan(EntityTypes.EmailAddress, start, end, Score, nameof(EmailRecognizer)));
                next = end;
            }

            at = next < text.Length ? text.IndexOf('@', next) : -1;
        }
    }

    /// <summary>True when <paramref name="address"/> is, as a whole, one address these rules accept.</summary>
    internal static bool IsWellFormed(string address)
    {
        var at = address.IndexOf('@');
        return at > 0 && TryMatchAt(address, at, out var start, out var end) && start == 0 && end == address.Length;
    }

    private static bool TryMatchAt(string text, int at, out int start, out int end)
    {
        // Both scans are bounded by the RFC limits, so text with many '@' stays linear.
        start = at;
        while (start > 0 && at - start <= MaxLocalLength && IsLocalChar(text[start - 1]))
        {
            start--;
        }

        var localTooLong = start > 0 && IsLocalChar(text[start - 1]);

        end = at + 1;
        while (end < text.Length && end - at <= MaxDomainLength + 1 && IsDomainChar(text[end]))
        {
            end++;
        }

        // A sentence may end right after the address: drop trailing dots and hyphens.
        while (end > at + 1 && text[end - 1] is '.' or '-')
        {
            end--;
        }

        // Leading dots belong to the sentence ("...see.john@x.com" is rare; "..john" is never valid).
        while (start < at && text[start] == '.')
        {
            start++;
        }

        var domain = text.AsSpan(at + 1, end - at - 1);
        var domainValid = domain.Length is > 0 and <= MaxDomainLength
            && IsValidDomain(domain)
            && (end >= text.Length || !TextBoundary.IsWordChar(text[end]));
        if (domainValid && start == at && TryQuotedLocalStart(text, at, out var quoteStart))
        {
            start = quoteStart;
            return true;
        }

        var local = text.AsSpan(start, at - start);
        return domainValid
            && !localTooLong
            && !IsUrlPassword(text, start)
            && local.Length is > 0 and <= MaxLocalLength
            && local[^1] != '.'
            && !local.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>
    /// A quoted local part (RFC 5321 quoted-string), <c>"john doe"@example.com</c>: printable characters and blanks
    /// between double quotes on one line, at most 64 with the quotes; a quote escaped by a backslash (a quoted pair)
    /// does not open it. The opening quote must not follow a letter or digit.
    /// </summary>
    private static bool TryQuotedLocalStart(string text, int at, out int start)
    {
        start = at;
        if (at < 3 || text[at - 1] != '"')
        {
            return false;
        }

        var open = at - 2;
        while (open >= 0 && at - open <= MaxLocalLength && (text[open] != '"' || (open > 0 && text[open - 1] == '\\')))
        {
            if (char.IsControl(text[open]))
            {
                return false;
            }

            open -= text[open] == '"' ? 2 : 1;
        }

        if (open < 0 || at - open > MaxLocalLength || text[open] != '"' || open == at - 2
            || (open > 0 && char.IsLetterOrDigit(text[open - 1])))
        {
            return false;
        }

        start = open;
        return true;
    }

    /// <summary>
    /// True when the local part is the password of a URL's user-info (<c>postgres://admin:S3cr3t@db.internal</c>): that
    /// is no address, and the URL recognizer reports the whole URL, credentials included. Taken as an address, it would
    /// win over the URL as the validated hit and leave the user name and host in the prompt.
    /// </summary>
    private static bool IsUrlPassword(string text, int start)
    {
        if (start == 0 || text[start - 1] != ':')
        {
            return false;
        }

        var user = start - 1;
        while (user > 0 && text[user - 1] is not ('/' or ':' or '@') && !char.IsWhiteSpace(text[user - 1]) && start - user <= MaxLocalLength)
        {
            user--;
        }

        return user >= 2 && text[user - 1] == '/' && text[user - 2] == '/';
    }

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        var rest = domain;
        ReadOnlySpan<char> last = default;
        while (true)
        {
            var dot = rest.IndexOf('.');
            var label = dot < 0 ? rest : rest[..dot];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            labels++;
            last = label;
            if (dot < 0)
            {
                break;
            }

            rest = rest[(dot + 1)..];
        }

        if (labels < 2 || last.Length < 2)
        {
            return false;
        }

        foreach (var c in last)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLocalChar(char c) =>
        char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomainChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '-';
}
