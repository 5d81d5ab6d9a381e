namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>Document shapes used for the train and dev splits: what people paste into an LLM prompt.</summary>
internal static class TrainTemplates
{
    public static readonly IReadOnlyList<(string Name, Action<DocumentContext> Write)> All =
    [
        ("email", Email),
        ("ticket", SupportTicket),
        ("hr", HrNote),
        ("medical", MedicalNote),
        ("minutes", MeetingMinutes),
        ("chat", Chat),
        ("code", CodeComment),
        ("config", Config),
    ];

    private static void Email(DocumentContext c)
    {
        c.Line(c.T("Please summarise this email:", "Bitte fasse diese E-Mail zusammen:",
            "Peux-tu résumer cet e-mail :", "Kun je deze e-mail samenvatten:")).Line();
        c.Text(c.T("From: ", "Von: ", "De : ", "Van: ")).Person().Text(" <").Email().Line(">");
        c.Text(c.T("To: ", "An: ", "À : ", "Aan: ")).Person().Line();
        c.Text(c.T("Subject: Visit to ", "Betreff: Besuch bei ", "Objet : Visite chez ", "Onderwerp: Bezoek aan "))
            .Company().Line().Line();
        c.Text(c.T("Hi ", "Hallo ", "Bonjour ", "Hoi ")).FirstName().Line(",");
        c.Text(c.T("as discussed, we will meet the team of ", "wie besprochen treffen wir das Team von ",
            "comme convenu, nous rencontrerons l'équipe de ", "zoals besproken ontmoeten we het team van ")).Company();
        c.Text(c.T(" at their office in ", " in ihrem Büro in ", " dans leurs bureaux à ", " op hun kantoor in "))
            .City().Text(c.T(" on ", " am ", " le ", " op ")).Date().Line(".");
        c.Text(c.T("The address is ", "Die Adresse lautet ", "L'adresse est ", "Het adres is ")).PostalAddress().Line(".");
        if (c.Random.Bool())
        {
            c.TitledPerson().Text(c.T(" will join us from ", " kommt aus ", " nous rejoindra depuis ", " komt uit "))
                .City().Line(".");
        }

        c.Line().Line(c.T("Best regards,", "Viele Grüße", "Cordialement,", "Met vriendelijke groet,"));
        c.Person().Line().Phone().Line();
    }

    private static void SupportTicket(DocumentContext c)
    {
        c.Text(c.T("Ticket #", "Ticket Nr. ", "Ticket n° ", "Ticket #")).Number(10000, 99999).Text(" - ");
        c.Line(c.T("classify priority and draft a reply", "Priorität einstufen und Antwort entwerfen",
            "classer la priorité et rédiger une réponse", "bepaal de prioriteit en schrijf een antwoord"));
        c.Text(c.T("Customer: ", "Kunde: ", "Client : ", "Klant: ")).Person().Text(" (").Company().Line(")");
        c.Text(c.T("Contact: ", "Kontakt: ", "Contact : ", "Contact: ")).Email().Text(" / ").Phone().Line();
        c.Text(c.T("Shipping address: ", "Lieferadresse: ", "Adresse de livraison : ", "Verzendadres: "))
            .PostalAddress().Line();
        c.Text(c.T("Message: my order never arrived in ", "Nachricht: meine Bestellung ist nie in ",
            "Message : ma commande n'est jamais arrivée à ", "Bericht: mijn bestelling is nooit aangekomen in ")).City();
        c.Text(c.T(". Your colleague ", " angekommen. Ihr Kollege ", ". Votre collègue ", ". Uw collega ")).FirstName();
        c.Text(c.T(" promised a refund. I also called ", " hat eine Erstattung versprochen. Ich habe auch bei ",
            " m'a promis un remboursement. J'ai aussi appelé ", " beloofde een terugbetaling. Ik heb ook "));
        c.Company().Line(c.T(" twice.", " zweimal angerufen.", " deux fois.", " twee keer gebeld."));
    }

    private static void HrNote(DocumentContext c)
    {
        c.Line(c.T("Rewrite this HR note in a neutral tone:", "Formuliere diese Personalnotiz neutral um:",
            "Reformule cette note RH de façon neutre :", "Herschrijf deze HR-notitie neutraal:"));
        c.Person().Text(c.T(" (employee ", " (Personalnummer ", " (matricule ", " (personeelsnummer "))
            .Number(1000, 99999).Text(c.T(") moves from our ", ") wechselt von unserem Standort ",
                ") quitte notre site de ", ") verhuist van onze vestiging in ")).City();
        c.Text(c.T(" site to the ", " in das Team von ", " pour l'équipe de ", " naar het team van ")).Company();
        c.Text(c.T(" team in ", " in ", " à ", " in ")).City().Text(", ").Country().Line(".");
        c.Text(c.T("Manager: ", "Vorgesetzte(r): ", "Responsable : ", "Leidinggevende: ")).Person();
        c.Text(c.T(". Performance review with ", ". Mitarbeitergespräch mit ", ". Entretien annuel avec ",
            ". Beoordelingsgesprek met ")).TitledPerson().Line(".");
        c.Text(c.T("New home address: ", "Neue Wohnanschrift: ", "Nouvelle adresse : ", "Nieuw woonadres: "))
            .PostalAddress().Line();
    }

