namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// Document shapes held out for the test split only (never trained on), so the synthetic test measures
/// generalisation to unseen phrasing, not memorised templates.
/// </summary>
internal static class TestTemplates
{
    public static readonly IReadOnlyList<(string Name, Action<DocumentContext> Write)> All =
    [
        ("letter", Letter),
        ("bio", Bio),
        ("incident", Incident),
        ("translate", Translate),
    ];

    private static void Letter(DocumentContext c)
    {
        c.Line(c.T("Proofread this letter:", "Korrigiere diesen Brief:", "Relis cette lettre :", "Controleer deze brief:"));
        c.Company().Line().PostalAddress("\n").Line().Line();
        c.Text(c.T("Dear ", "Sehr geehrte(r) ", "Cher/Chère ", "Beste ")).TitledPerson().Line(",");
        c.Text(c.T("your parcel was sent from our warehouse in ", "Ihr Paket wurde aus unserem Lager in ",
            "votre colis a été expédié depuis notre entrepôt de ", "uw pakket is verzonden vanuit ons magazijn in "))
            .City().Text(c.T(" to ", " an ", " à ", " naar ")).PostalAddress().Text(". ");
        c.Text(c.T("For questions contact ", "Bei Fragen wenden Sie sich an ", "Pour toute question, contactez ",
            "Neem bij vragen contact op met ")).Person().Text(c.T(" at ", " unter ", " au ", " via ")).Phone().Line(".");
        c.Line(c.T("Kind regards", "Mit freundlichen Grüßen", "Bien à vous", "Hoogachtend")).Person();
    }

    private static void Bio(DocumentContext c)
    {
        c.Line(c.T("Make this bio shorter:", "Kürze diese Kurzbiografie:", "Raccourcis cette biographie :",
            "Maak deze bio korter:"));
        c.Person().Text(c.T(" grew up in ", " wuchs in ", " a grandi à ", " groeide op in ")).City().Text(", ").Country();
        c.Text(c.T(" and studied with ", " auf, studierte bei ", " et a étudié avec ", " en studeerde bij ")).Person();
        c.Text(c.T(". Since 2019 she has worked for ", ". Seit 2019 arbeitet sie für ", ". Depuis 2019, elle travaille pour ",
            ". Sinds 2019 werkt ze voor ")).Company().Text(c.T(" in ", " in ", " à ", " in ")).City();
        c.Text(c.T(", together with ", ", gemeinsam mit ", ", avec ", ", samen met ")).FirstName().Text(" ")
            .Text(c.T("and ", "und ", "et ", "en ")).TitledPerson().Line(".");
    }

    private static void Incident(DocumentContext c)
    {
        c.Text(c.T("INCIDENT REPORT ", "STÖRUNGSMELDUNG ", "RAPPORT D'INCIDENT ", "INCIDENTMELDING ")).Number(100, 999)
            .Line();
        c.Text(c.T("Reported by ", "Gemeldet von ", "Signalé par ", "Gemeld door ")).Person().Text(" (").Company()
            .Text(c.T(", site ", ", Standort ", ", site de ", ", vestiging ")).City().Line(")");
        c.Text(c.T("The server room at ", "Der Serverraum in der ", "La salle serveur au ", "De serverruimte op "))
            .Street().Text(c.T(" flooded; ", " ist überflutet; ", " est inondée ; ", " is overstroomd; "));
        c.LastName().Text(c.T(" informed ", " hat ", " a prévenu ", " heeft ")).Company()
            .Line(c.T(".", " informiert.", ".", " ingelicht."));
        c.Text(c.T("Follow-up owner: ", "Verantwortlich: ", "Suivi : ", "Opvolging: ")).Person().Text(", ").Email().Line();
    }

    private static void Translate(DocumentContext c)
    {
        c.Text("Translate to English: \"");
        c.Text(c.T("My neighbour ", "Mein Nachbar ", "Mon voisin ", "Mijn buurman ")).Person();
        c.Text(c.T(" moved to ", " ist nach ", " a déménagé à ", " is verhuisd naar ")).City();
        c.Text(c.T(" and now works at ", " gezogen und arbeitet jetzt bei ", " et travaille maintenant chez ",
            " en werkt nu bij ")).Company().Line(".\"");
    }
}
