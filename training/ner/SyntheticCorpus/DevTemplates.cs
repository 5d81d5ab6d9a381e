namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// Document shapes for the dev split only: neither trained on nor tested. Checkpoint selection reads the dev split;
/// drawn from the training templates it scored about 0.98 for every candidate and so could not see a model that
/// memorised those templates. Unseen phrasing makes selection measure what the test measures: generalisation.
/// </summary>
internal static class DevTemplates
{
    public static readonly IReadOnlyList<(string Name, Action<DocumentContext> Write)> All =
    [
        ("reference", Reference),
        ("travel", Travel),
        ("complaint", Complaint),
    ];

    private static void Reference(DocumentContext c)
    {
        c.Line(c.T("Polish this reference:", "Überarbeite dieses Arbeitszeugnis:", "Améliore cette recommandation :",
            "Verbeter deze referentie:"));
        c.Text(c.T("I worked with ", "Ich habe mit ", "J'ai travaillé avec ", "Ik heb met ")).Person()
            .Text(c.T(" for three years at ", " drei Jahre bei ", " pendant trois ans chez ", " drie jaar bij "))
            .Company().Text(c.T(" in ", " in ", " à ", " in ")).City()
            .Text(c.T(". ", " zusammengearbeitet. ", ". ", " samengewerkt. "));
        c.LastName().Text(c.T(" led the move of our office to ", " leitete den Umzug unseres Büros in die ",
            " a dirigé le déménagement de nos bureaux au ", " leidde de verhuizing van ons kantoor naar ")).Street();
        c.Text(c.T(" and trained ", " und schulte ", " et a formé ", " en trainde ")).FirstName()
            .Text(c.T(" and ", " und ", " et ", " en ")).FirstName().Line(".");
        c.Text(c.T("Feel free to call me, ", "Rufen Sie mich gern an, ", "N'hésitez pas à m'appeler, ",
            "Bel me gerust, ")).TitledPerson().Text(", ").Phone().Line(".");
    }

    private static void Travel(DocumentContext c)
    {
        c.Line(c.T("Turn this into a packing list and schedule:", "Mach daraus einen Reiseplan:",
            "Fais-en un programme de voyage :", "Maak hier een reisschema van:"));
        c.Text(c.T("Flight from ", "Flug von ", "Vol de ", "Vlucht van ")).City().Text(c.T(" to ", " nach ", " à ",
            " naar ")).City().Text(" (").Country().Text(c.T(") on ", ") am ", ") le ", ") op ")).Date().Line(".");
        c.Text(c.T("Hotel: ", "Hotel: ", "Hôtel : ", "Hotel: ")).Company().Text(", ").PostalAddress().Line();
        c.Text(c.T("Travelling with ", "Mitreisende: ", "Voyage avec ", "Reisgenoten: ")).Person()
            .Text(c.T(" and her son ", " und ihr Sohn ", " et son fils ", " en haar zoon ")).FirstName().Line(".");
        c.Text(c.T("Dinner with ", "Abendessen mit ", "Dîner avec ", "Diner met ")).TitledPerson()
            .Text(c.T(" from ", " von ", " de ", " van ")).Company().Text(c.T(" on ", " am ", " le ", " op "))
            .Weekday().Line(".");
    }

    private static void Complaint(DocumentContext c)
    {
        c.Line(c.T("is this complaint polite enough?", "ist diese beschwerde höflich genug?",
            "cette réclamation est-elle assez polie ?", "is deze klacht beleefd genoeg?"));
        c.Text(c.T("To whom it may concern at ", "Sehr geehrte Damen und Herren von ", "Madame, Monsieur de ",
            "Geachte medewerkers van ")).Company().Line(",");
        c.Text(c.T("my name is ", "mein Name ist ", "je m'appelle ", "mijn naam is ")).Person()
            .Text(c.T(" and I live at ", " und ich wohne in der ", " et j'habite au ", " en ik woon op ")).Street()
            .Text(c.T(" in ", " in ", " à ", " in ")).City().Text(". ");
        c.Text(c.T("Your driver ", "Ihr Fahrer ", "Votre livreur ", "Uw bezorger ")).FirstName()
            .Text(c.T(" left my parcel with ", " hat mein Paket bei ", " a laissé mon colis chez ",
                " heeft mijn pakket bij ")).LastName()
            .Line(c.T(" next door.", " nebenan abgegeben.", " à côté.", " naast ons afgegeven."));
        c.Text(c.T("Reply to ", "Antwort an ", "Répondez à ", "Antwoord naar ")).Email().Line();
    }
}