    private static void MedicalNote(DocumentContext c)
    {
        c.Line(c.T("Summarise the patient history below.", "Fasse die folgende Anamnese zusammen.",
            "Résume l'historique du patient ci-dessous.", "Vat de onderstaande patiëntgeschiedenis samen."));
        c.Text(c.T("Patient: ", "Patient: ", "Patient : ", "Patiënt: ")).Person().Text(c.T(", born ", ", geb. ",
            ", né(e) le ", ", geboren ")).Date().Line();
        c.Text(c.T("Lives at ", "Wohnhaft ", "Domicile : ", "Woont op ")).PostalAddress().Line(".");
        c.Text(c.T("Referred by ", "Überwiesen von ", "Adressé par ", "Verwezen door ")).TitledPerson()
            .Text(c.T(" of ", " vom ", " du ", " van het ")).Company().Line(".");
        c.Text(c.T("Emergency contact: ", "Notfallkontakt: ", "Personne à prévenir : ", "Noodcontact: "))
            .Person().Text(", ").Phone().Line();
        c.Text(c.T("Complains of recurring headaches since the trip to ", "Klagt über Kopfschmerzen seit der Reise nach ",
            "Se plaint de maux de tête depuis son voyage à ", "Klaagt over hoofdpijn sinds de reis naar "))
            .Country().Line(".");
    }

    private static void MeetingMinutes(DocumentContext c)
    {
        c.Text(c.T("Meeting minutes - ", "Protokoll - ", "Compte rendu - ", "Notulen - ")).Date().Line();
        c.Text(c.T("Attendees: ", "Teilnehmende: ", "Participants : ", "Aanwezig: ")).Person().Text(", ").Person()
            .Text(", ").Person().Text(" (").Company().Line(")");
        c.Text(c.T("Location: ", "Ort: ", "Lieu : ", "Locatie: ")).Company().Text(", ").City().Line();
        c.Text("1. ").FirstName().Text(c.T(" presented the roadmap for ", " stellte die Roadmap für ",
            " a présenté la feuille de route pour ", " presenteerde de roadmap voor ")).Country().Line(".");
        c.Text("2. ").LastName().Text(c.T(" will contact ", " kontaktiert ", " contactera ", " neemt contact op met "))
            .Company().Text(c.T(" about the office in ", " wegen des Büros in ", " au sujet du bureau de ",
                " over het kantoor in ")).City().Line(".");
        c.Text(c.T("Action items: ", "Aufgaben: ", "Actions : ", "Actiepunten: ")).FirstName()
            .Text(c.T(" to send the contract to ", " schickt den Vertrag an ", " envoie le contrat à ",
                " stuurt het contract naar ")).Person().Line(".");
    }

    private static void Chat(DocumentContext c)
    {
        c.Text(c.T("can you rewrite this msg to ", "kannst du die nachricht an ", "tu peux reformuler ce message pour ",
            "kun je dit bericht aan "));
        c.FirstName().Text(c.T(" so it sounds nicer: ", " netter formulieren: ", " plus gentiment : ",
            " vriendelijker maken: "));
        c.Text(c.T("hey, ", "hey, ", "salut, ", "hoi, ")).Text(c.T("i talked to ", "hab mit ", "j'ai parlé à ",
            "ik heb met ")).Person().Text(c.T(" yesterday and ", " gesprochen und ", " hier et ", " gepraat en "));
        c.Company().Text(c.T(" wants us in ", " will uns in ", " nous veut à ", " wil ons in ")).City();
        c.Text(c.T(" by friday. ", " bis freitag. ", " d'ici vendredi. ", " voor vrijdag. "));
        c.Text(c.T("send it to ", "schick es an ", "envoie-le à ", "stuur het naar ")).Email()
            .Line(c.T(" pls", " bitte", " stp", " aub"));
    }

    private static void CodeComment(DocumentContext c)
    {
        c.Line(c.T("Explain what this function does:", "Erkläre, was diese Funktion macht:",
            "Explique ce que fait cette fonction :", "Leg uit wat deze functie doet:"));
        c.Text("// Author: ").Person().Text(" <").Email().Line(">");
        c.Text("// TODO(").FirstName().Text("): ").Text(c.T("ask ", "frag ", "demander à ", "vraag ")).Person()
            .Text(c.T(" from ", " von ", " de ", " van ")).Company().Line(c.T(" about the rate limit",
                " nach dem Ratelimit", " pour la limite", " naar de limiet"));
        c.Line("public decimal Shipping(Order order) {");
        c.Text("    if (order.Country == \"").Country().Line("\") return 0m; // " +
            c.T("free shipping", "versandkostenfrei", "livraison gratuite", "gratis verzending"));
        c.Text("    var warehouse = \"").City().Line("\";");
        c.Line("    return order.Weight * 1.2m;").Line("}");
    }

    private static void Config(DocumentContext c)
    {
        c.Line(c.T("Why does this config fail to load?", "Warum lädt diese Konfiguration nicht?",
            "Pourquoi cette configuration ne se charge pas ?", "Waarom laadt deze configuratie niet?"));
        c.Line("customer:");
        c.Text("  name: \"").Person().Line("\"");
        c.Text("  company: ").Company().Line();
        c.Text("  street: \"").Street().Line("\"");
        c.Text("  city: ").City().Line();
        c.Text("  country: ").Country().Line();
        c.Text("  email: ").Email().Line();
        c.Text("# ").Text(c.T("maintained by ", "gepflegt von ", "maintenu par ", "beheerd door ")).Person().Line();
    }
}
