namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>
/// Sentence frames per language for the composed train/dev documents. Slots: {P} person, {F} first name, {S} surname,
/// {T} title + name, {C} city, {K} country, {O} organisation, {A} street address, {PA} postal address, {E} e-mail,
/// {PH} phone, {D} date, {N} number, {WD} weekday, {MO} month, {J} job title, {PR} product (the last five are O:
/// capitalised words that are not entities). None of these frames is used by the held-out test templates.
/// </summary>
internal sealed record Phrasebook(
    string[] Instructions,
    string[] Salutations,
    string[] SignOffs,
    string[] Sentences,
    string[] Negatives,
    string[] Headings,
    string[] JobTitles,
    string[] Products,
    string[] ChatLines,
    string[] ListItems,
    string[] TableHeader,
    string[] Verbs,
    string[] Objects)
{
    public static Phrasebook For(string lang) => lang switch
    {
        "en" => English,
        "de" => German,
        "fr" => French,
        _ => Dutch,
    };

    private static readonly Phrasebook English = new(
        Instructions:
        [
            "Summarize the following text.", "Can you make this shorter?", "Translate this into German:",
            "Fix the grammar in this:", "Extract the action items from these notes.", "Write a polite reply to this.",
            "What is the tone of this message?", "Turn this into a bullet list:", "Draft a follow-up email based on this:",
            "Check this for mistakes:", "Please rewrite this more formally.", "Classify this request:",
            "Explain this code to a junior developer.", "Convert this data to a table.", "Answer the customer below.",
        ],
        Salutations:
        [
            "Hi {F},", "Hello {F},", "Dear {F},", "Dear {P},", "Hey {F}!", "Good morning {F},", "{F},", "Hi {F} and {F},",
            "Dear Sir or Madam,", "Hello team,", "Hi all,", "Dear colleagues,", "Good afternoon,", "Hello,", "To whom it may concern,",
        ],
        SignOffs:
        [
            "Best,\n{F}", "Thanks,\n{P}", "Cheers, {F}", "Regards,\n{P}\n{J}, {O}", "All the best,\n{P}", "Thank you!\n{F}",
            "Many thanks,\n{P} | {O} | {PH}", "Best wishes", "Thanks in advance.", "Sincerely,\n{P}", "-- {F}",
        ],
        Sentences:
        [
            "{P} from {O} called this morning about the invoice.", "I spoke with {F} yesterday and she agreed.",
            "{T} will present the results on {WD}.", "Please forward this to {P} before {WD}.",
            "Our team in {C} is working with {O} on the migration.", "{S} asked whether {O} can deliver to {C} by {MO}.",
            "The package should go to {PA}.", "{F} is flying to {C} next week to meet {P}.",
            "Contract signed between {O} and {O} on {D}.", "The new office is at {A}, close to the station.",
            "Can you ask {F} if {C} or {C} is better for the workshop?", "{P} ({J}) joined {O} in {MO}.",
            "According to {T}, the shipment left {K} two days ago.", "I met {P} and {P} at the conference in {C}.",
            "{O} opened a branch in {C}, {K}.", "Send the signed copy to {P}, {PA}.",
            "Reminder: {F} is out of office until {WD}.", "{P} reported that the {PR} export fails again.",
            "We visited {O} in {C} and talked to {P}.", "Call {F} at {PH} if the delivery is late.",
            "{F}'s manager, {P}, approved the budget.", "The candidate, {P}, lives in {C} and can start in {MO}.",
            "Invoice {N} was paid by {O} on {D}.", "Meeting with {T} moved to {WD} at 10.",
            "{P} and {F} will share the {PR} file with {O}.", "{S} replaced {P} as {J}.",
            "The event takes place at {A} in {C}.", "Our supplier {O} is based in {K}.",
            "{F} said {O} might cancel the order.", "Thanks to {P} for the quick help!",
            "Written by {P} on {D}.", "Approved by {T}.", "{P} wrote: \"{F}, please call {O} in {C}.\"",
            "Our English team in {C} talks to {O} every {WD}.", "Translated from German by {P}.",
            "Please ask {P}, our {J}, about the move to {K}.", "Why did {S} leave {O}?", "{P}? Never heard of them.",
            "Hand the keys to {P} at {A}.", "{O} ({C}) confirmed the order from {P}.",
        ],
        Negatives:
        [
            "Hello and welcome!", "Thanks for your patience.", "Please see the attached document.",
            "Monday and Tuesday work for me.", "The report is due in March.", "Happy New Year!",
            "Good morning, everyone.", "Let me know if you have any questions.", "The Senior Software Engineer role is still open.",
            "Open the Excel sheet and check column B.", "We use Teams for calls and Outlook for mail.", "Summary: no blockers.",
            "Next Steps", "Action Items", "Welcome to the team!", "Dear Sir, thank you for your letter.",
            "Sorry for the late reply.", "The Q3 numbers look good.", "See you on Friday.", "Best Practices for Onboarding",
            "Head of Sales and Marketing", "Customer Success Manager", "Please Note: the office is closed on Sunday.",
            "Great job, everyone!", "The iPhone app crashes on login.", "Important: Update your Password",
            "Please answer in English.", "Can you reply in German?", "The French version is attached.",
            "STATUS UPDATE", "WEEKLY REPORT", "URGENT", "Written by the support team.", "Approved by Legal.",
            "Christmas party on Friday!", "Easter Monday is a holiday.", "Our Dutch customers prefer invoices by mail.",
            "Attached: Budget 2025 (Final).xlsx", "Reviewed by QA on Tuesday.", "Drafted after the Monday call.",
        ],
        Headings: ["Summary", "Background", "Attendees", "Notes", "Decisions", "Next steps", "Contacts", "Overview", "Details"],
        JobTitles:
        [
            "Project Manager", "Senior Developer", "Head of Finance", "Sales Director", "HR Business Partner", "CTO",
            "Office Manager", "Data Analyst", "Nurse", "General Practitioner", "Account Executive", "Team Lead",
        ],
        Products: ["Excel", "PowerPoint", "Jira", "Slack", "Zoom", "SAP", "Salesforce", "iPad", "Windows", "Android"],
        ChatLines:
        [
            "{F}: did u talk to {F} about {O}?", "{F}: yeah she says {C} is fine", "{F}: lol ok",
            "{F}: can u send me {P}'s number", "{F}: its {PH}", "{F}: meeting moved to {WD} btw",
            "{F}: who is {S}??", "{F}: the guy from {O} in {C}", "{F}: thx!!", "{F}: on my way to {C}",
        ],
        ListItems:
        [
            "{P} - {J}", "{P}, {O}", "{P} ({C})", "{F}: {J}", "{O} - {C}, {K}", "{P} <{E}>", "{P}, {PA}",
        ],
        TableHeader: ["Name", "Company", "City", "Country", "Email", "Phone", "Street"],
        Verbs:
        [
            "Summarize", "Shorten", "Rewrite", "Translate", "Check", "Explain", "Classify", "Analyse", "Improve",
            "Simplify", "Format", "Review", "Paraphrase", "Condense", "Polish", "Anonymize", "Categorize", "Answer",
            "Please summarise", "Could you rewrite", "Help me answer", "Give me feedback on", "Make a checklist from",
        ],
        Objects:
        [
            "this email", "the note below", "this message", "the following text", "this report", "the ticket",
            "this paragraph", "my draft", "the complaint", "these minutes", "the chat below", "this announcement",
            "the customer feedback", "this memo", "the job posting", "this text into French", "it in plain English",
        ]);

    private static readonly Phrasebook German = new(
        Instructions:
        [
            "Fasse den folgenden Text zusammen.", "Kannst du das kürzer machen?", "Übersetze das ins Englische:",
            "Korrigiere die Grammatik:", "Liste die Aufgaben aus diesen Notizen auf.", "Schreibe eine höfliche Antwort darauf.",
            "Welchen Ton hat diese Nachricht?", "Mach daraus eine Stichpunktliste:", "Entwirf eine Folge-E-Mail dazu:",
            "Prüfe das auf Fehler:", "Formuliere das bitte förmlicher.", "Ordne diese Anfrage ein:",
            "Erkläre diesen Code einem Junior-Entwickler.", "Wandle diese Daten in eine Tabelle um.", "Beantworte die Kundenanfrage unten.",
        ],
        Salutations:
        [
            "Hallo {F},", "Hi {F},", "Liebe {F},", "Lieber {F},", "Sehr geehrter Herr {S},", "Sehr geehrte Frau {S},",
            "Guten Morgen {F},", "{F},", "Hallo {F} und {F},", "Sehr geehrte Damen und Herren,", "Hallo zusammen,",
            "Liebe Kolleginnen und Kollegen,", "Guten Tag,", "Moin,",
        ],
        SignOffs:
        [
            "Viele Grüße\n{F}", "Danke,\n{P}", "Beste Grüße, {F}", "Mit freundlichen Grüßen\n{P}\n{J}, {O}", "LG {F}",
            "Vielen Dank!\n{P} | {O} | {PH}", "Schöne Grüße", "Danke im Voraus.", "Herzliche Grüße\n{P}", "-- {F}",
        ],
        Sentences:
        [
            "{P} von {O} hat heute Morgen wegen der Rechnung angerufen.", "Ich habe gestern mit {F} gesprochen, sie ist einverstanden.",
            "{T} stellt die Ergebnisse am {WD} vor.", "Bitte leite das vor {WD} an {P} weiter.",
            "Unser Team in {C} arbeitet mit {O} an der Migration.", "{S} fragt, ob {O} bis {MO} nach {C} liefern kann.",
            "Das Paket soll an {PA} gehen.", "{F} fliegt nächste Woche nach {C}, um {P} zu treffen.",
            "Vertrag zwischen {O} und {O} am {D} unterschrieben.", "Das neue Büro ist in der {A}, nahe am Bahnhof.",
            "Kannst du {F} fragen, ob {C} oder {C} besser für den Workshop ist?", "{P} ({J}) ist im {MO} zu {O} gekommen.",
            "Laut {T} hat die Lieferung {K} vor zwei Tagen verlassen.", "Ich habe {P} und {P} auf der Konferenz in {C} getroffen.",
            "{O} hat eine Filiale in {C}, {K} eröffnet.", "Schick die unterschriebene Kopie an {P}, {PA}.",
            "Erinnerung: {F} ist bis {WD} nicht im Büro.", "{P} meldet, dass der {PR}-Export wieder fehlschlägt.",
            "Wir waren bei {O} in {C} und haben mit {P} gesprochen.", "Ruf {F} unter {PH} an, falls die Lieferung sich verspätet.",
            "{F}s Vorgesetzte, {P}, hat das Budget freigegeben.", "Die Bewerberin {P} wohnt in {C} und kann im {MO} anfangen.",
            "Rechnung {N} wurde am {D} von {O} bezahlt.", "Termin mit {T} auf {WD} 10 Uhr verschoben.",
            "{S} ersetzt {P} als {J}.", "Die Veranstaltung findet in der {A} in {C} statt.", "Unser Lieferant {O} sitzt in {K}.",
            "{F} meint, {O} könnte den Auftrag stornieren.", "Danke an {P} für die schnelle Hilfe!",
            "Erstellt von {P} am {D}.", "Freigegeben von {T}.", "{P} schrieb: \"{F}, ruf bitte {O} in {C} an.\"",
            "Aus dem Englischen übersetzt von {P}.", "Frag {P}, unsere {J}, wegen des Umzugs nach {K}.",
            "Warum hat {S} {O} verlassen?", "Die Schlüssel bitte an {P}, {A}.", "{O} ({C}) hat die Bestellung von {P} bestätigt.",
        ],
        Negatives:
        [
            "Hallo und herzlich willkommen!", "Danke für Ihre Geduld.", "Bitte beachten Sie den Anhang.",
            "Montag und Dienstag passen mir.", "Der Bericht ist im März fällig.", "Frohes neues Jahr!",
            "Guten Morgen zusammen.", "Melde dich, wenn du Fragen hast.", "Die Stelle als Teamleiter ist noch offen.",
            "Öffne die Excel-Tabelle und prüfe Spalte B.", "Zusammenfassung: keine Blocker.", "Nächste Schritte",
            "Offene Punkte", "Willkommen im Team!", "Sehr geehrte Damen und Herren, danke für Ihr Schreiben.",
            "Entschuldigung für die späte Antwort.", "Die Zahlen für Q3 sehen gut aus.", "Bis Freitag!",
            "Wichtig: Passwort Ändern", "Die Sitzung Beginnt Um Neun.", "Leiter Vertrieb und Marketing",
            "Bitte antworte auf Englisch.", "Die französische Fassung liegt bei.", "STATUSBERICHT", "DRINGEND",
            "Erstellt vom Support-Team.", "Weihnachtsfeier am Freitag!", "Ostermontag ist Feiertag.",
            "Geprüft am Dienstag.", "Anhang: Budget 2025 (Final).xlsx", "Unsere niederländischen Kunden zahlen per Rechnung.",
        ],
        Headings: ["Zusammenfassung", "Hintergrund", "Teilnehmer", "Notizen", "Beschlüsse", "Nächste Schritte", "Kontakte"],
        JobTitles:
        [
            "Projektleiterin", "Softwareentwickler", "Leiter Finanzen", "Vertriebsleiterin", "Personalreferent",
            "Geschäftsführer", "Sachbearbeiterin", "Oberarzt", "Pflegekraft", "Teamleiter",
        ],
        Products: ["Excel", "PowerPoint", "Jira", "Slack", "Zoom", "SAP", "DATEV", "iPad", "Windows", "Android"],
        ChatLines:
        [
            "{F}: hast du mit {F} wegen {O} geredet?", "{F}: ja, {C} passt ihr", "{F}: haha ok",
            "{F}: schickst du mir die nummer von {P}", "{F}: {PH}", "{F}: meeting ist jetzt am {WD} übrigens",
            "{F}: wer ist {S}??", "{F}: der typ von {O} in {C}", "{F}: danke!!", "{F}: bin unterwegs nach {C}",
        ],
        ListItems: ["{P} - {J}", "{P}, {O}", "{P} ({C})", "{F}: {J}", "{O} - {C}, {K}", "{P} <{E}>", "{P}, {PA}"],
        TableHeader: ["Name", "Firma", "Ort", "Land", "E-Mail", "Telefon", "Straße"],
        Verbs:
        [
            "Fasse", "Kürze", "Überarbeite", "Übersetze", "Prüfe", "Erkläre", "Bewerte", "Analysiere", "Verbessere",
            "Vereinfache", "Formatiere", "Anonymisiere", "Beantworte", "Bitte fasse", "Hilf mir mit",
        ],
        Objects:
        [
            "diese E-Mail", "die Notiz unten", "diese Nachricht", "den folgenden Text", "diesen Bericht", "das Ticket",
            "diesen Absatz", "meinen Entwurf", "die Beschwerde", "das Protokoll", "den Chat unten", "diese Ankündigung",
            "das Kundenfeedback", "die Stellenanzeige", "das auf Englisch",
        ]);

    private static readonly Phrasebook French = new(
        Instructions:
        [
            "Résume le texte suivant.", "Peux-tu raccourcir ceci ?", "Traduis ceci en anglais :",
            "Corrige la grammaire :", "Extrais les actions de ces notes.", "Rédige une réponse polie.",
            "Quel est le ton de ce message ?", "Transforme ceci en liste à puces :", "Prépare un e-mail de relance :",
            "Vérifie les fautes :", "Reformule ceci de façon plus formelle.", "Classe cette demande :",
            "Explique ce code à un développeur junior.", "Convertis ces données en tableau.", "Réponds au client ci-dessous.",
        ],
        Salutations:
        [
            "Bonjour {F},", "Salut {F},", "Chère {F},", "Cher {F},", "Madame {S},", "Monsieur {S},", "Bonsoir {F},", "{F},",
            "Bonjour {F} et {F},", "Madame, Monsieur,", "Bonjour à tous,", "Chers collègues,", "Bonjour,",
        ],
        SignOffs:
        [
            "Bien cordialement,\n{F}", "Merci,\n{P}", "À bientôt, {F}", "Cordialement,\n{P}\n{J}, {O}", "Bonne journée,\n{P}",
            "Merci d'avance !\n{P} | {O} | {PH}", "Amitiés", "Merci par avance.", "Salutations distinguées,\n{P}", "-- {F}",
        ],
        Sentences:
        [
            "{P} de {O} a appelé ce matin au sujet de la facture.", "J'ai parlé avec {F} hier et elle est d'accord.",
            "{T} présentera les résultats {WD}.", "Merci de transmettre ceci à {P} avant {WD}.",
            "Notre équipe de {C} travaille avec {O} sur la migration.", "{S} demande si {O} peut livrer à {C} d'ici {MO}.",
            "Le colis doit partir au {PA}.", "{F} part à {C} la semaine prochaine pour rencontrer {P}.",
            "Contrat signé entre {O} et {O} le {D}.", "Le nouveau bureau se trouve au {A}, près de la gare.",
            "Peux-tu demander à {F} si {C} ou {C} convient mieux pour l'atelier ?", "{P} ({J}) a rejoint {O} en {MO}.",
            "D'après {T}, l'envoi a quitté le pays {K} il y a deux jours.", "J'ai rencontré {P} et {P} au salon de {C}.",
            "{O} a ouvert une agence à {C}, {K}.", "Envoie la copie signée à {P}, {PA}.",
            "Rappel : {F} est absent jusqu'à {WD}.", "{P} signale que l'export {PR} échoue encore.",
            "Nous sommes allés chez {O} à {C} et avons parlé à {P}.", "Appelle {F} au {PH} si la livraison a du retard.",
            "La responsable de {F}, {P}, a validé le budget.", "La candidate, {P}, habite à {C} et peut commencer en {MO}.",
            "La facture {N} a été réglée par {O} le {D}.", "Réunion avec {T} déplacée à {WD} 10 h.",
            "{S} remplace {P} comme {J}.", "L'événement a lieu au {A} à {C}.", "Notre fournisseur {O} est basé en {K}.",
            "{F} pense que {O} pourrait annuler la commande.", "Merci à {P} pour son aide rapide !",
            "Rédigé par {P} le {D}.", "Validé par {T}.", "{P} a écrit : « {F}, appelle {O} à {C} stp. »",
            "Traduit de l'anglais par {P}.", "Demande à {P}, notre {J}, pour le déménagement en {K}.",
            "Pourquoi {S} a quitté {O} ?", "Remets les clés à {P}, {A}.", "{O} ({C}) a confirmé la commande de {P}.",
        ],
        Negatives:
        [
            "Bonjour et bienvenue !", "Merci de votre patience.", "Veuillez trouver le document en pièce jointe.",
            "Lundi et mardi me conviennent.", "Le rapport est attendu en mars.", "Bonne année !",
            "Bonjour à tous.", "N'hésite pas si tu as des questions.", "Le poste de Chef de Projet est encore ouvert.",
            "Ouvre le fichier Excel et vérifie la colonne B.", "Résumé : aucun blocage.", "Prochaines Étapes",
            "Points Ouverts", "Bienvenue dans l'équipe !", "Madame, Monsieur, merci pour votre courrier.",
            "Désolé pour la réponse tardive.", "Les chiffres du T3 sont bons.", "À Vendredi !", "Important : Changez Votre Mot de Passe",
            "Merci de répondre en anglais.", "La version allemande est jointe.", "POINT D'ÉTAPE", "URGENT",
            "Rédigé par l'équipe support.", "Fête de Noël vendredi !", "Le lundi de Pâques est férié.", "Relu mardi.",
            "Pièce jointe : Budget 2025 (Final).xlsx", "Nos clients néerlandais préfèrent la facture papier.",
        ],
        Headings: ["Résumé", "Contexte", "Participants", "Notes", "Décisions", "Prochaines étapes", "Contacts"],
        JobTitles:
        [
            "Chef de projet", "Développeuse", "Directeur financier", "Responsable commercial", "Chargée RH",
            "Directeur général", "Infirmière", "Médecin généraliste", "Comptable", "Chef d'équipe",
        ],
        Products: ["Excel", "PowerPoint", "Jira", "Slack", "Zoom", "SAP", "Doctolib", "iPad", "Windows", "Android"],
        ChatLines:
        [
            "{F}: t'as parlé à {F} pour {O} ?", "{F}: oui elle dit que {C} c'est ok", "{F}: mdr ok",
            "{F}: tu m'envoies le num de {P}", "{F}: {PH}", "{F}: réunion déplacée à {WD} au fait",
            "{F}: c qui {S} ??", "{F}: le mec de {O} à {C}", "{F}: merci !!", "{F}: j'arrive à {C}",
        ],
        ListItems: ["{P} - {J}", "{P}, {O}", "{P} ({C})", "{F} : {J}", "{O} - {C}, {K}", "{P} <{E}>", "{P}, {PA}"],
        TableHeader: ["Nom", "Société", "Ville", "Pays", "E-mail", "Téléphone", "Adresse"],
        Verbs:
        [
            "Résume", "Abrège", "Réécris", "Traduis", "Vérifie", "Explique", "Classe", "Analyse", "Améliore",
            "Simplifie", "Mets en forme", "Anonymise", "Réponds à", "Merci de résumer", "Aide-moi avec",
        ],
        Objects:
        [
            "cet e-mail", "la note ci-dessous", "ce message", "le texte suivant", "ce rapport", "le ticket", "ce paragraphe",
            "mon brouillon", "la réclamation", "ce compte rendu", "la discussion ci-dessous", "cette annonce",
            "les retours clients", "l'offre d'emploi", "ceci en anglais",
        ]);

    private static readonly Phrasebook Dutch = new(
        Instructions:
        [
            "Vat de volgende tekst samen.", "Kun je dit korter maken?", "Vertaal dit naar het Engels:",
            "Verbeter de grammatica:", "Haal de actiepunten uit deze notities.", "Schrijf een beleefd antwoord hierop.",
            "Wat is de toon van dit bericht?", "Maak hier een opsomming van:", "Schrijf een vervolgmail hierover:",
            "Controleer dit op fouten:", "Herschrijf dit formeler.", "Classificeer dit verzoek:",
            "Leg deze code uit aan een junior ontwikkelaar.", "Zet deze gegevens in een tabel.", "Beantwoord de klant hieronder.",
        ],
        Salutations:
        [
            "Hoi {F},", "Hallo {F},", "Beste {F},", "Beste {P},", "Geachte heer {S},", "Geachte mevrouw {S},",
            "Goedemorgen {F},", "{F},", "Hoi {F} en {F},", "Geachte heer, mevrouw,", "Hallo allemaal,", "Beste collega's,", "Goedemiddag,",
        ],
        SignOffs:
        [
            "Groeten,\n{F}", "Bedankt,\n{P}", "Groetjes, {F}", "Met vriendelijke groet,\n{P}\n{J}, {O}", "Fijne dag,\n{P}",
            "Alvast bedankt!\n{P} | {O} | {PH}", "Tot snel", "Bij voorbaat dank.", "Hartelijke groet,\n{P}", "-- {F}",
        ],
        Sentences:
        [
            "{P} van {O} belde vanochtend over de factuur.", "Ik heb gisteren met {F} gesproken en ze is akkoord.",
            "{T} presenteert de resultaten op {WD}.", "Stuur dit voor {WD} door naar {P}.",
            "Ons team in {C} werkt met {O} aan de migratie.", "{S} vraagt of {O} voor {MO} in {C} kan leveren.",
            "Het pakket moet naar {PA}.", "{F} vliegt volgende week naar {C} om {P} te ontmoeten.",
            "Contract getekend tussen {O} en {O} op {D}.", "Het nieuwe kantoor is aan de {A}, vlak bij het station.",
            "Kun je {F} vragen of {C} of {C} beter is voor de workshop?", "{P} ({J}) kwam in {MO} bij {O}.",
            "Volgens {T} heeft de zending {K} twee dagen geleden verlaten.", "Ik zag {P} en {P} op de beurs in {C}.",
            "{O} heeft een vestiging geopend in {C}, {K}.", "Stuur de getekende kopie naar {P}, {PA}.",
            "Herinnering: {F} is afwezig tot {WD}.", "{P} meldt dat de {PR}-export weer mislukt.",
            "We waren bij {O} in {C} en spraken met {P}.", "Bel {F} op {PH} als de levering te laat is.",
            "De manager van {F}, {P}, heeft het budget goedgekeurd.", "De kandidaat, {P}, woont in {C} en kan in {MO} beginnen.",
            "Factuur {N} is op {D} betaald door {O}.", "Overleg met {T} verzet naar {WD} 10 uur.",
            "{S} vervangt {P} als {J}.", "Het evenement vindt plaats aan de {A} in {C}.", "Onze leverancier {O} zit in {K}.",
            "{F} denkt dat {O} de bestelling misschien annuleert.", "Dank aan {P} voor de snelle hulp!",
            "Opgesteld door {P} op {D}.", "Goedgekeurd door {T}.", "{P} schreef: \"{F}, bel {O} in {C} even.\"",
            "Vertaald uit het Duits door {P}.", "Vraag {P}, onze {J}, naar de verhuizing naar {K}.",
            "Waarom is {S} weggegaan bij {O}?", "Geef de sleutels aan {P}, {A}.", "{O} ({C}) heeft de bestelling van {P} bevestigd.",
        ],
        Negatives:
        [
            "Hallo en welkom!", "Bedankt voor je geduld.", "Zie de bijlage.", "Maandag en dinsdag komen mij goed uit.",
            "Het rapport moet in maart af zijn.", "Gelukkig nieuwjaar!", "Goedemorgen allemaal.",
            "Laat het weten als je vragen hebt.", "De functie van Teamleider staat nog open.",
            "Open het Excel-bestand en controleer kolom B.", "Samenvatting: geen blokkades.", "Volgende Stappen",
            "Openstaande Punten", "Welkom in het team!", "Geachte heer, mevrouw, dank voor uw brief.",
            "Sorry voor het late antwoord.", "De cijfers van Q3 zien er goed uit.", "Tot Vrijdag!", "Belangrijk: Wijzig Uw Wachtwoord",
            "Antwoord graag in het Engels.", "De Duitse versie zit in de bijlage.", "STATUSUPDATE", "DRINGEND",
            "Opgesteld door het supportteam.", "Kerstborrel op vrijdag!", "Tweede Paasdag is een vrije dag.",
            "Nagekeken op dinsdag.", "Bijlage: Budget 2025 (Definitief).xlsx", "Onze Franse klanten betalen per factuur.",
        ],
        Headings: ["Samenvatting", "Achtergrond", "Aanwezigen", "Notities", "Besluiten", "Volgende stappen", "Contacten"],
        JobTitles:
        [
            "Projectleider", "Ontwikkelaar", "Hoofd Financiën", "Salesmanager", "HR-adviseur", "Directeur",
            "Verpleegkundige", "Huisarts", "Boekhouder", "Teamleider",
        ],
        Products: ["Excel", "PowerPoint", "Jira", "Slack", "Zoom", "SAP", "Exact", "iPad", "Windows", "Android"],
        ChatLines:
        [
            "{F}: heb je met {F} gepraat over {O}?", "{F}: ja ze zegt dat {C} prima is", "{F}: haha ok",
            "{F}: stuur je me het nummer van {P}", "{F}: {PH}", "{F}: overleg is nu op {WD} trouwens",
            "{F}: wie is {S}??", "{F}: die gast van {O} in {C}", "{F}: thx!!", "{F}: onderweg naar {C}",
        ],
        ListItems: ["{P} - {J}", "{P}, {O}", "{P} ({C})", "{F}: {J}", "{O} - {C}, {K}", "{P} <{E}>", "{P}, {PA}"],
        TableHeader: ["Naam", "Bedrijf", "Plaats", "Land", "E-mail", "Telefoon", "Straat"],
        Verbs:
        [
            "Vat samen:", "Verkort", "Herschrijf", "Vertaal", "Controleer", "Leg uit:", "Classificeer", "Analyseer",
            "Verbeter", "Vereenvoudig", "Anonimiseer", "Beantwoord", "Graag samenvatten:", "Help me met",
        ],
        Objects:
        [
            "deze e-mail", "de notitie hieronder", "dit bericht", "de volgende tekst", "dit rapport", "het ticket",
            "deze alinea", "mijn concept", "de klacht", "de notulen", "de chat hieronder", "deze aankondiging",
            "de klantfeedback", "de vacature", "dit naar het Engels",
        ]);
}
