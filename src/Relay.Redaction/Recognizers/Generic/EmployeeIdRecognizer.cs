using System.Buffers;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// EMPLOYEE_ID: the number an employer files a person under, in HR notes, payslips and tickets, right after a key word
/// naming it: <c>employee ID</c>, <c>employee no.</c>, <c>staff number</c>, <c>personnel number</c>, <c>payroll
/// ID</c>, <c>badge number</c>, <c>Emp ID</c> (these English words only with a number word or <c>#</c> after them);
/// <c>Personalnummer</c>, <c>Pers.-Nr.</c>, <c>Mitarbeiternummer</c>, <c>Mitarbeiter-ID</c>; <c>matricule</c>,
/// <c>numéro d'employé</c>, <c>numéro de salarié</c>; <c>personeelsnummer</c>, <c>werknemersnummer</c>,
/// <c>medewerkernummer</c>; <c>número de empleado</c>; <c>matricola</c>, <c>numero dipendente</c>. The number: up to
/// three letters, an optional dash, then 3 to 10 digits with single dashes between them (<c>0045821</c>, <c>E12345</c>,
/// <c>EMP-00451</c>), as a whole token, and every number of a list after one key word. No employer prints a check digit,
/// so only a named number counts; the span is the number, the key word stays. <see cref="RecognizerScores.Structural"/>.
/// </summary>
internal sealed partial class EmployeeIdRecognizer : IRecognizer
{
    /// <summary>A word every key word holds: the pattern runs only around them (<see cref="AnchoredKeyedScan"/>).</summary>
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["employ", "staff", "personnel", "payroll", "badge", "emp", "personal", "pers", "mitarbeiter", "matricul", "salari",
            "personeel", "werknemer", "medewerker", "empleado", "matricola", "dipendente"],
        StringComparison.OrdinalIgnoreCase);

    private const string Blank = @"[ \t\u00A0]+";

    /// <summary>The English words name a number only with a number word or <c>#</c> after them ("staff 12" is a count).</summary>
    private const string KeyWord =
        @"(?:(?:employees?|staff|personnel|payroll|badge|emp\.?)(?=[ \t\u00A0]*(?:ids?\b|numbers?\b|no\b|nr\b|#))" +
        @"|personal-?(?:nummer|nr\.?)|pers\.?-?nr\.?|mitarbeiter-?(?:nummer|nr\.?|id)" +
        @"|(?:num[ée]ro" + Blank + "de" + Blank + ")?matricule|num[ée]ro" + Blank + "(?:d['’]" + "[ \t\u00A0]*employ[ée]|de" + Blank + "salari[ée])" +
        @"|personeelsnummer|werknemersnummer|medewerkernummer" +
        @"|n[úu]mero" + Blank + "de" + Blank + "empleado" +
        @"|(?:numero" + Blank + "di" + Blank + ")?matricola|numero" + Blank + "(?:del" + Blank + ")?dipendente)";

    /// <summary>The number: up to three letters, an optional dash, then 3-10 digits with single dashes between them.</summary>
    private const string EmployeeNumber = @"(?<num>[A-Z]{0,3}-?[0-9](?:-?[0-9]){2,9})";

    private const string NumberAfterKeyWord =
        @"(?<![\p{L}\p{N}_])" + KeyWord + @"(?:[ \t\u00A0]*#|[ \t\u00A0]*" + KeyedNumber.NumberWord + ")?" + KeyedNumber.Separator + EmployeeNumber + KeyedNumber.End;

    /// <summary>How far before the word the gate finds its key word may start ("numéro de " before "matricule").</summary>
    private const int MaxLeadIn = 40;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.EmployeeId];

    public IReadOnlyList<string> Context { get; } =
        ["employee", "hr", "payroll", "personnel", "staff", "mitarbeiter", "personal", "salarié", "employé", "werknemer", "empleado", "dipendente"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        AnchoredKeyedScan.Add(text, KeyWords, MaxLeadIn, AnchoredNumberPattern(), ListItemPattern(), EntityTypes.EmployeeId, nameof(EmployeeIdRecognizer), results);
    }

    /// <summary>The whole pattern, unanchored: the reference the tests hold the anchored scan to.</summary>
    [GeneratedRegex(NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex NumberPattern();

    [GeneratedRegex(@"\G" + NumberAfterKeyWord, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex AnchoredNumberPattern();

    /// <summary>The next employee number of a list after one key word (<c>employee IDs 0045821, 0045822 and 0045823</c>).</summary>
    [GeneratedRegex(
        @"\G" + KeyedNumber.ListSeparator + EmployeeNumber + KeyedNumber.End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RecognizerScores.RegexTimeoutMilliseconds)]
    internal static partial Regex ListItemPattern();
}
