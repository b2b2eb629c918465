package dev.kontor.volume;

/** The word lists the volume data's names are combined from: German and European trades, families, cities. */
final class VolumeWords {

    static final String[] TRADES = {"Bäckerei", "Metzgerei", "Schlosserei", "Gärtnerei", "Tischlerei", "Druckerei",
            "Brauerei", "Konditorei", "Apotheke", "Buchhandlung", "Elektrotechnik", "Sanitärtechnik", "Dachdeckerei",
            "Fliesenleger", "Malerbetrieb", "Autohaus", "Reisebüro", "Steuerbüro", "Kanzlei", "Zahnarztpraxis",
            "Augenoptik", "Schuhhaus", "Möbelhaus", "Blumenhaus", "Fahrradhandel", "Weinhandlung", "Getränkemarkt",
            "Hörgeräteakustik", "Küchenstudio", "Mühle", "Fleischerei", "Architekturbüro", "Ingenieurbüro",
            "Physiotherapie", "Hotel", "Gasthaus", "Spedition", "Immobilien", "Versicherungsbüro", "Café"};
    static final String[] FAMILIES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
            "Schmitz", "Krause", "Meier", "Lehmann", "Köhler", "Jäger", "Groß", "Vogel", "Fuchs", "Günther", "Böhm",
            "Weiß", "Peters", "Löwe", "Janssen", "de Vries", "Novák", "Kowalski", "Dubois", "Rossi", "García",
            "Andersson", "Nielsen", "Hansen", "Huber", "Gruber", "Steiner", "Moser", "Brunner", "Keller", "Frei"};
    static final String[] FIRST_NAMES = {"Anna", "Jürgen", "Sophie", "Lukas", "Jörg", "Marie", "Björn", "Lena",
            "Felix", "Hannah", "Jonas", "Lea", "Maximilian", "Emma", "Paul", "Mia", "Günter", "Käthe", "Uwe", "Renée",
            "François", "Sören", "Özlem", "Ingrid", "Tobias", "Julia", "Matthias", "Sabine", "Stefan", "Claudia",
            "Andreas", "Katrin", "Thomas", "Birgit", "Michael", "Nicole", "Daniel", "Petra", "Jan", "Ute", "Luca",
            "Elif", "Piotr", "Agnieszka", "Henrik", "Ines", "Marco", "Chiara", "Lars", "Astrid"};
    static final String[] CITIES = {"München", "Köln", "Düsseldorf", "Nürnberg", "Würzburg", "Lübeck", "Osnabrück",
            "Saarbrücken", "Göttingen", "Tübingen", "Mönchengladbach", "Fürth", "Gütersloh", "Lüneburg", "Paderborn",
            "Bielefeld", "Hamburg", "Berlin", "Dresden", "Leipzig", "Bremen", "Hannover", "Münster", "Kiel",
            "Rostock", "Erfurt", "Jena", "Kassel", "Mainz", "Trier", "Ulm", "Augsburg", "Regensburg", "Passau",
            "Bamberg", "Bayreuth", "Coburg", "Gießen", "Marburg", "Fulda", "Siegen", "Hagen", "Bochum", "Essen",
            "Dortmund", "Wuppertal", "Solingen", "Krefeld", "Aachen", "Bonn", "Koblenz", "Zweibrücken", "Völklingen",
            "Pforzheim", "Offenbach", "Hanau", "Lörrach", "Konstanz", "Düren"};
    /** German area codes (without the leading 0) that the out-of-hours numbers are made of. */
    static final String[] AREA_CODES = {"89", "221", "211", "911", "931", "451", "541", "681", "551", "7071",
            "2161", "911", "5241", "4131", "5251", "521", "40", "30", "351", "341", "421", "511", "251", "431"};
    static final String[] FORMS = {"GmbH", "KG", "e.K.", "OHG", "GmbH & Co. KG", "AG", "UG (haftungsbeschränkt)"};
    static final String[] STREETS = {"Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße",
            "Lindenstraße", "Kirchstraße", "Marktplatz", "Am Hafen", "Mühlenweg", "Industriestraße", "Ringstraße"};
    static final String[] PARTNER_KINDS = {"Hosting", "IT-Service", "Webagentur", "Systemhaus", "Cloud Services",
            "Managed Services", "Digital", "Netzwerke"};
    static final String[] PRODUCTS = {"Webshop", "Mailserver", "Warenwirtschaft", "Kassensystem", "Buchhaltung",
            "Terminbuchung", "Kundenportal", "Datensicherung", "Intranet", "Onlineshop", "Cloud-Telefonie",
            "Videoüberwachung", "Cluster"};
    static final String[] TENANT_WORDS = {"Filiale", "Standort", "Abteilung", "Projekt", "Mandant", "Shop",
            "Niederlassung", "Team"};
    static final String[] JOB_TITLES = {"Buchhaltung", "IT-Leitung", "Geschäftsführung", "Office-Management",
            "Einkauf", "Technischer Support"};

    private VolumeWords() {
    }
}
