using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class DateOfBirthRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new DateOfBirthRecognizer();

    protected override string EntityType => EntityTypes.DateOfBirth;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Patient DOB: 03/14/1985, MRN 00123456.", "03/14/1985"),
        Hit("Date of birth: 1 April 1990; born in Lyon.", "1 April 1990"),
        // Plurals and lists after one key word; a list ends at what is no date.
        Hits("Dates of birth: 03/14/1985, 04/15/1986 and 05/16/1987", "03/14/1985", "04/15/1986", "05/16/1987"),
        Hits("DOB 03/14/1985; 04/15/1986", "03/14/1985", "04/15/1986"),
        Hits("Geburtsdaten:\n- 14.03.1985\n- 3. März 1986", "14.03.1985", "3. März 1986"),
        Hit("DOB 03/14/1985, 12 visits and 04/15/1986", "03/14/1985"),
        Hit("DOB 03/14/1985, 02/30/1986", "03/14/1985"), // 30 February does not exist
        Hit("She was born on March 14, 1985 in Ohio.", "March 14, 1985"),
        Hit("born on May 3rd, 2001", "May 3rd, 2001"),
        Hit("Geburtsdatum: 14.03.1985", "14.03.1985"),
        Hit("geboren am 3. März 1985 in Köln", "3. März 1985"),
        Hit("geb. 29.02.2000", "29.02.2000"),
        Hit("Né le 14 mars 1985 à Lyon", "14 mars 1985"),
        Hit("date de naissance : 14/03/1985", "14/03/1985"),
        Hit("geboortedatum 14-03-1985", "14-03-1985"),
        Hit("fecha de nacimiento: 14 marzo 1985", "14 marzo 1985"),
        Hit("data di nascita 14/03/85", "14/03/85"),
        Hit("DOB 1985-03-14", "1985-03-14"),
        Hit("d.o.b. 12.12.1950", "12.12.1950"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("The meeting is on 03/14/2025."),
        None("Invoice date: 14.03.1985"),
        None("born in 1985"),
        None("DOB: unknown"),
        None("Osborne 12/12/2020"),
        None("born on the 4th of July"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("DOB: 31/02/1985"),
        None("DOB: 13/13/1985"),
        None("geb. 29.02.1900"),
        None("DOB 1985-14-03"),
        None("born on 32 March 1985"),
        None("born on 14 Marchy 1985"),
        None("DOB: 03/14-1985"),
        None("DOB 14.03.1785"),
    ];
}
