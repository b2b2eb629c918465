package dev.kontor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.account.AccountService;
import dev.kontor.audit.AuditFilter;
import dev.kontor.audit.AuditQueries;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.TestRequests;
import dev.kontor.postgres.EmptyPostgresDatabase;
import dev.kontor.support.SupportLookup;
import dev.kontor.tenant.TenantTestData;
import dev.kontor.tenant.TenantTree;
import dev.kontor.tenant.TreeFilter;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.NoVaadinLeftovers;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.QueryCounting;
import dev.kontor.testing.TestClock;
import dev.kontor.volume.VolumeGenerator;
import dev.kontor.volume.VolumeSize;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scale benchmarks of issue 16 on embedded PostgreSQL: loads the volume data set (scale
 * {@code kontor.benchmark.scale}, 1 by default) into an empty database, adds a partner with a relationship to every
 * account and one with 100, and measures, through the real services as their users, small against large in the same
 * run: median, p95 and the ratio of the medians. Not part of {@code ./mvnw verify} (its name ends in Benchmark);
 * {@code ./mvnw test -Pbenchmark} runs it and prints a table for docs/performance.md. It fails only when a result is
 * wrong, never on a time: these machines are noisy.
 */
@ExtendWith(NoVaadinLeftovers.class)
@SpringBootTest(properties = {"kontor.demo-data.enabled=false", "kontor.volume.enabled=false"})
@ActiveProfiles({"test", "postgres"})
@Import({QueryCounting.class, TestClock.class, Fixtures.class, Outbox.class, TestRequests.class,
        TenantTestData.class, EmptyPostgresDatabase.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBenchmark {

    private static final int WARM_UP = 20;
    private static final int RUNS = 100;
    private static final String LARGE_ADMIN = "bench-large-admin@" + VolumeGenerator.DOMAIN;
    private static final String SMALL_ADMIN = "bench-small-admin@" + VolumeGenerator.DOMAIN;
    private static final String SUPPORT = "support-01@" + VolumeGenerator.DOMAIN;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditQueries audit;

    @Autowired
    TenantTree tree;

    @Autowired
    SupportLookup lookup;

    private final List<String> table = new ArrayList<>();
    private VolumeSize size;
    private long largePartner;
    private long smallPartner;
    private long treePartner;
    private long smallTreePartner;

    @BeforeAll
    void load() throws Exception {
        double scale = Double.parseDouble(System.getProperty("kontor.benchmark.scale", "1"));
        size = VolumeSize.scaled(scale);
        Instant asOf = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        VolumeGenerator.Result loaded = new VolumeGenerator(dataSource, size, 42, asOf, System.out,
                System.console() != null).load();
        note("Loaded the volume data (scale %s: %,d accounts, %,d audit events, %,d rows) into embedded PostgreSQL "
                + "in %.1f s", scale, size.customers(), size.auditEvents(), loaded.rows(), loaded.took().toMillis() / 1e3);
        long start = System.nanoTime();
        largePartner = partnerWithRelationships("Benchmark Großkunden Hosting GmbH", LARGE_ADMIN, size.customers());
        smallPartner = partnerWithRelationships("Benchmark Kleinkunden Hosting GmbH", SMALL_ADMIN, 100);
        treePartner = jdbc.queryForObject("SELECT organization_id FROM membership m JOIN app_user u ON u.id = "
                + "m.user_id WHERE u.email = ?", Long.class, VolumeGenerator.partnerEmail(0, "admin"));
        smallTreePartner = smallPartner;
        tenants(smallTreePartner, 10);
        jdbc.execute("VACUUM ANALYZE");
        note("Added a partner with %,d relationships, one with 100 (and a tree of 10 tenants) in %.1f s",
                size.customers(), (System.nanoTime() - start) / 1e9);
    }

    /** A partner, its administrator, and an ACTIVE relationship (VIEW) with each of the first {@code count} accounts. */
    private long partnerWithRelationships(String name, String adminEmail, int count) {
        long partner = jdbc.queryForObject("INSERT INTO organization (kind, name, parent_id, created_at, "
                + "ancestor_path, search_key) VALUES ('PARTNER', ?, 1, CURRENT_TIMESTAMP, '/1/', lower(?)) "
                + "RETURNING id", Long.class, name, name);
        long admin = jdbc.queryForObject("INSERT INTO app_user (email, display_name, password_hash, created_at) "
                + "VALUES (?, 'Benchmark Admin', NULL, CURRENT_TIMESTAMP) RETURNING id", Long.class, adminEmail);
        jdbc.update("INSERT INTO membership (user_id, organization_id, role, state, created_at) "
                + "VALUES (?, ?, 'PARTNER_ADMINISTRATOR', 'ACTIVE', CURRENT_TIMESTAMP)", admin, partner);
        jdbc.update("INSERT INTO partner_relationship (partner_id, customer_id, state, requested_rights, "
                + "granted_rights, request_email, requested_by, requested_at, request_expires_at, answered_at, "
                + "rights_confirmed_at, open_customer_id, customer_number_key, customer_name_key) "
                + "SELECT ?, a.organization_id, 'ACTIVE', 'VIEW', 'VIEW', "
                + "'bench@volume.example', ?, CURRENT_TIMESTAMP - INTERVAL '30 days', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, a.organization_id, o.customer_number, o.search_key "
                + "FROM customer_account a JOIN organization o ON o.id = a.organization_id "
                + "ORDER BY a.organization_id LIMIT ?", partner, admin, count);
        return partner;
    }

    private void tenants(long partner, int count) {
        for (int i = 1; i <= count; i++) {
            String name = "Kleiner Mandant " + i;
            long id = jdbc.queryForObject("INSERT INTO organization (kind, name, parent_id, created_at, "
                    + "ancestor_path, account_id, sibling_key, search_key) VALUES ('TENANT', ?, ?, CURRENT_TIMESTAMP, "
                    + "?, ?, lower(?), lower(?)) RETURNING id", Long.class, name, partner, "/1/" + partner + "/",
                    partner, name, name);
            jdbc.update("INSERT INTO tenant (organization_id, tenant_type, edition, character_set, "
                    + "needs_configuration) VALUES (?, 'STANDARD', 'BASIC', 'UTF-8', FALSE)", id);
        }
    }

    @AfterAll
    void print() {
        System.out.println("\n==== SCALE BENCHMARK (PostgreSQL, " + LocalDate.now(ZoneOffset.UTC) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores) ====");
        table.forEach(System.out::println);
        System.out.println("==== END ====\n");
    }

    @Test
    @Order(1)
    void managed_customers_grid_at_100_and_at_100000_customers() {
        Sort byNumber = Sort.by("customerNumber");
        compare("Managed customers: first page (50 rows + count)", SMALL_ADMIN, LARGE_ADMIN,
                as -> () -> {
                    long partner = as.equals(SMALL_ADMIN) ? smallPartner : largePartner;
                    managedCustomers.count(partner, ManagedCustomerFilter.none());
                    return managedCustomers.rows(partner, ManagedCustomerFilter.none(),
                            PageRequest.of(0, 50, byNumber)).size();
                });
        compare("Managed customers: filter by name \"bäckerei\" (page + count)", SMALL_ADMIN, LARGE_ADMIN,
                as -> () -> {
                    long partner = as.equals(SMALL_ADMIN) ? smallPartner : largePartner;
                    var filter = new ManagedCustomerFilter("bäckerei", false);
                    managedCustomers.count(partner, filter);
                    return managedCustomers.rows(partner, filter, PageRequest.of(0, 50, byNumber)).size();
                });
        compare("Managed customers: sort by number, descending (50 rows)", SMALL_ADMIN, LARGE_ADMIN,
                as -> () -> managedCustomers.rows(as.equals(SMALL_ADMIN) ? smallPartner : largePartner,
                        ManagedCustomerFilter.none(), PageRequest.of(0, 50, byNumber.descending())).size());
        // the deep page exists only in the large list: compared with the large list's first page
        compare("Managed customers at 100,000: page 5,000 rows deep vs first page", LARGE_ADMIN, LARGE_ADMIN,
                new Flip(() -> managedCustomers.rows(largePartner, ManagedCustomerFilter.none(),
                        PageRequest.of(0, 50, byNumber)).size(),
                        () -> managedCustomers.rows(largePartner, ManagedCustomerFilter.none(),
                                PageRequest.of(100, 50, byNumber)).size()));
    }

    @Test
    @Order(2)
    void dashboard_of_a_person_with_3_and_with_300_accounts() {
        compare("Dashboard: first 24 cards, 3 vs 300 accounts", VolumeGenerator.managerEmail(1),
                VolumeGenerator.managerEmail(0),
                as -> () -> accounts.myAccounts("", PageRequest.of(0, 24)).getContent().size());
    }

    @Test
    @Order(3)
    void audit_log_first_page_with_a_filter() {
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        AuditFilter byKind = new AuditFilter(monthAgo, null, "", "", "CONTACT_PERSON_CHANGED");
        // about 1,000 events: the log of the oldest accounts' manager; 1,000,000: support reads everything
        long small = fixtures.as(VolumeGenerator.managerEmail(1), () -> audit.count(new AuditFilter(null, null, "",
                "", "")));
        long large = fixtures.as(SUPPORT, () -> audit.count(new AuditFilter(null, null, "", "", "")));
        note("Audit log readable: %,d events for %s, %,d for support", small, VolumeGenerator.managerEmail(1), large);
        compare("Audit log: first page (50) + count, filter by kind, last 30 days", VolumeGenerator.managerEmail(1),
                SUPPORT, as -> () -> {
                    audit.count(byKind);
                    return audit.rows(byKind, PageRequest.of(0, 50)).size();
                });
        AuditFilter byActor = new AuditFilter(monthAgo, null, "manager-0000", "", "");
        compare("Audit log: first page (50) + count, filter by actor, last 30 days", VolumeGenerator.managerEmail(1),
                SUPPORT, as -> () -> {
                    audit.count(byActor);
                    return audit.rows(byActor, PageRequest.of(0, 50)).size();
                });
    }

    @Test
    @Order(4)
    void audit_csv_export_of_100000_rows_in_bounded_memory() {
        Instant now = Instant.now();
        for (int rows : new int[] {10_000, 100_000}) {
            // the newest events, as many as asked: the time from which the log holds that many
            long days = Math.max(1, Math.round(365.0 * rows / size.auditEvents()));
            AuditFilter filter = new AuditFilter(now.minus(days, ChronoUnit.DAYS), null, "", "", "");
            long expected = fixtures.as(SUPPORT, () -> audit.count(filter));
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            CountingWriter out = new CountingWriter();
            long start = System.nanoTime();
            fixtures.as(SUPPORT, () -> audit.exportCsv(filter, out, java.util.Locale.ENGLISH));
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            // the used heap's peak counts garbage that no collection has taken yet; what the export keeps is
            // measured again, collecting every 100 ms meanwhile (slower, so not timed)
            long live = liveHeapPeakOf(() -> fixtures.as(SUPPORT, () -> audit.exportCsv(filter, new CountingWriter(),
                    java.util.Locale.ENGLISH)), memory) - before;
            note("| Audit CSV export, %,d rows (support) | %.2f s | %,d KB written | heap peak +%,d MB over %,d MB "
                            + "before, live (after collections) +%,d MB | %,d lines |", expected, seconds,
                    out.chars / 1024, (peak.get() - before) / (1 << 20), before / (1 << 20), live / (1 << 20),
                    out.lines);
            assertThat(out.lines).isEqualTo(expected + 1);
        }
    }

    @Test
    @Order(5)
    void tenant_tree_expand_at_10_and_at_10000_nodes() {
        compare("Tenant tree: expand the partner's node (50 children + count), 10 vs 10,000 tenants", SMALL_ADMIN,
                VolumeGenerator.partnerEmail(0, "admin"), as -> () -> {
                    long node = as.equals(SMALL_ADMIN) ? smallTreePartner : treePartner;
                    tree.countChildren(node, TreeFilter.NONE);
                    return tree.children(node, TreeFilter.NONE, 0, 50).size();
                });
        long root = jdbc.queryForObject("SELECT MIN(id) FROM organization WHERE kind = 'TENANT' AND account_id = ?",
                Long.class, treePartner);
        long smallRoot = jdbc.queryForObject("SELECT MIN(id) FROM organization WHERE kind = 'TENANT' AND "
                + "account_id = ?", Long.class, smallTreePartner);
        compare("Tenant tree: expand a tenant (children + count), 10 vs 10,000 tenants", SMALL_ADMIN,
                VolumeGenerator.partnerEmail(0, "admin"), as -> () -> {
                    long node = as.equals(SMALL_ADMIN) ? smallRoot : root;
                    tree.countChildren(node, TreeFilter.NONE);
                    return tree.children(node, TreeFilter.NONE, 0, 50).size();
                });
    }

    @Test
    @Order(6)
    void support_lookup_at_100000_accounts() {
        List<String> searches = List.of("CN-10001", "CN-54321", "10077", "bäckerei müller", "Schröder Köln",
                "manager-000123@volume.example", VolumeGenerator.partnerEmail(3, "admin"), "+49 171 0000042",
                "Kassensystem 0042");
        double[] times = new double[RUNS * searches.size()];
        fixtures.as(SUPPORT, () -> {
            for (int i = 0; i < WARM_UP; i++) {
                searches.forEach(lookup::search);
            }
            int n = 0;
            for (int i = 0; i < RUNS; i++) {
                for (String text : searches) {
                    long start = System.nanoTime();
                    lookup.search(text);
                    times[n++] = (System.nanoTime() - start) / 1e6;
                }
            }
        });
        note("| Support lookup at %,d accounts (%d kinds of search × %d) | median %.2f ms | p95 %.2f ms | target "
                + "< 5 / < 15 ms |", size.customers(), searches.size(), RUNS, percentile(times, 50),
                percentile(times, 95));
    }

    // --- measuring

    /** The most heap in use right after a full collection, collecting every 100 ms while the work runs. */
    private static long liveHeapPeakOf(Runnable work, MemoryMXBean memory) {
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            work.run();
        } finally {
            running.set(false);
        }
        try {
            collector.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return peak.get();
    }

    /** What to run as a person: the work, returning something the JIT cannot drop. */
    private interface Work {
        Supplier<Object> as(String email);
    }

    /** Two different pieces of work for the same person, small first. */
    private record Flip(Supplier<Object> small, Supplier<Object> large) implements Work {
        @Override
        public Supplier<Object> as(String email) {
            throw new UnsupportedOperationException();
        }
    }

    private void compare(String what, String smallPerson, String largePerson, Work work) {
        Supplier<Object> small = work instanceof Flip flip ? flip.small() : work.as(smallPerson);
        Supplier<Object> large = work instanceof Flip flip ? flip.large() : work.as(largePerson);
        double[] forSmall = new double[RUNS];
        double[] forLarge = new double[RUNS];
        fixtures.as(smallPerson, () -> time(small, new double[WARM_UP], 0, WARM_UP));
        fixtures.as(largePerson, () -> time(large, new double[WARM_UP], 0, WARM_UP));
        // alternately, so that anything else the machine does meanwhile hits both alike
        for (int from = 0; from < RUNS; from += 10) {
            int at = from;
            fixtures.as(smallPerson, () -> time(small, forSmall, at, 10));
            fixtures.as(largePerson, () -> time(large, forLarge, at, 10));
        }
        double ratio = percentile(forLarge, 50) / percentile(forSmall, 50);
        note("| %s | %.2f / %.2f ms | %.2f / %.2f ms | %.2f |", what, percentile(forSmall, 50),
                percentile(forSmall, 95), percentile(forLarge, 50), percentile(forLarge, 95), ratio);
    }

    private static void time(Supplier<Object> work, double[] into, int from, int runs) {
        for (int i = from; i < from + runs; i++) {
            long start = System.nanoTime();
            Object result = work.get();
            into[i] = (System.nanoTime() - start) / 1e6;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        table.add(line);
        System.out.println("BENCHMARK " + line);
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Counts what the export writes and keeps none of it. */
    private static final class CountingWriter extends Writer {
        long chars;
        long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
