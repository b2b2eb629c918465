package dev.kontor.volume;

import static dev.kontor.volume.VolumeWords.AREA_CODES;
import static dev.kontor.volume.VolumeWords.CITIES;
import static dev.kontor.volume.VolumeWords.FAMILIES;
import static dev.kontor.volume.VolumeWords.FIRST_NAMES;
import static dev.kontor.volume.VolumeWords.FORMS;
import static dev.kontor.volume.VolumeWords.JOB_TITLES;
import static dev.kontor.volume.VolumeWords.PARTNER_KINDS;
import static dev.kontor.volume.VolumeWords.PRODUCTS;
import static dev.kontor.volume.VolumeWords.STREETS;
import static dev.kontor.volume.VolumeWords.TENANT_WORDS;
import static dev.kontor.volume.VolumeWords.TRADES;

import dev.kontor.base.PhoneNumbers;
import dev.kontor.base.SearchKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes a volume data set into an empty database, table by table, in one transaction (so that a failed load leaves
 * the database empty). Every row is derived from the seed and the row's own number, so the same seed, size and
 * {@code asOf} day give the same rows, ids included; ids are written explicitly and the identity columns and the
 * customer number sequence are moved past them afterwards, so that Kontor adds rows as usual.
 *
 * <p>Who is who (all at {@value #DOMAIN}, all with the password {@value #PASSWORD}):
 * <ul>
 *   <li>{@code operator-1@…}, {@code operator-2@…}: provider administrators; {@code support-01@…} and on: support
 *   staff. They and the partners' people have the authenticator secret {@value #AUTHENTICATOR_SECRET}.</li>
 *   <li>{@code partner-001-legal@…}, {@code partner-001-admin@…}, {@code partner-001-employee-1@…},
 *   {@code partner-001-employee-2@…} and so on for every partner. Partner 001 holds a fifth of the relationships and
 *   the tenant tree.</li>
 *   <li>{@code manager-000000@…}: the contact person of CN-10001 and a manager of the next 299 accounts as well (300
 *   accounts); {@code manager-000001@…}: of CN-10002, CN-10302 and CN-10303 (3 accounts); otherwise
 *   {@code manager-N@…} (six digits) is the contact person of CN-(10001 + N); higher numbers are further
 *   managers.</li>
 * </ul>
 */
public final class VolumeGenerator {

    public static final String DOMAIN = "volume.example";
    /** Every volume person's password. Published like the demo password: never use the volume data in production. */
    public static final String PASSWORD = "Kontor-Volume-2026!";
    /** {@link #PASSWORD} hashed once, so that loading costs no bcrypt per person and signing in works as usual. */
    static final String PASSWORD_HASH = "{bcrypt}$2a$10$7H4gWBU0f5kfAQa6dhg7nuhuISIcAf9U.SftBwF2Hz6Tu2RDa3Ykm";
    /** The authenticator secret of every volume person who needs a second factor (staff and partners' people). */
    public static final String AUTHENTICATOR_SECRET = "KONTORVOLUMEDATASECRETFORLOADTST";
    public static final int FIRST_CUSTOMER_NUMBER = 10_001;
    public static final long PROVIDER_ID = 1;

    private static final int OPERATORS = 2;
    private static final int PARTNER_PEOPLE = 4;
    private static final String[] PARTNER_ROLES = {"LEGAL_REPRESENTATIVE", "PARTNER_ADMINISTRATOR",
            "PARTNER_EMPLOYEE", "PARTNER_EMPLOYEE"};
    private static final String[] PARTNER_MAILS = {"legal", "admin", "employee-1", "employee-2"};
    private static final int TREE_ROOTS = 10;
    private static final int TREE_FAN_OUT = 4;
    private static final int HEAVY_ACCOUNTS = 300;

    // what each random stream is for, so that one row's values never depend on how many rows came before it
    private static final int CUSTOMER = 1;
    private static final int PLAN = 2;
    private static final int PERSON = 3;
    private static final int SERVICES = 4;
    private static final int CONTACTS = 5;
    private static final int RELATIONSHIP = 6;
    private static final int TREE = 7;
    private static final int AUDIT = 8;
    private static final int PARTNER = 9;

    private final DataSource dataSource;
    private final VolumeSize size;
    private final long seed;
    private final Instant asOf;
    private final PrintStream out;
    private final boolean terminal;

    private Plan[] plans;
    private int managers;

    /** What was loaded: the counts and the people who get the authenticator. */
    public record Result(VolumeSize size, long rows, int users, int memberships, Duration took,
                         List<Long> peopleWithAuthenticator) {
    }

    /** One customer account's managers: user numbers (0 = manager-000000) and membership states, the deputy. */
    private record Plan(int[] people, String[] states, boolean[] fresh, int deputySlot) {
    }

    public VolumeGenerator(DataSource dataSource, VolumeSize size, long seed, Instant asOf, PrintStream out,
                           boolean terminal) {
        this.dataSource = dataSource;
        this.size = size;
        this.seed = seed;
        this.asOf = asOf;
        this.out = out;
        this.terminal = terminal;
    }

    public Result load() throws SQLException {
        long started = System.nanoTime();
        planManagers();
        long total = 1 + size.partners() + size.customers() + size.treeNodes()          // organizations
                + OPERATORS + size.supportStaff() + (long) PARTNER_PEOPLE * size.partners() + managers  // users
                + OPERATORS + size.supportStaff() + (long) PARTNER_PEOPLE * size.partners() + slots()   // memberships
                + size.customers() + size.treeNodes() + 2L * size.customers()                           // accounts, tenants, services
                + size.contacts() + size.relationships() + size.relationships() * 7L / 10 + size.auditEvents();
        Progress progress = new Progress(out, terminal, total);
        int users;
        int memberships;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                refuseUnlessEmpty(connection);
                progress.phase("organizations");
                organizations(connection, progress);
                progress.phase("people");
                users = users(connection, progress);
                progress.phase("memberships");
                memberships = memberships(connection, progress);
                progress.phase("customer accounts");
                accounts(connection, progress);
                progress.phase("tenants");
                tenants(connection, progress);
                progress.phase("services");
                services(connection, progress);
                progress.phase("contacts");
                contacts(connection, progress);
                progress.phase("partner relationships");
                relationships(connection, progress);
                progress.phase("audit events");
                auditEvents(connection, progress);
                progress.phase("identity columns");
                restartIdentities(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            if (connection.isWrapperFor(PGConnection.class)) {
                progress.phase("ANALYZE");
                try (Statement analyze = connection.createStatement()) {
                    // the planner's statistics and the visibility map, as autovacuum would have them in production
                    analyze.execute("VACUUM ANALYZE");
                }
            }
        }
        progress.finish();
        List<Long> withAuthenticator = new ArrayList<>();
        for (long id = 1; id <= OPERATORS + size.supportStaff() + (long) PARTNER_PEOPLE * size.partners(); id++) {
            withAuthenticator.add(id);
        }
        return new Result(size, total, users, memberships, Duration.ofNanos(System.nanoTime() - started),
                withAuthenticator);
    }

    private static void refuseUnlessEmpty(Connection connection) throws SQLException {
        try (Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery(
                     "SELECT (SELECT COUNT(*) FROM organization) + (SELECT COUNT(*) FROM app_user)")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new IllegalStateException("The database holds organizations or people already; volume data "
                        + "is loaded only into an empty database (fresh after its migrations)");
            }
        }
    }

    // --- ids: fixed ranges, so that every table can name any row without looking it up

    private long partnerId(int p) {
        return 2 + p;
    }

    private long customerId(int c) {
        return 2L + size.partners() + c;
    }

    private long tenantId(int t) {
        return 2L + size.partners() + size.customers() + t;
    }

    private long supportUserId(int s) {
        return 1L + OPERATORS + s;
    }

    private long partnerUserId(int p, int role) {
        return 1L + OPERATORS + size.supportStaff() + (long) PARTNER_PEOPLE * p + role;
    }

    private long managerUserId(int n) {
        return 1L + OPERATORS + size.supportStaff() + (long) PARTNER_PEOPLE * size.partners() + n;
    }

    public static String managerEmail(int n) {
        return "manager-%06d@%s".formatted(n, DOMAIN);
    }

    public static String partnerEmail(int p, String who) {
        return "partner-%03d-%s@%s".formatted(p + 1, who, DOMAIN);
    }

    public static String customerNumber(int c) {
        return "CN-" + (FIRST_CUSTOMER_NUMBER + c);
    }

    // --- the random streams

    private SplittableRandom random(int purpose, long row) {
        long mixed = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + row * 0x94D049BB133111EBL;
        return new SplittableRandom(mixed);
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private Instant daysAgo(SplittableRandom random, int from, int to) {
        return asOf.minusSeconds(from * 86_400L + random.nextLong((to - from) * 86_400L + 1));
    }

    // --- who manages which account

    private void planManagers() {
        int customers = size.customers();
        plans = new Plan[customers];
        int fresh = 0;
        for (int c = 0; c < customers; c++) {
            SplittableRandom random = random(PLAN, c);
            int count = 2 + random.nextInt(4);
            int[] people = new int[count];
            String[] states = new String[count];
            boolean[] isFresh = new boolean[count];
            people[0] = c;
            states[0] = "ACTIVE";
            for (int slot = 1; slot < count; slot++) {
                states[slot] = "ACTIVE";
                if (slot == 1 && c >= 1 && c < HEAVY_ACCOUNTS) {
                    people[slot] = 0;
                } else if (slot == 1 && (c == 301 || c == 302)) {
                    people[slot] = 1;
                } else if (c > 10 && random.nextDouble() < 0.15) {
                    // someone who is the contact person of an earlier account, too
                    people[slot] = 2 + random.nextInt(c - 2);
                    for (int earlier = 0; earlier < slot; earlier++) {
                        if (people[earlier] == people[slot]) {
                            people[slot] = -1;
                        }
                    }
                } else {
                    people[slot] = -1;
                }
                if (people[slot] == -1) {
                    people[slot] = customers + fresh++;
                    isFresh[slot] = true;
                    double state = random.nextDouble();
                    states[slot] = state < 0.06 ? "INVITED" : state < 0.10 ? "DEACTIVATED" : "ACTIVE";
                }
            }
            int deputy = states[1].equals("ACTIVE") && random.nextDouble() < 0.3 ? 1 : -1;
            plans[c] = new Plan(people, states, isFresh, deputy);
        }
        managers = customers + fresh;
    }

    private long slots() {
        long slots = 0;
        for (Plan plan : plans) {
            slots += plan.people().length;
        }
        return slots;
    }

    private record Person(String first, String last) {
        String name() {
            return first + " " + last;
        }
    }

    private Person person(int n) {
        SplittableRandom random = random(PERSON, n);
        return new Person(pick(random, FIRST_NAMES), pick(random, FAMILIES));
    }

    private record Customer(String name, String trade, String family, String city, String street, String postalCode,
                            String phone) {
    }

    private Customer customer(int c) {
        SplittableRandom random = random(CUSTOMER, c);
        String trade = pick(random, TRADES);
        String family = pick(random, FAMILIES);
        String city = pick(random, CITIES);
        String form = pick(random, FORMS);
        String street = pick(random, STREETS) + " " + (1 + random.nextInt(120));
        String postalCode = "%05d".formatted(1067 + random.nextInt(98_000));
        String phone = "0" + pick(random, AREA_CODES) + " " + (100_000 + random.nextInt(899_999));
        return new Customer(trade + " " + family + " " + city + " " + form, trade, family, city, street, postalCode,
                phone);
    }

    private String partnerName(int p) {
        return FAMILIES[p % FAMILIES.length] + " " + PARTNER_KINDS[(p / FAMILIES.length + p) % PARTNER_KINDS.length]
                + " " + (p % 3 == 0 ? "GmbH" : p % 3 == 1 ? "KG" : "AG") + (p >= FAMILIES.length * PARTNER_KINDS.length
                ? " " + (p + 1) : "");
    }

    /** The partner that customer account {@code c} has a relationship with, or -1 (no relationship). */
    private int partnerOf(int c) {
        if (c >= size.relationships()) {
            return -1;
        }
        return c < size.relationships() / 5 || size.partners() == 1 ? 0 : 1 + c % (size.partners() - 1);
    }

    // --- the tables

    private void organizations(Connection connection, Progress progress) throws SQLException {
        Instant founded = asOf.minus(Duration.ofDays(3 * 365));
        try (RowSink rows = RowSink.open(connection, progress, "organization", "id", "kind", "name",
                "customer_number", "parent_id", "created_at", "version", "ancestor_path", "account_id", "sibling_key",
                "search_key", "state")) {
            rows.add(PROVIDER_ID, "PROVIDER", "Kontor Volume Hosting", null, null, founded, 0L, "/", null, null,
                    SearchKeys.fold("Kontor Volume Hosting"), "ACTIVE");
            for (int p = 0; p < size.partners(); p++) {
                String name = partnerName(p);
                rows.add(partnerId(p), "PARTNER", name, null, PROVIDER_ID, daysAgo(random(PARTNER, p), 400, 1000), 0L,
                        "/" + PROVIDER_ID + "/", null, null, SearchKeys.fold(name), "ACTIVE");
            }
            for (int c = 0; c < size.customers(); c++) {
                int partner = partnerOf(c);
                long parent = partner < 0 ? PROVIDER_ID : partnerId(partner);
                String path = partner < 0 ? "/" + PROVIDER_ID + "/" : "/" + PROVIDER_ID + "/" + parent + "/";
                String name = customer(c).name();
                rows.add(customerId(c), "CUSTOMER", name, customerNumber(c), parent, createdAt(c), 0L, path, null,
                        null, SearchKeys.fold(name), "ACTIVE");
            }
            String[] paths = new String[size.treeNodes()];
            String below = "/" + PROVIDER_ID + "/" + partnerId(0) + "/";
            for (int t = 0; t < size.treeNodes(); t++) {
                int parent = treeParent(t);
                long parentId = parent < 0 ? partnerId(0) : tenantId(parent);
                paths[t] = parent < 0 ? below : paths[parent] + parentId + "/";
                String name = tenantName(t);
                rows.add(tenantId(t), "TENANT", name, null, parentId, daysAgo(random(TREE, t), 10, 900), 0L,
                        paths[t], partnerId(0), name.toLowerCase(Locale.ROOT), SearchKeys.fold(name), "ACTIVE");
            }
        }
    }

    private Instant createdAt(int c) {
        // older accounts have lower numbers: spread over three years, the newest a day old
        long span = Duration.ofDays(3 * 365).toSeconds();
        return asOf.minusSeconds(86_400 + span - span * c / Math.max(1, size.customers()));
    }

    private static int treeParent(int t) {
        return t < TREE_ROOTS ? -1 : (t - TREE_ROOTS) / TREE_FAN_OUT;
    }

    private String tenantName(int t) {
        SplittableRandom random = random(TREE, t);
        return pick(random, TENANT_WORDS) + " " + pick(random, CITIES) + " " + (t + 1);
    }

    private int users(Connection connection, Progress progress) throws SQLException {
        int written = 0;
        try (RowSink rows = RowSink.open(connection, progress, "app_user", "id", "email", "display_name",
                "password_hash", "preferred_language", "created_at", "version")) {
            Instant staffSince = asOf.minus(Duration.ofDays(900));
            for (int o = 0; o < OPERATORS; o++) {
                Person who = person(-1 - o);
                rows.add(1L + o, "operator-%d@%s".formatted(o + 1, DOMAIN), who.name(), PASSWORD_HASH, "de",
                        staffSince, 0L);
                written++;
            }
            for (int s = 0; s < size.supportStaff(); s++) {
                Person who = person(-100 - s);
                rows.add(supportUserId(s), "support-%02d@%s".formatted(s + 1, DOMAIN), who.name(), PASSWORD_HASH,
                        s % 3 == 0 ? "en" : "de", staffSince, 0L);
                written++;
            }
            for (int p = 0; p < size.partners(); p++) {
                for (int role = 0; role < PARTNER_PEOPLE; role++) {
                    Person who = person(-10_000 - PARTNER_PEOPLE * p - role);
                    rows.add(partnerUserId(p, role), partnerEmail(p, PARTNER_MAILS[role]), who.name(), PASSWORD_HASH,
                            "de", staffSince, 0L);
                    written++;
                }
            }
            for (int c = 0; c < size.customers(); c++) {
                Plan plan = plans[c];
                for (int slot = 0; slot < plan.people().length; slot++) {
                    if (slot == 0 || plan.fresh()[slot]) {
                        int n = plan.people()[slot];
                        // an invited person has no password until they accept
                        String hash = plan.states()[slot].equals("INVITED") ? null : PASSWORD_HASH;
                        rows.add(managerUserId(n), managerEmail(n), person(n).name(), hash,
                                n % 4 == 0 ? "en" : "de", createdAt(c), 0L);
                        written++;
                    }
                }
            }
        }
        return written;
    }

    private int memberships(Connection connection, Progress progress) throws SQLException {
        long id = 0;
        try (RowSink rows = RowSink.open(connection, progress, "membership", "id", "user_id", "organization_id",
                "role", "state", "created_at", "version", "invited_name")) {
            Instant staffSince = asOf.minus(Duration.ofDays(900));
            for (int o = 0; o < OPERATORS; o++) {
                rows.add(++id, 1L + o, PROVIDER_ID, "PROVIDER_ADMINISTRATOR", "ACTIVE", staffSince, 0L, null);
            }
            for (int s = 0; s < size.supportStaff(); s++) {
                rows.add(++id, supportUserId(s), PROVIDER_ID, "SUPPORT", "ACTIVE", staffSince, 0L, null);
            }
            for (int p = 0; p < size.partners(); p++) {
                for (int role = 0; role < PARTNER_PEOPLE; role++) {
                    rows.add(++id, partnerUserId(p, role), partnerId(p), PARTNER_ROLES[role], "ACTIVE", staffSince,
                            0L, null);
                }
            }
            for (int c = 0; c < size.customers(); c++) {
                Plan plan = plans[c];
                for (int slot = 0; slot < plan.people().length; slot++) {
                    int n = plan.people()[slot];
                    String state = plan.states()[slot];
                    rows.add(++id, managerUserId(n), customerId(c), "MANAGER", state, createdAt(c), 0L,
                            state.equals("INVITED") ? person(n).name() : null);
                }
            }
        }
        return (int) id;
    }

    private void accounts(Connection connection, Progress progress) throws SQLException {
        try (RowSink rows = RowSink.open(connection, progress, "customer_account", "organization_id", "street",
                "postal_code", "city", "country", "billing_email", "emergency_phone", "emergency_phone_e164",
                "contact_person_id", "deputy_id", "contact_confirmed_at", "version", "payment_method_on_file",
                "changed_at")) {
            for (int c = 0; c < size.customers(); c++) {
                Customer customer = customer(c);
                Plan plan = plans[c];
                SplittableRandom random = random(CUSTOMER, -1 - c);
                // no out-of-hours number for every fifth; about one in six confirmations is overdue (180 days)
                String phone = c % 5 == 4 ? null : customer.phone();
                Long deputy = plan.deputySlot() < 0 ? null : managerUserId(plan.people()[plan.deputySlot()]);
                rows.add(customerId(c), customer.street(), customer.postalCode(), customer.city(), "DE",
                        "rechnung@" + domain(customer, c), phone,
                        phone == null ? null : PhoneNumbers.searchForm(phone).orElse(null),
                        managerUserId(plan.people()[0]), deputy, daysAgo(random, 0, 215), 0L,
                        random.nextDouble() < 0.8, createdAt(c));
            }
        }
    }

    /** A customer's own mail domain, e.g. "mueller-baeckerei-10001.example". */
    private static String domain(Customer customer, int c) {
        return ascii(customer.family()) + "-" + ascii(customer.trade()) + "-" + (FIRST_CUSTOMER_NUMBER + c)
                + ".example";
    }

    /** Lower-case ASCII for mail addresses: umlauts spelled out, accents dropped, anything else left out. */
    static String ascii(String text) {
        String spelled = text.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        return Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("[^a-z0-9.-]", "");
    }

    private void tenants(Connection connection, Progress progress) throws SQLException {
        String[] editions = {"BASIC", "PROFESSIONAL", "ENTERPRISE"};
        try (RowSink rows = RowSink.open(connection, progress, "tenant", "organization_id", "tenant_type", "edition",
                "character_set", "needs_configuration", "default_language", "time_zone", "version")) {
            for (int t = 0; t < size.treeNodes(); t++) {
                rows.add(tenantId(t), "STANDARD", editions[t % 3], "UTF-8", false, t % 2 == 0 ? "de" : null,
                        t % 2 == 0 ? "Europe/Berlin" : null, 0L);
            }
        }
    }

    private void services(Connection connection, Progress progress) throws SQLException {
        long id = 0;
        try (RowSink rows = RowSink.open(connection, progress, "service", "id", "organization_id", "name", "kind",
                "created_at", "version")) {
            for (int c = 0; c < size.customers(); c++) {
                SplittableRandom random = random(SERVICES, c);
                int count = 1 + random.nextInt(3);
                int first = random.nextInt(PRODUCTS.length);
                for (int s = 0; s < count; s++) {
                    String product = PRODUCTS[(first + s) % PRODUCTS.length];
                    boolean cluster = product.equals("Cluster");
                    String name = cluster ? "Cluster C-" + (FIRST_CUSTOMER_NUMBER + c)
                            : product + " " + "%06d".formatted(c);
                    rows.add(++id, customerId(c), name, cluster ? "CLUSTER" : "PRODUCT", createdAt(c), 0L);
                }
            }
        }
    }

    private void contacts(Connection connection, Progress progress) throws SQLException {
        long id = 0;
        try (RowSink rows = RowSink.open(connection, progress, "contact", "id", "organization_id", "user_id",
                "first_name", "last_name", "email", "phone", "job_title", "billing", "technical", "business",
                "created_at", "version")) {
            for (int c = 0; c < size.customers(); c++) {
                SplittableRandom random = random(CONTACTS, c);
                Customer customer = customer(c);
                int contactPerson = plans[c].people()[0];
                Person boss = person(contactPerson);
                // the contact person, linked to their user; then accounting and IT, not users of Kontor
                rows.add(++id, customerId(c), managerUserId(contactPerson), boss.first(), boss.last(),
                        managerEmail(contactPerson), mobile(c, 0), "Geschäftsführung", false, false, true,
                        createdAt(c), 0L);
                for (int k = 1; k < VolumeSize.CONTACTS_PER_ACCOUNT; k++) {
                    Person who = new Person(pick(random, FIRST_NAMES), pick(random, FAMILIES));
                    boolean billing = k == 1;
                    rows.add(++id, customerId(c), null, who.first(), who.last(),
                            ascii(who.first()) + "." + ascii(who.last()) + "." + k + "@" + domain(customer, c),
                            random.nextInt(4) == 0 ? null : mobile(c, k),
                            billing ? "Buchhaltung" : pick(random, JOB_TITLES), billing, !billing,
                            !billing && random.nextBoolean(), createdAt(c), 0L);
                }
            }
        }
    }

    /** A German mobile number in E.164, distinct for every contact: "+49171" and seven digits. */
    private static String mobile(int c, int k) {
        long n = 3L * c + k;
        return "+4917" + (1 + n / 10_000_000 % 9) + "%07d".formatted(n % 10_000_000);
    }

    private void relationships(Connection connection, Progress progress) throws SQLException {
        long assignments = 0;
        List<long[]> assigned = new ArrayList<>();
        try (RowSink rows = RowSink.open(connection, progress, "partner_relationship", "id", "partner_id",
                "customer_id", "state", "requested_rights", "granted_rights", "request_email", "request_token_hash",
                "requested_by", "requested_at", "request_expires_at", "answered_by", "answered_at", "ended_by",
                "ended_at", "review_pending", "rights_confirmed_at", "open_customer_id", "admin_customer_id",
                "tenants_customer_id", "snapshot_at", "snapshot_customer_name", "snapshot_customer_number",
                "snapshot_contact_person", "snapshot_payment_method_on_file", "version", "customer_number_key",
                "customer_name_key")) {
            for (int c = 0; c < size.relationships() && c < size.customers(); c++) {
                SplittableRandom random = random(RELATIONSHIP, c);
                int p = partnerOf(c);
                long customer = customerId(c);
                String state = relationshipState(c, random.nextDouble());
                List<String> rights = new ArrayList<>(List.of("VIEW"));
                for (String right : List.of("MANAGE_USERS", "MANAGE_CONTACTS", "MANAGE_TENANTS", "BILLING")) {
                    if (random.nextDouble() < 0.5) {
                        rights.add(right);
                    }
                }
                if (random.nextDouble() < 0.03) {
                    rights.add("ADMIN");
                }
                String requested = String.join(",", rights);
                boolean open = state.equals("ACTIVE") || state.equals("REQUESTED");
                Instant requestedAt = state.equals("REQUESTED") ? daysAgo(random, 0, 10)
                        : daysAgo(random, 40, 1000);
                Instant expiresAt = requestedAt.plus(Duration.ofDays(14));
                boolean answered = !state.equals("REQUESTED") && !state.equals("EXPIRED");
                Instant answeredAt = answered ? requestedAt.plusSeconds(3600 + random.nextLong(4 * 86_400L)) : null;
                boolean ended = state.equals("TERMINATED") || state.equals("REVOKED");
                Instant endedAt = ended ? answeredAt.plusSeconds(86_400 + random.nextLong(30 * 86_400L)) : null;
                long contactPerson = managerUserId(plans[c].people()[0]);
                long partnerAdmin = partnerUserId(p, 1);
                boolean active = state.equals("ACTIVE");
                Instant snapshotAt = open ? null : ended ? endedAt : answered ? answeredAt : expiresAt;
                Customer data = open ? null : customer(c);
                rows.add((long) c + 1, partnerId(p), customer, state, requested, active ? requested : null,
                        managerEmail(plans[c].people()[0]),
                        state.equals("REQUESTED") ? sha256("volume-request-" + seed + "-" + c) : null, partnerAdmin,
                        requestedAt, expiresAt, answered ? contactPerson : null, answeredAt,
                        ended ? (state.equals("REVOKED") ? contactPerson : partnerAdmin) : null, endedAt, false,
                        active ? answeredAt : null, open ? customer : null,
                        active && rights.contains("ADMIN") ? customer : null,
                        active && (rights.contains("ADMIN") || rights.contains("MANAGE_TENANTS")) ? customer : null,
                        snapshotAt, data == null ? null : data.name(), data == null ? null : customerNumber(c),
                        data == null ? null : person(plans[c].people()[0]).name(),
                        data == null ? null : random.nextBoolean(), 0L, customerNumber(c),
                        SearchKeys.fold(customer(c).name()));
                if (active) {
                    assigned.add(new long[] {partnerId(p), customer, partnerUserId(p, 2 + c % 2),
                            answeredAt.getEpochSecond()});
                }
            }
        }
        try (RowSink rows = RowSink.open(connection, progress, "customer_assignment", "id", "partner_id",
                "customer_id", "user_id", "assigned_at")) {
            for (long[] row : assigned) {
                rows.add(++assignments, row[0], row[1], row[2], Instant.ofEpochSecond(row[3]));
            }
        }
    }

    /** The state of customer account {@code c}'s relationship, from the first draw of its random stream. */
    private static String relationshipState(int c, double roll) {
        // the first accounts of partner 001 are active, so that load tests find them
        return c < 10 || roll < 0.70 ? "ACTIVE" : roll < 0.78 ? "REQUESTED" : roll < 0.83 ? "DECLINED"
                : roll < 0.90 ? "TERMINATED" : roll < 0.95 ? "REVOKED" : "EXPIRED";
    }

    private boolean activeRelationship(int c) {
        return partnerOf(c) >= 0 && relationshipState(c, random(RELATIONSHIP, c).nextDouble()).equals("ACTIVE");
    }

    // --- the people files of the load test

    /**
     * Writes the people files of the Gatling load test ({@code src/load}, {@code docs/performance-load.md}) for this
     * data set into {@code folder}: {@code managers.csv} (contact persons with the account on their dashboard, and
     * whether it has a second active manager to make contact person), {@code partners.csv} (every partner person
     * but the two who work on partner 001's tenant tree, each with a customer it may enter and a filter that finds
     * it), {@code support.csv} (the support staff, each row a customer number to look up) and {@code tenants.csv}
     * (partner 001's legal representative and administrator, who see the 10,000-node tree, each row a tenant to
     * search for). At most {@code rows}
     * rows per file; the same seed and size give the same files, which {@link #load()} needs not have run for.
     */
    public void writePeopleFiles(Path folder, int rows) throws IOException {
        if (plans == null) {
            planManagers();
        }
        Files.createDirectories(folder);
        List<String> managerRows = new ArrayList<>(List.of("email,account,changeContact"));
        // past the heavy accounts (manager-000000 and -000001 manage them), where there are enough: every row its own
        // person, with a handful of accounts at most
        int start = size.customers() > 2 * (HEAVY_ACCOUNTS + 3) ? HEAVY_ACCOUNTS + 3 : 2;
        int step = Math.max(1, (size.customers() - start) / rows);
        for (int c = start; c < size.customers() && managerRows.size() <= rows; c += step) {
            Plan plan = plans[c];
            long active = Arrays.stream(plan.states()).filter("ACTIVE"::equals).count();
            managerRows.add(managerEmail(c) + "," + customerNumber(c) + "," + (active >= 2));
        }
        List<String> partnerRows = new ArrayList<>(List.of("email,secret,customers,filter,account"));
        for (int p = 0; p < size.partners(); p++) {
            for (int role = p == 0 ? 2 : 0; role < PARTNER_PEOPLE; role++) {
                int c = firstActiveCustomer(p, role);
                if (c >= 0) {
                    Customer customer = customer(c);
                    partnerRows.add(partnerEmail(p, PARTNER_MAILS[role]) + "," + AUTHENTICATOR_SECRET + ","
                            + (role < 2 ? "partner/customers" : "partner/my-customers") + ","
                            + customer.family() + " " + customer.city() + "," + customerNumber(c));
                }
            }
        }
        List<String> supportRows = new ArrayList<>(List.of("email,secret,search,expect"));
        // numbers from CN-11000 on: no search for one of them is the beginning of a six-digit number
        int first = Math.min(999, size.customers() - 1);
        int stride = Math.max(1, (size.customers() - first) / rows);
        for (int i = 0; supportRows.size() <= rows && first + (long) i * stride < size.customers(); i++) {
            String number = customerNumber(first + i * stride);
            supportRows.add("support-%02d@%s".formatted(i % size.supportStaff() + 1, DOMAIN) + ","
                    + AUTHENTICATOR_SECRET + "," + number + "," + number);
        }
        // partner 001's tenants lie below its thousands of customer accounts in the tree: each row searches a root
        List<String> tenantRows = new ArrayList<>(List.of("email,secret,search"));
        for (int t = 0; t < Math.min(TREE_ROOTS, size.treeNodes()); t++) {
            for (String who : List.of("legal", "admin")) {
                tenantRows.add(partnerEmail(0, who) + "," + AUTHENTICATOR_SECRET + "," + tenantName(t));
            }
        }
        Files.write(folder.resolve("managers.csv"), managerRows, StandardCharsets.UTF_8);
        Files.write(folder.resolve("partners.csv"), partnerRows, StandardCharsets.UTF_8);
        Files.write(folder.resolve("support.csv"), supportRows, StandardCharsets.UTF_8);
        Files.write(folder.resolve("tenants.csv"), tenantRows, StandardCharsets.UTF_8);
    }

    /**
     * Partner {@code p}'s first customer account with an active relationship that the person in {@code role} sees:
     * any for the legal representative and the administrator, an assigned one for an employee; -1 if none.
     */
    private int firstActiveCustomer(int p, int role) {
        for (int c = 0; c < size.relationships() && c < size.customers(); c++) {
            if (partnerOf(c) == p && (role < 2 || 2 + c % 2 == role) && activeRelationship(c)) {
                return c;
            }
        }
        return -1;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void auditEvents(Connection connection, Progress progress) throws SQLException {
        int events = size.auditEvents();
        long span = Duration.ofDays(365).toSeconds();
        try (RowSink rows = RowSink.open(connection, progress, "audit_event", "id", "occurred_at", "kind", "outcome",
                "actor_user_id", "actor_email", "on_behalf_of_id", "organization_id", "summary", "old_value",
                "new_value", "remote_address")) {
            for (int k = 0; k < events; k++) {
                SplittableRandom random = random(AUDIT, k);
                Instant at = asOf.minusSeconds(span - span * k / events + random.nextInt(60));
                // a tenth of the events concern the hundred oldest accounts, so that some logs are long
                int c = random.nextDouble() < 0.1 ? random.nextInt(Math.min(100, size.customers()))
                        : random.nextInt(size.customers());
                int manager = plans[c].people()[0];
                String address = random.nextBoolean() ? "192.0.2." + (1 + random.nextInt(254))
                        : "2001:db8::" + Integer.toHexString(1 + random.nextInt(65_000));
                double roll = random.nextDouble();
                int p = partnerOf(c);
                if (roll < 0.15) {
                    rows.add(k + 1L, at, "SIGNED_IN", "SUCCESS", managerUserId(manager), managerEmail(manager), null,
                            null, "Signed in", null, null, address);
                } else if (roll < 0.18) {
                    rows.add(k + 1L, at, "SIGN_IN_FAILED", "FAILED", null, managerEmail(manager), null, null,
                            "Sign-in failed: wrong password", null, null, address);
                } else if (roll < 0.20) {
                    rows.add(k + 1L, at, "ACCESS_DENIED", "DENIED", managerUserId(manager), managerEmail(manager),
                            null, customerId(c), "Access denied: not a manager of this account", null, null, address);
                } else if (roll < 0.45 && p >= 0) {
                    // a partner's administrator working inside the account
                    rows.add(k + 1L, at, "ACCOUNT_DATA_CHANGED", "SUCCESS", partnerUserId(p, 1),
                            partnerEmail(p, "admin"), partnerId(p), customerId(c), "Changed the account data",
                            "Billing e-mail " + "alt@" + DOMAIN, "Billing e-mail " + "rechnung@" + DOMAIN, address);
                } else if (roll < 0.60) {
                    rows.add(k + 1L, at, "CONTACT_DATA_CONFIRMED", "SUCCESS", managerUserId(manager),
                            managerEmail(manager), null, customerId(c), "Confirmed the contact data", null, null,
                            address);
                } else if (roll < 0.75) {
                    rows.add(k + 1L, at, "SERVICE_REGISTERED", "SUCCESS", null, null, null, customerId(c),
                            "Registered a service", null, "Webshop " + "%06d".formatted(c), null);
                } else if (roll < 0.85) {
                    rows.add(k + 1L, at, "CONTACT_PERSON_CHANGED", "SUCCESS", managerUserId(manager),
                            managerEmail(manager), null, customerId(c), "Changed the contact person", null,
                            person(manager).name(), address);
                } else {
                    rows.add(k + 1L, at, "ACCOUNT_DATA_CHANGED", "SUCCESS", managerUserId(manager),
                            managerEmail(manager), null, customerId(c), "Changed the account data",
                            "Street " + customer(c).street(), "Street Hauptstraße 1", address);
                }
            }
        }
    }

    private void restartIdentities(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            for (String table : List.of("organization", "app_user", "membership", "service", "contact",
                    "partner_relationship", "customer_assignment", "audit_event")) {
                long next;
                try (ResultSet max = ddl.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                    max.next();
                    next = max.getLong(1);
                }
                ddl.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
            ddl.execute("ALTER SEQUENCE customer_number_seq RESTART WITH "
                    + (FIRST_CUSTOMER_NUMBER + size.customers()));
        }
    }
}
