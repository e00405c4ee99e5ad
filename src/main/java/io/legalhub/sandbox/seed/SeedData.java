package io.legalhub.sandbox.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The deterministic demo data set every system seeds from (fixed random seed, so every run is identical).
 * Fictional firm, clients and parties. Internal.
 */
public final class SeedData {

    public static final long RANDOM_SEED = 20_260_115L;
    public static final String LAW_FIRM_ID = "36-4412987";

    public record PracticeArea(long id, String name) {
    }

    public record Attorney(long id, String firstName, String lastName, String email, String title,
                           String timekeeperId, String classification, BigDecimal rate) {
        public String name() {
            return firstName + " " + lastName;
        }
    }

    /** A LEDES timekeeper (attorneys and paralegals). */
    public record Timekeeper(String id, String firstName, String lastName, String classification, BigDecimal rate) {
        public String ledesName() {
            return lastName + ", " + firstName;
        }
    }

    /** A matter-management contact; {@code clientNumber} is set for clients (it is the billing client number). */
    public record Contact(long id, String name, String type, String email, String clientNumber) {
    }

    /** A party of a matter; {@code role} is the Clio relationship description (Client, Adverse Party, …). */
    public record Relationship(long id, String role, Contact contact) {
    }

    public record Matter(long id, String displayNumber, String description, String status, LocalDate openDate,
                         LocalDate closeDate, Contact client, PracticeArea practiceArea, Attorney responsible,
                         Attorney originating, boolean billable, List<Relationship> relationships) {
    }

    /** An entity of the conflicts database that does not come from a seeded matter (former clients, known adversaries). */
    public record KnownEntity(String name, String role, String reference, String note) {
    }

    public record InvoiceLine(int number, String type, BigDecimal units, BigDecimal adjustment, BigDecimal total,
                              LocalDate date, String taskCode, String expenseCode, String activityCode,
                              Timekeeper timekeeper, String description, BigDecimal unitCost) {
    }

