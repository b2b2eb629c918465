package dev.kontor.postgres;

import dev.kontor.security.SecondStep;
import java.util.ArrayList;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.shared.Registration;
import dev.kontor.KontorApplication;
import dev.kontor.access.AccessSessions;
import dev.kontor.access.AccessWatch;
import dev.kontor.access.CurrentAccess;
import dev.kontor.base.cluster.Change;
import dev.kontor.base.cluster.ClusterBroadcast;
import dev.kontor.contact.ContactType;
import dev.kontor.notice.NoticeAudience;
import dev.kontor.notice.NoticeProgress;
import dev.kontor.notice.NoticeState;
import dev.kontor.notice.NoticeStatus;
import dev.kontor.notice.NoticeTestData;
import dev.kontor.notice.PlatformNotices;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.tenant.ContentCopies;
import dev.kontor.tenant.CopyProgress;
import dev.kontor.tenant.CopyProgressBroadcaster;
import dev.kontor.testing.DemoPeople;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two Kontor nodes (two application contexts, each with its own web server, broadcast and schedulers) on one
 * PostgreSQL database of their own, as behind a load balancer: what a page waits for reaches the node that did not
 * make the change. Node A does the background work (copies, notices); node B's pages watch and, when called, read
 * the thing again, as Kontor's pages do. No timing is asserted beyond a generous wait.
 */
class UpdatesReachEveryNodeTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String ADMIN = DemoPeople.PARTNER_ADMIN;
    private static final String OPERATOR = "operator@kontor.test";
    private static final long LISTENING_PROBE = -1;

    private static String database;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    /** Every change node B heard, of every topic, as its broadcast delivered them. */
    private static final List<Change> heardOnB = new CopyOnWriteArrayList<>();
    private static final List<Registration> listening = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTwoNodes() throws SQLException {
        database = "nodes_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        // A first: it migrates the database and loads the demo data; B finds both done
        nodeA = start();
        nodeB = start("--kontor.tenant.copy-poll-interval=1h");
        ClusterBroadcast broadcastB = nodeB.getBean(ClusterBroadcast.class);
        Stream.of("content-copy", "platform-notice", "access-session", "partnership")
                .forEach(topic -> listening.add(broadcastB.subscribe(topic, heardOnB::add)));
        // each node opens its listening connection in the background; a change committed before B listens is
        // (by design) only made up for by an "everything", so the tests start once B hears A's changes
        ClusterBroadcast broadcastA = nodeA.getBean(ClusterBroadcast.class);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                nodeA.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            transactions.executeWithoutResult(status -> broadcastA.announce("partnership", LISTENING_PROBE));
            assertThat(heardOnB).contains(Change.of("partnership", LISTENING_PROBE));
        });
    }

    private static ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--spring.datasource.url=" + url(database),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                "--kontor.demo-data.enabled=true"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(KontorApplication.class).profiles("test", "postgres")
                .run(arguments.toArray(String[]::new));
    }

    private static String url(String name) {
        return EmbeddedPostgresServer.server().getJdbcUrl("postgres", name);
    }

    @AfterAll
    static void stopTwoNodes() throws SQLException {
        listening.forEach(Registration::remove);
        Stream.of(nodeB, nodeA).filter(java.util.Objects::nonNull).forEach(ConfigurableApplicationContext::close);
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @AfterEach
    void noTabLeftOver() {
        CurrentInstance.clearAll();
    }

    @Test
    void the_progress_of_a_copy_made_on_one_node_reaches_a_page_on_the_other() {
        long tenant = id("select id from organization where name = 'Vorlage Handel'");
        AtomicReference<String> seenOnB = new AtomicReference<>();

        CopyProgress started = as(nodeA, ADMIN, () -> nodeA.getBean(ContentCopies.class).start(tenant, false));
        Registration watching = nodeB.getBean(CopyProgressBroadcaster.class).watch(started.copyId(),
                () -> seenOnB.set(readOnB("select state from content_copy where id = ?", started.copyId())));
        try {
            // node A's worker copies; B's page hears of each batch and reads the copy again
            await().atMost(GENEROUS).untilAsserted(() -> {
                assertThat(seenOnB).hasValue("DONE");
                // its start, and at least one batch after it
                assertThat(heardOnB).filteredOn(Change.of("content-copy", started.copyId())::equals).hasSizeGreaterThan(1);
            });
            assertThat(as(nodeB, ADMIN, () -> nodeB.getBean(ContentCopies.class).progress(started.copyId())).done())
                    .isEqualTo(1);
        } finally {
            watching.remove();
        }
    }

    @Test
    void a_notice_sent_on_one_node_is_followed_on_the_other_until_it_is_mailed() {
        AtomicLong notice = new AtomicLong();
        AtomicReference<String> seenOnB = new AtomicReference<>();
        Registration watching = nodeB.getBean(NoticeProgress.class).watch(() -> {
            if (notice.get() != 0) {
                seenOnB.set(readOnB("select state from platform_notice where id = ?", notice.get()));
            }
        });
        try {
            NoticeStatus queued = as(nodeA, OPERATOR, () -> nodeA.getBean(PlatformNotices.class).send(
                    ContactType.TECHNICAL, "Maintenance tonight", "The platform is down from 02:00 to 04:00.",
                    NoticeAudience.everyone(), Locale.ENGLISH));
            notice.set(queued.id());
            await().atMost(GENEROUS).untilAsserted(() -> assertThat(heardOnB)
                    .contains(Change.of("platform-notice", queued.id())));

            // node A's fan-out mails it, batch by batch
            SecurityContextHolder.setContextHolderStrategy(nodeA.getBean(SecurityContextHolderStrategy.class));
            NoticeTestData.sendAll(nodeA, queued.id());

            await().atMost(GENEROUS).untilAsserted(() -> assertThat(seenOnB).hasValue("SENT"));
            assertThat(as(nodeB, OPERATOR, () -> nodeB.getBean(PlatformNotices.class).status(queued.id())).state())
                    .isEqualTo(NoticeState.SENT);
        } finally {
            watching.remove();
        }
    }

    @Test
    void an_access_session_ended_on_one_node_is_known_at_once_to_its_page_on_the_other() {
        long partner = id("select id from organization where name = 'Muster Hosting GmbH'");
        UI tabOnA = tab();
        CurrentAccess access = as(nodeA, ADMIN, () -> nodeA.getBean(AccessSessions.class).start(partner,
                CustomerNumber.parse("CN-10002").orElseThrow(), "Ticket 17"));
        AtomicReference<String> seenOnB = new AtomicReference<>();
        Registration watching = nodeB.getBean(AccessWatch.class).watch(access.sessionId(), () -> seenOnB.set(
                readOnB("select coalesce(end_reason, 'OPEN') from access_session where id = ?", access.sessionId())));
        try {
            await().atMost(GENEROUS).untilAsserted(() -> assertThat(seenOnB).hasValue("OPEN"));

            UI.setCurrent(tabOnA);
            as(nodeA, ADMIN, () -> {
                nodeA.getBean(AccessSessions.class).leave();
                return null;
            });

            await().atMost(GENEROUS).untilAsserted(() -> assertThat(seenOnB).hasValue("LEFT"));
            tab();
            assertThat(as(nodeB, ADMIN, () -> nodeB.getBean(AccessSessions.class)
                    .continueInThisTab(access.sessionId()))).as("the session ended on A is over on B").isFalse();
        } finally {
            watching.remove();
        }
    }

    @Test
    void a_partnership_revoked_on_one_node_ends_the_access_session_of_a_page_on_the_other() {
        long partner = id("select id from organization where name = 'Muster Hosting GmbH'");
        long customer = id("select id from organization where customer_number = 'CN-10001'");
        long relationship = id("select id from partner_relationship where partner_id = " + partner
                + " and customer_id = " + customer + " and state = 'ACTIVE'");
        tab();
        CurrentAccess access = as(nodeA, ADMIN, () -> nodeA.getBean(AccessSessions.class).start(partner,
                CustomerNumber.parse("CN-10001").orElseThrow(), "Ticket 18"));
        // the partner user's tab on node B works in that session
        UI tabOnB = tab();
        assertThat(as(nodeB, ADMIN, () -> nodeB.getBean(AccessSessions.class).continueInThisTab(access.sessionId())))
                .isTrue();
        AtomicReference<String> seenOnB = new AtomicReference<>();
        Registration watching = nodeB.getBean(AccessWatch.class).watch(access.sessionId(), () -> seenOnB.set(
                readOnB("select state from partner_relationship where id = ?", relationship)));
        try {
            await().atMost(GENEROUS).untilAsserted(() -> assertThat(seenOnB).hasValue("ACTIVE"));

            tab();
            as(nodeA, DemoPeople.ANNA, () -> {
                nodeA.getBean(CustomerPartnerService.class).revoke(customer, relationship);
                return null;
            });

            await().atMost(GENEROUS).untilAsserted(() -> {
                assertThat(seenOnB).hasValue("REVOKED");
                assertThat(heardOnB).contains(Change.of("partnership", relationship));
            });
            // what the banner on B does when called: check again, which ends the session and says why
            UI.setCurrent(tabOnB);
            assertThat(as(nodeB, ADMIN, () -> nodeB.getBean(AccessSessions.class).current())).isEmpty();
            assertThat(as(nodeB, ADMIN, () -> nodeB.getBean(AccessSessions.class).endReason()))
                    .contains("RIGHTS_ENDED");
        } finally {
            watching.remove();
        }
    }

    @Test
    void a_node_whose_listening_connection_was_cut_listens_again_and_has_its_pages_read_everything_again() {
        int before = heardOnB.size();

        JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(javax.sql.DataSource.class));
        // both nodes' listeners: PostgreSQL drops the connections as it does when it restarts or a network fails
        Integer cut = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = 'kontor-broadcast' and datname = current_database()", Integer.class);
        assertThat(cut).isEqualTo(2);

        await().atMost(GENEROUS).untilAsserted(() -> assertThat(heardOnB.subList(before, heardOnB.size()))
                .filteredOn(Change::everything).extracting(Change::topic)
                .contains("content-copy", "platform-notice", "access-session", "partnership"));
        // and changes from the other node arrive again
        long tenant = id("select id from organization where name = 'Vorlage Gastronomie'");
        CopyProgress started = as(nodeA, ADMIN, () -> nodeA.getBean(ContentCopies.class).start(tenant, false));
        await().atMost(GENEROUS).untilAsserted(() -> assertThat(heardOnB)
                .contains(Change.of("content-copy", started.copyId())));
    }

    @Test
    void a_change_whose_transaction_rolls_back_is_never_announced() {
        JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(javax.sql.DataSource.class));
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                nodeA.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        ClusterBroadcast broadcastA = nodeA.getBean(ClusterBroadcast.class);

        transactions.executeWithoutResult(status -> {
            broadcastA.announce("partnership", -17);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> broadcastA.announce("partnership", -18));

        await().atMost(GENEROUS).untilAsserted(() -> assertThat(heardOnB).contains(Change.of("partnership", -18)));
        assertThat(heardOnB).doesNotContain(Change.of("partnership", -17));
        assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
    }

    /** A fresh browser tab (a Vaadin UI) on the test thread, as the services see the current tab. */
    private static UI tab() {
        UI ui = new UI();
        UI.setCurrent(ui);
        return ui;
    }

    /** What a page on node B does when called: reads the thing again (here straight from B's data source). */
    private static String readOnB(String query, long id) {
        return new JdbcTemplate(nodeB.getBean(javax.sql.DataSource.class)).queryForObject(query, String.class, id);
    }

    private static long id(String query) {
        return new JdbcTemplate(nodeA.getBean(javax.sql.DataSource.class)).queryForObject(query, Long.class);
    }

    /** Runs the work on one node as the person, through that node's own security context strategy. */
    private static <T> T as(ConfigurableApplicationContext node, String email, Supplier<T> work) {
        SecurityContextHolderStrategy strategy = node.getBean(SecurityContextHolderStrategy.class);
        SecurityContextHolder.setContextHolderStrategy(strategy);
        UserDetails user = node.getBean(UserDetailsService.class).loadUserByUsername(email);
        SecurityContext context = strategy.createEmptyContext();
        // a sign-in as it stands after the code step, which entering an account asks for
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(SecondStep.TOTP_AUTHORITY));
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        strategy.setContext(context);
        try {
            return work.get();
        } finally {
            strategy.clearContext();
        }
    }
}