    public record Invoice(String number, LocalDate invoiceDate, String clientId, String matterNumber,
                          String clientMatterId, LocalDate billingStart, LocalDate billingEnd, String description,
                          List<InvoiceLine> lines) {
        public BigDecimal total() {
            return lines.stream().map(InvoiceLine::total).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    /** Clio relationship descriptions accepted by matter management. */
    public static final List<String> RELATIONSHIP_ROLES = List.of(
            "Client", "Adverse Party", "Opposing Counsel", "Related Party", "Co-Counsel", "Witness", "Expert", "Judge");

    /** Maps a Clio relationship description to the conflicts role (CLIENT, OPPOSING_PARTY, …). */
    public static String conflictRole(String relationshipRole) {
        return switch (relationshipRole) {
            case "Client" -> "CLIENT";
            case "Adverse Party" -> "OPPOSING_PARTY";
            case "Opposing Counsel" -> "OPPOSING_COUNSEL";
            case "Related Party" -> "RELATED_PARTY";
            case "Co-Counsel" -> "CO_COUNSEL";
            case "Witness" -> "WITNESS";
            case "Expert" -> "EXPERT";
            case "Judge" -> "JUDGE";
            default -> "OTHER";
        };
    }

    private static volatile SeedData standard;

    public static SeedData standard() {
        SeedData s = standard;
        if (s == null) {
            synchronized (SeedData.class) {
                s = standard;
                if (s == null) {
                    s = new SeedData();
                    standard = s;
                }
            }
        }
        return s;
    }

    private final List<PracticeArea> practiceAreas;
    private final List<Attorney> attorneys;
    private final List<Timekeeper> timekeepers;
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Matter> matters = new ArrayList<>();
    private final List<KnownEntity> knownEntities;
    private final List<Invoice> invoices = new ArrayList<>();
    private final Map<String, Contact> contactsByName = new LinkedHashMap<>();

    public List<PracticeArea> practiceAreas() {
        return practiceAreas;
    }

    public List<Attorney> attorneys() {
        return attorneys;
    }

    public List<Timekeeper> timekeepers() {
        return timekeepers;
    }

    /** All contacts, clients first. */
    public List<Contact> contacts() {
        return Collections.unmodifiableList(contacts);
    }

    public List<Contact> clients() {
        return contacts.stream().filter(c -> c.clientNumber() != null).toList();
    }

    public List<Matter> matters() {
        return Collections.unmodifiableList(matters);
    }

    public List<KnownEntity> knownEntities() {
        return knownEntities;
    }

    public List<Invoice> invoices() {
        return Collections.unmodifiableList(invoices);
    }

    // ------------------------------------------------------------------------------------------------ data

    private static final String[][] CLIENTS = {
            {"Acme Corporation", "Company", "ACME-001", "legal@acme.example"},
            {"Northwind Traders Ltd", "Company", "NWT-001", "counsel@northwind.example"},
            {"Contoso Pharmaceuticals Inc.", "Company", "CONTOSO-001", "legal@contoso.example"},
            {"Fabrikam Manufacturing LLC", "Company", "FABRIKAM-001", "gc@fabrikam.example"},
            {"Initech Software Corp.", "Company", "INITECH-001", "legal@initech.example"},
            {"Umbrella Logistics GmbH", "Company", "UMBRELLA-001", "recht@umbrella-logistics.example"},
            {"Stark Renewable Energy Co.", "Company", "STARK-001", "legal@starkrenewables.example"},
            {"Wayne Property Holdings LLC", "Company", "WAYNE-001", "realestate@wayneholdings.example"},
            {"Tyrell Biotech Inc.", "Company", "TYRELL-001", "ip@tyrellbio.example"},
            {"Cyberdyne Robotics Ltd", "Company", "CYBERDYNE-001", "legal@cyberdyne.example"},
            {"Hooli Media Group", "Company", "HOOLI-001", "legal@hooli.example"},
            {"Vandelay Industries", "Company", "VANDELAY-001", "art@vandelay.example"},
            {"Soylent Foods plc", "Company", "SOYLENT-001", "company.secretary@soylent.example"},
            {"Oceanic Airlines Inc.", "Company", "OCEANIC-001", "legal@oceanic-air.example"},
            {"Blue Harbor Capital Partners LP", "Company", "BLUEHARBOR-001", "ops@blueharbor.example"},
            {"Pinecrest Medical Group", "Company", "PINECREST-001", "compliance@pinecrest.example"},
            {"Margaret Holloway", "Person", "HOLLOWAY-001", "m.holloway@mail.example"},
            {"Rajesh Kumar", "Person", "KUMAR-001", "rajesh.kumar@mail.example"},
            {"Sofia Martinez", "Person", "MARTINEZ-001", "sofia.martinez@mail.example"},
            {"Thomas Bergmann", "Person", "BERGMANN-001", "t.bergmann@mail.example"},
            {"Aisha Bello", "Person", "BELLO-001", "aisha.bello@mail.example"},
            {"Daniel Fitzgerald", "Person", "FITZGERALD-001", "dan.fitzgerald@mail.example"},
    };

    private static final List<String> ADVERSE_COMPANIES = List.of(
            "Oscorp Industries Inc.", "Dunder Mifflin Paper Company", "Sterling Cooper Advertising LLC",
            "Wonka Confectionery Ltd", "Prestige Worldwide LLC", "Bluth Development Company", "Monarch Solutions Inc.",
            "Krusty Foods Corp.", "Los Pollos Hermanos LLC", "Duff Beverage Co.", "Virtucon Ltd",
            "Spacely Sprockets Inc.", "Cogswell Cogs LLC", "Buy More Stores Inc.", "Ajax Industrial Supply Inc.",
            "Tessier-Ashpool SA", "Yoyodyne Propulsion Systems", "Stay Puft Marshmallow Corp.", "Frobozz Magic Company");
    private static final List<String> ADVERSE_PEOPLE = List.of(
            "Gregory Lang", "Patricia Wells", "Victor Hale", "Natalie Ford", "Kevin Brandt", "Monica Ruiz",
            "Steven Pryce", "Laura Finch");
    private static final List<String> OPPOSING_COUNSEL = List.of(
            "Baker Whitmore LLP", "Hargrove & Pike LLP", "Sullivan Reyes PLLC", "Crane Abernathy LLP",
            "Lowell Quinn & Associates", "Drummond Vale LLP");
    private static final List<String> REAL_ESTATE_PARTIES = List.of(
            "Redstone Realty Partners", "Granite Peak Properties", "Meridian Capital Lenders", "Summit Trust Bank",
            "Harborview Escrow Services");
    /** Counterparties of deals and contracts (related parties that are not real-estate players). */
    private static final List<String> COUNTERPARTIES = List.of(
            "Lakeside Insurance Group", "Clearwater Holdings Inc.", "Atlas Freight Forwarding", "BrightPath Consulting LLC",
            "Evergreen Supply Co.", "Keystone Components Ltd", "Silverlake Data Systems");
    private static final List<String> AGENCIES = List.of(
            "Securities and Exchange Commission", "Environmental Protection Agency", "Federal Trade Commission",
            "Food and Drug Administration");
    private static final List<String> WITNESSES = List.of(
            "Laura Kim", "Peter Novak", "Helen Brooks", "Marcus Reed", "Yuki Tanaka", "Oliver Grant");
    private static final List<String> EXPERTS = List.of(
            "Dr. Evelyn Shaw", "Dr. Omar Haddad", "Dr. Ingrid Solberg", "Dr. Felix Amsel");
    private static final List<String> JUDGES = List.of(
            "Hon. Miriam Castillo", "Hon. Robert Engel", "Hon. Denise Okoro");
    private static final List<String> CO_COUNSEL = List.of("Whitaker Doyle LLP", "Ferris & Marchetti LLP");
    private static final List<String> ADDRESSES = List.of(
            "1200 Harbor Boulevard", "45 Market Street, Suite 900", "Riverside Business Park, Unit 7",
            "300 Elm Avenue", "Northgate Logistics Centre", "88 Commerce Way");

    private static final List<String> LITIGATION_TOPICS = List.of(
            "supply contract dispute", "breach of warranty claim", "trade secret misappropriation",
            "commercial lease dispute", "product liability defence", "insurance coverage dispute",
            "construction defect claim", "unfair competition claim", "fraud and misrepresentation claim",
            "shareholder dispute", "unpaid invoices collection action", "non-compete enforcement");

    /** The three seeded conflicts: a seeded matter's adverse party is a former client of the firm. */
    private static final String[][] PLANTED = {
            {"Pied Piper Inc", "Company"},
            {"Hartwell and Sons Limited", "Company"},
            {"Jon Marsh", "Person"},
    };

    private SeedData() {
        practiceAreas = List.of(
                new PracticeArea(1, "Corporate / M&A"),
                new PracticeArea(2, "Employment"),
                new PracticeArea(3, "Litigation"),
                new PracticeArea(4, "Intellectual Property"),
                new PracticeArea(5, "Real Estate"),
                new PracticeArea(6, "Regulatory & Compliance"),
                new PracticeArea(7, "Commercial Contracts"));
        attorneys = List.of(
                attorney(21, "Ana", "Rivera", "Partner", "TK101", "PARTNR", 450),
                attorney(22, "David", "Chen", "Associate", "TK205", "ASSOC", 300),
                attorney(23, "Michael", "O'Brien", "Partner", "TK102", "PARTNR", 525),
                attorney(24, "Priya", "Natarajan", "Partner", "TK103", "PARTNR", 480),
                attorney(25, "Samuel", "Whitfield", "Of Counsel", "TK150", "OFCOUN", 410),
                attorney(26, "Elena", "Petrova", "Associate", "TK206", "ASSOC", 320),
                attorney(27, "James", "Thornton", "Associate", "TK207", "ASSOC", 285),
                attorney(28, "Keisha", "Morgan", "Partner", "TK104", "PARTNR", 500));
        List<Timekeeper> tks = new ArrayList<>();
        for (Attorney a : attorneys) {
            tks.add(new Timekeeper(a.timekeeperId(), a.firstName(), a.lastName(), a.classification(), a.rate()));
        }
        tks.add(new Timekeeper("TK310", "Grace", "Okafor", "PARALG", new BigDecimal("175.00")));
        tks.add(new Timekeeper("TK311", "Luis", "Ortega", "PARALG", new BigDecimal("160.00")));
        timekeepers = List.copyOf(tks);
        knownEntities = List.of(
                new KnownEntity("Massive Dynamic Inc.", "OPPOSING_PARTY", "2019-0031", "Adverse in patent litigation for a former client"),
                new KnownEntity("Nakatomi Trading Corporation", "OPPOSING_PARTY", "2018-0112", "Adverse in arbitration"),
                new KnownEntity("Zorg Industries Ltd", "OPPOSING_PARTY", "2020-0045", "Adverse in product liability matter"),
                new KnownEntity("Kessler Freight Lines LLC", "OPPOSING_PARTY", "2021-0007", "Adverse in cargo claim"),
                new KnownEntity("Brightwater Chemicals plc", "OPPOSING_PARTY", "2017-0090", "Adverse in environmental claim"),
                new KnownEntity("Octan Petroleum Corp.", "OPPOSING_PARTY", "2019-0201", "Adverse in supply dispute"),
                new KnownEntity("Ryker Mining Group", "OPPOSING_PARTY", "2016-0033", "Adverse in joint venture dispute"),
                new KnownEntity("Halcyon Pharma AG", "OPPOSING_PARTY", "2021-0150", "Adverse in licensing dispute"),
                new KnownEntity("Vought International Inc.", "OPPOSING_PARTY", "2022-0061", "Adverse in employment class action"),
                new KnownEntity("Ellingson Mineral Company", "OPPOSING_PARTY", "2015-0012", "Adverse in lease dispute"),
                new KnownEntity("Rekall Holdings Inc.", "OPPOSING_PARTY", "2020-0133", "Adverse in trademark opposition"),
                new KnownEntity("Gideon Alvarez", "OPPOSING_PARTY", "2022-0019", "Former employee claimant"),
                new KnownEntity("Lorraine Whitcombe", "OPPOSING_PARTY", "2023-0071", "Adverse in partnership dispute"),
                new KnownEntity("Castellan Engineering GmbH", "OPPOSING_PARTY", "2023-0102", "Adverse in construction claim"),
                new KnownEntity("Prescott Vance LLP", "OPPOSING_COUNSEL", "2022-0061", "Opposing counsel"),
                new KnownEntity("Marlowe Kent & Ashby LLP", "OPPOSING_COUNSEL", "2021-0150", "Opposing counsel"),
                new KnownEntity("Pied Piper, Inc.", "CLIENT", "2019-0117", "Former client – IP licensing (closed 2020)"),
                new KnownEntity("Hartwell & Sons Ltd", "CLIENT", "2018-0042", "Former client – commercial leases (closed 2021)"),
                new KnownEntity("Jonathan Marsh", "CLIENT", "2020-0088", "Former client – executive compensation (closed 2021)"),
                new KnownEntity("Cobalt Ridge Ventures LP", "CLIENT", "2017-0150", "Former client – fund formation"),
                new KnownEntity("Silverline Aviation Inc.", "CLIENT", "2018-0077", "Former client – aircraft leasing"),
                new KnownEntity("Greenfield Organics LLC", "CLIENT", "2019-0009", "Former client – distribution agreements"),
                new KnownEntity("Redwood Analytics Corp.", "CLIENT", "2020-0154", "Former client – data licensing"),
                new KnownEntity("Beatrice Okonkwo", "CLIENT", "2021-0044", "Former client – employment agreement"),
                new KnownEntity("Talbot Marine Insurance Ltd", "CLIENT", "2016-0120", "Former client – coverage opinions"),
                new KnownEntity("Quantum Freight Systems", "CLIENT", "2022-0030", "Former client – logistics contracts"),
                new KnownEntity("Harbinger Media Group", "CLIENT", "2019-0188", "Former client – defamation defence"),
                new KnownEntity("Ashworth Hotels plc", "CLIENT", "2018-0199", "Former client – hotel acquisitions"),
                new KnownEntity("Nguyen Family Trust", "CLIENT", "2023-0015", "Former client – estate property sale"),
                new KnownEntity("Ironclad Security Services Inc.", "CLIENT", "2022-0110", "Former client – government contracts"));
        for (String[] c : CLIENTS) {
            addContact(c[0], c[1], c[3], c[2]);
        }
        buildMatters(new Random(RANDOM_SEED));
        buildInvoices(new Random(RANDOM_SEED + 1));
    }

    private static Attorney attorney(long id, String first, String last, String title, String tk, String cls, int rate) {
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + "@firm.example";
        return new Attorney(id, first, last, email, title, tk, cls, BigDecimal.valueOf(rate).setScale(2));
    }

    private Contact addContact(String name, String type, String email, String clientNumber) {
        Contact c = new Contact(501 + contacts.size(), name, type, email, clientNumber);
        contacts.add(c);
        contactsByName.put(name, c);
        return c;
    }

    private Contact contact(String name, String type) {
        Contact c = contactsByName.get(name);
        return c != null ? c : addContact(name, type, null, null);
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** Short caption name: a person's last name, a company name without legal suffix (at most two words). */
    static String shortName(Contact c) {
        String[] words = c.name().replace(",", "").split(" ");
        if (c.type().equals("Person")) {
            return words[words.length - 1];
        }
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            String lw = w.toLowerCase(Locale.ROOT).replace(".", "");
            if (List.of("inc", "llc", "ltd", "corp", "corporation", "co", "company", "plc", "gmbh", "lp", "sa",
                    "group", "industries", "holdings", "partners", "capital").contains(lw)) {
                break;
            }
            kept.add(w);
        }
        if (kept.isEmpty()) {
            kept.add(words[0]);
        }
        int take = kept.size() >= 3 && List.of("and", "&").contains(kept.get(1).toLowerCase(Locale.ROOT)) ? 3 : 2;
        return String.join(" ", kept.subList(0, Math.min(take, kept.size())));
    }

    private void buildMatters(Random r) {
        List<PracticeArea> areas = new ArrayList<>();
        int[] counts = {7, 7, 24, 6, 6, 5, 5}; // Corporate, Employment, Litigation, IP, RE, Regulatory, Commercial
        for (int i = 0; i < counts.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                areas.add(practiceAreas.get(i));
            }
        }
        Collections.shuffle(areas, r);
        List<Contact> clients = clients();
        Map<Long, Integer> matterCount = new LinkedHashMap<>();
        long relId = 9001;
        for (int i = 0; i < 60; i++) {
            boolean y2025 = i < 35;
            int seq = y2025 ? i + 1 : i - 34;
            String number = (y2025 ? "2025-" : "2026-") + String.format("%04d", seq);
            PracticeArea area = areas.get(i);
            boolean forced = number.equals("2026-0012");
            if (forced) {
                area = practiceAreas.get(2);
            }
            PracticeArea a = area;
            Predicate<Contact> compatible = c -> c.type().equals("Company")
                    || List.of(2L, 3L, 5L).contains(a.id());
            List<Contact> candidates = clients.stream().filter(compatible)
                    .filter(c -> !matterCount.containsKey(c.id())).toList();
            if (candidates.isEmpty()) {
                candidates = clients.stream().filter(compatible).toList();
            }
            Contact client = forced ? clients.get(0) : pick(r, candidates);
            matterCount.merge(client.id(), 1, Integer::sum);

            LocalDate open = y2025 ? LocalDate.of(2025, 1, 6).plusDays(10L * i) : LocalDate.of(2026, 1, 4).plusDays(seq);
            double p = r.nextDouble();
            String status = "Open";
            LocalDate close = null;
            if (y2025 && p < 0.16) {
                status = "Closed";
                close = open.plusDays(60 + r.nextInt(120));
                if (close.isAfter(LocalDate.of(2025, 12, 31))) {
                    close = LocalDate.of(2025, 12, 19);
                }
            } else if (p > 0.9) {
                status = "Pending";
            }
            Attorney responsible = pick(r, attorneys);
            List<Attorney> partners = attorneys.stream().filter(x -> x.classification().equals("PARTNR")).toList();
            Attorney originating = pick(r, partners);
            boolean billable = r.nextDouble() > 0.04;

            List<String[]> parties = new ArrayList<>(); // role, name, type
            String description;
            String c = shortName(client);
            switch ((int) area.id()) {
                case 3 -> {
                    String adverse = pick(r, ADVERSE_COMPANIES);
                    parties.add(new String[]{"Adverse Party", adverse, "Company"});
                    if (r.nextDouble() < 0.75) {
                        parties.add(new String[]{"Opposing Counsel", pick(r, OPPOSING_COUNSEL), "Company"});
                    }
                    if (r.nextDouble() < 0.45) {
                        int k = r.nextInt(3);
                        parties.add(k == 0 ? new String[]{"Witness", pick(r, WITNESSES), "Person"}
                                : k == 1 ? new String[]{"Expert", pick(r, EXPERTS), "Person"}
                                : new String[]{"Judge", pick(r, JUDGES), "Person"});
                    }
                    description = c + " v. " + shortName(contact(adverse, "Company")) + " – " + pick(r, LITIGATION_TOPICS);
                }
                case 2 -> {
                    if (client.type().equals("Company")) {
                        String person = pick(r, ADVERSE_PEOPLE);
                        parties.add(new String[]{"Adverse Party", person, "Person"});
                        description = c + " – " + person + " " + pick(r, List.of(
                                "wrongful termination claim", "discrimination charge (EEOC)", "non-compete enforcement",
                                "whistleblower retaliation claim"));
                    } else {
                        String employer = pick(r, ADVERSE_COMPANIES);
                        parties.add(new String[]{"Adverse Party", employer, "Company"});
                        description = c + " v. " + shortName(contact(employer, "Company")) + " – " + pick(r, List.of(
                                "unpaid overtime and wage claim", "severance negotiation", "wrongful dismissal claim"));
                    }
                    if (r.nextDouble() < 0.4) {
                        parties.add(new String[]{"Opposing Counsel", pick(r, OPPOSING_COUNSEL), "Company"});
                    }
                }
                case 1 -> {
                    String related = pick(r, COUNTERPARTIES);
                    int k = r.nextInt(4);
                    if (k < 2) {
                        parties.add(new String[]{"Related Party", related, "Company"});
                        description = c + " – " + (k == 0 ? "acquisition of " : "joint venture with ") + shortName(contact(related, "Company"));
                    } else {
                        description = c + " – " + (k == 2 ? "Series C preferred stock financing" : "corporate governance and annual board matters");
                    }
                    if (r.nextDouble() < 0.25) {
                        parties.add(new String[]{"Co-Counsel", pick(r, CO_COUNSEL), "Company"});
                    }
                }
                case 4 -> {
                    if (r.nextBoolean()) {
                        String adverse = pick(r, ADVERSE_COMPANIES);
                        parties.add(new String[]{"Adverse Party", adverse, "Company"});
                        if (r.nextBoolean()) {
                            parties.add(new String[]{"Opposing Counsel", pick(r, OPPOSING_COUNSEL), "Company"});
                        }
                        description = c + " v. " + shortName(contact(adverse, "Company")) + " – "
                                + pick(r, List.of("trademark infringement", "patent infringement", "copyright infringement"));
                    } else {
                        String related = pick(r, COUNTERPARTIES);
                        parties.add(new String[]{"Related Party", related, "Company"});
                        description = c + " – " + pick(r, List.of("software licence agreement with ", "patent licence with "))
                                + shortName(contact(related, "Company"));
                    }
                }
                case 5 -> {
                    String related = pick(r, REAL_ESTATE_PARTIES);
                    String address = pick(r, ADDRESSES);
                    if (r.nextDouble() < 0.9) {
                        parties.add(new String[]{"Related Party", related, "Company"});
                    }
                    description = c + " – " + pick(r, List.of("lease of ", "purchase of ", "refinancing of ")) + address;
                }
                case 6 -> {
                    String agency = pick(r, AGENCIES);
                    if (r.nextDouble() < 0.7) {
                        parties.add(new String[]{"Related Party", agency, "Company"});
                        description = c + " – " + agency + " inquiry response";
                    } else {
                        description = c + " – " + pick(r, List.of("GDPR and privacy compliance programme",
                                "export control review", "anti-bribery compliance review"));
                    }
                }
                default -> {
                    String related = pick(r, COUNTERPARTIES);
                    parties.add(new String[]{"Related Party", related, "Company"});
                    description = c + " – " + pick(r, List.of("master services agreement with ", "distribution agreement with ",
                            "supply agreement with ")) + shortName(contact(related, "Company"));
                }
            }
            if (forced) {
                parties.clear();
                parties.add(new String[]{"Adverse Party", "Globex Inc.", "Company"});
                parties.add(new String[]{"Opposing Counsel", "Baker Whitmore LLP", "Company"});
                description = "Acme v. Globex – supply contract dispute";
                responsible = attorneys.get(0);
                originating = attorneys.get(2);
                status = "Open";
                close = null;
                open = LocalDate.of(2026, 1, 15);
                billable = true;
            }
            List<Relationship> rels = new ArrayList<>();
            rels.add(new Relationship(relId++, "Client", client));
            for (String[] party : parties) {
                if (rels.size() == 4) {
                    break;
                }
                rels.add(new Relationship(relId++, party[0], contact(party[1], party[2])));
            }
            matters.add(new Matter(1001 + i, number, description, status, open, close, client, area, responsible,
                    originating, billable, rels));
        }
        plantConflicts();
    }

    /** Makes three matters' adverse party a former client, so their conflict searches produce hits. */
    private void plantConflicts() {
        int planted = 0;
        for (int i = 0; i < matters.size() && planted < PLANTED.length; i++) {
            Matter m = matters.get(i);
            if (m.displayNumber().equals("2026-0012") || i < 8 + planted * 15) {
                continue;
            }
            int adverseIdx = -1;
            for (int k = 0; k < m.relationships().size(); k++) {
                if (m.relationships().get(k).role().equals("Adverse Party")
                        && m.relationships().get(k).contact().type().equals(PLANTED[planted][1])) {
                    adverseIdx = k;
                }
            }
            if (adverseIdx < 0) {
                continue;
            }
            String[] p = PLANTED[planted];
            Contact newAdverse = contact(p[0], p[1]);
            Relationship old = m.relationships().get(adverseIdx);
            List<Relationship> rels = new ArrayList<>(m.relationships());
            rels.set(adverseIdx, new Relationship(old.id(), old.role(), newAdverse));
            String oldShort = shortName(old.contact());
            String description = m.description().replace(old.contact().name(), newAdverse.name())
                    .replace(" v. " + oldShort + " ", " v. " + shortName(newAdverse) + " ");
            matters.set(i, new Matter(m.id(), m.displayNumber(), description, "Pending", m.openDate(), null,
                    m.client(), m.practiceArea(), m.responsible(), m.originating(), m.billable(), List.copyOf(rels)));
            planted++;
        }
    }

    // ------------------------------------------------------------------------------------------- invoices

    private static final String[][] FEE_TASKS = {
            {"L110", "A104", "Review client documents and develop fact chronology"},
            {"L120", "A101", "Analyze claims and plan defense strategy"},
            {"L120", "A106", "Conference with client regarding case strategy"},
            {"L130", "A107", "Identify and retain consulting expert"},
            {"L160", "A103", "Draft mediation statement"},
            {"L210", "A103", "Draft answer and affirmative defenses"},
            {"L230", "A109", "Attend case management conference"},
            {"L240", "A102", "Research for summary judgment motion"},
            {"L250", "A103", "Draft motion to compel"},
            {"L310", "A103", "Prepare responses to interrogatories"},
            {"L320", "A104", "Review documents for production"},
            {"L330", "A109", "Attend deposition of opposing witness"},
            {"L340", "A107", "Confer with expert regarding report"},
            {"L140", "A110", "Organize case file and produced documents"},
    };

    private static final String[][] EXPENSES = {
            {"E101", "Copying", "0.10"},
            {"E106", "Online legal research", "125.00"},
            {"E107", "Courier delivery", "45.00"},
            {"E112", "Court filing fee", "405.00"},
            {"E115", "Deposition transcript", "612.50"},
            {"E110", "Travel to deposition (airfare)", "480.00"},
    };

    private static final BigDecimal[] HOURS = {
            new BigDecimal("0.50"), new BigDecimal("0.80"), new BigDecimal("1.00"), new BigDecimal("1.20"),
            new BigDecimal("1.50"), new BigDecimal("2.00"), new BigDecimal("2.50"), new BigDecimal("3.00"),
            new BigDecimal("3.60"), new BigDecimal("4.00")};

    private void buildInvoices(Random r) {
        Timekeeper rivera = timekeepers.get(0);
        Timekeeper chen = timekeepers.get(1);
        Timekeeper okafor = timekeepers.get(8);
        List<InvoiceLine> acme = new ArrayList<>();
        LocalDate d = LocalDate.of(2026, 1, 1);
        acme.add(fee(1, d.plusDays(15), "L110", "A101", rivera, "1.50", "0.00", "Plan fact investigation with client team"));
        acme.add(fee(2, d.plusDays(18), "L120", "A104", chen, "2.25", "0.00", "Review and analyze contract history"));
        acme.add(fee(3, d.plusDays(21), "L140", "A110", okafor, "0.80", "0.00", "Organize produced documents"));
        acme.add(expense(4, d.plusDays(22), "E101", "Copying, 120 pages", "120", "0.10"));
        acme.add(expense(5, d.plusDays(23), "E112", "Court filing fee", "1", "85.00"));
        acme.add(fee(6, d.plusDays(26), "L210", "A103", chen, "3.00", "-90.00", "Draft answer to complaint (courtesy discount)"));
        acme.add(new InvoiceLine(7, "IF", null, new BigDecimal("-100.00"), new BigDecimal("-100.00"), d.plusDays(30),
                null, null, null, null, "Invoice-level fee discount agreed with client", null));
        invoices.add(new Invoice("INV20260101", LocalDate.of(2026, 1, 31), "ACME-001", "2026-0012", "ACME-LIT-77",
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31), "Professional services January 2026", acme));

        List<Matter> litigation = matters.stream()
                .filter(m -> m.practiceArea().id() == 3 && m.status().equals("Open") && !m.displayNumber().equals("2026-0012"))
                .limit(3).toList();
        LocalDate[] ends = {LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 31)};
        int n = 2;
        for (int i = 0; i < litigation.size(); i++) {
            Matter m = litigation.get(i);
            LocalDate end = ends[i];
            LocalDate start = end.withDayOfMonth(1);
            Timekeeper lead = timekeepers.stream().filter(t -> t.id().equals(m.responsible().timekeeperId())).findFirst().orElseThrow();
            List<Timekeeper> team = List.of(lead, timekeepers.get(5 + r.nextInt(3)), timekeepers.get(8 + r.nextInt(2)));
            List<InvoiceLine> lines = new ArrayList<>();
            int fees = 4 + r.nextInt(3);
            for (int k = 0; k < fees; k++) {
                String[] task = FEE_TASKS[r.nextInt(FEE_TASKS.length)];
                Timekeeper tk = task[1].equals("A110") ? team.get(2) : team.get(r.nextInt(2));
                BigDecimal hours = HOURS[r.nextInt(HOURS.length)];
                String adj = "0.00";
                if (k == 1 && i == 0) {
                    adj = hours.multiply(tk.rate()).multiply(new BigDecimal("-0.10")).setScale(2, RoundingMode.HALF_UP).toPlainString();
                }
                lines.add(fee(lines.size() + 1, start.plusDays(2 + 4L * k), task[0], task[1], tk, hours.toPlainString(), adj, task[2]));
            }
            int exps = 1 + r.nextInt(3);
            for (int k = 0; k < exps; k++) {
                String[] e = EXPENSES[r.nextInt(EXPENSES.length)];
                String units = e[0].equals("E101") ? Integer.toString(50 + r.nextInt(350)) : "1";
                lines.add(expense(lines.size() + 1, start.plusDays(20 + k), e[0], e[1], units, e[2]));
            }
            if (i == 2) {
                lines.add(new InvoiceLine(lines.size() + 1, "IE", null, new BigDecimal("-25.00"), new BigDecimal("-25.00"),
                        end, null, null, null, null, "Invoice-level expense credit", null));
            }
            Contact client = m.client();
            invoices.add(new Invoice("INV2026010" + n++, end, client.clientNumber(), m.displayNumber(),
                    client.clientNumber().replace("-001", "") + "-" + m.displayNumber().replace("-", ""),
                    start, end, "Professional services " + end.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                    + " " + end.getYear(), lines));
        }
    }

    private static InvoiceLine fee(int no, LocalDate date, String task, String activity, Timekeeper tk, String hours,
                                   String adjustment, String description) {
        BigDecimal units = new BigDecimal(hours);
        BigDecimal adj = new BigDecimal(adjustment);
        BigDecimal total = units.multiply(tk.rate()).add(adj).setScale(2, RoundingMode.UNNECESSARY);
        return new InvoiceLine(no, "F", units, adj, total, date, task, null, activity, tk, description, tk.rate());
    }

    private static InvoiceLine expense(int no, LocalDate date, String code, String description, String units, String cost) {
        BigDecimal u = new BigDecimal(units);
        BigDecimal c = new BigDecimal(cost);
        BigDecimal total = u.multiply(c).setScale(2, RoundingMode.HALF_UP);
        return new InvoiceLine(no, "E", u, new BigDecimal("0.00"), total, date, null, code, null, null, description, c);
    }
}
