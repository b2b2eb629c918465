package dev.kontor.postgres;

import dev.kontor.user.TestTasks;
import static dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kontor.account.AccountJobs;
import dev.kontor.mail.MailJobs;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.notice.NoticeJobs;
import dev.kontor.partner.PartnerJobs;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.partner.TestRequests;
import dev.kontor.tenant.TenantJobs;
import dev.kontor.tenant.TenantTestData;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.TestClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two Kontor nodes (two application contexts, each with its schedulers on and ticking every 200 ms) on one PostgreSQL
 * database, as two app servers behind a load balancer would run. Both race on due reminders, expiring requests, the
 * access review, the mail outbox, a notice's fan-out and a content copy: through their schedulers (which take the
 * jobs' cluster-wide locks) and, at the same time, from two threads that call the batch work directly, past the job
 * locks, so that only the row claims keep the nodes apart. Every state change, every audit entry and every mail must
 * happen exactly once. Then one node dies in the middle of every job, holding its job locks and its claimed rows, and
 * the other finishes the work.
 *
 * <p>The nodes have a database of their own on the shared embedded server, so that no other test's context (with
 * schedulers of its own) works on their rows. The tests run in order: the second one kills node A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnPostgresTest {

    static final String DATABASE = "kontor_two_nodes";
    /** How long a job lock holds without its holder (kontor.jobs.lock-at-most-for in the nodes). */
    static final Duration LOCK_AT_MOST = Duration.ofSeconds(3);
    static final List<String> JOBS = List.of("contact-confirmation-reminder", "partner-request-expiry",
            "partner-rights-review", "notice-fan-out", "content-copy", "mail-delivery");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withPerMethodLifecycle(false);

    private static TestContextManager managerOfA;
    private static TestContextManager managerOfB;
    private static ApplicationContext nodeA;
    private static ApplicationContext nodeB;
    private static boolean nodeAAlive;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        try (Connection connection = EmbeddedPostgresServer.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        // one after the other: the first migrates the new database
        managerOfA = new TestContextManager(NodeA.class);
        nodeA = managerOfA.getTestContext().getApplicationContext();
        nodeAAlive = true;
        managerOfB = new TestContextManager(NodeB.class);
        nodeB = managerOfB.getTestContext().getApplicationContext();
        jdbc = nodeB.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeAAlive) {
            managerOfA.getTestContext().markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
        if (managerOfB != null) {
            managerOfB.getTestContext().markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
    }

    @Test
    @Order(1)
    void two_nodes_racing_on_every_job_do_each_piece_of_work_once_and_send_each_mail_once() throws Exception {
        Work work = dueWork(8);

        advanceClocks(Duration.ofDays(181));
        race(3, work);
        advanceClocks(Duration.ofDays(31));
        race(3, work);
        awaitAllDone(work, true);

        assertWorkDoneOnce(work);
        for (TestAccount account : work.reviewed()) {
            assertThat(auditCount(PartnerJobs.RIGHTS_FELL_BACK, account.id())).as("fallbacks of %s", account.id())
                    .isOne();
            assertThat(jdbc.queryForObject("select granted_rights from partner_relationship where customer_id = ?",
                    String.class, account.id())).isEqualTo("VIEW");
        }
        List<String> keys = jdbc.queryForList("select idempotency_key from outgoing_mail where state = 'SENT' "
                + "and attempts = 1", String.class);
        assertThat(jdbc.queryForObject("select count(*) from outgoing_mail", Integer.class))
                .as("every mail sent at the first attempt").isEqualTo(keys.size());
        assertThat(receivedMessageIds()).as("every mail the mail server got, by Message-ID")
                .containsExactlyInAnyOrderEntriesOf(keys.stream().collect(
                        Collectors.toMap(MailJobs::messageIdFor, key -> 1L)));
        assertThat(jdbc.queryForList("select name from shedlock", String.class)).containsAll(JOBS);
    }

    @Test
    @Order(2)
    void a_node_that_dies_mid_batch_in_every_job_leaves_its_work_to_the_other_node() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        List<String> mailsBefore = jdbc.queryForList("select idempotency_key from outgoing_mail", String.class);
        // node A's scheduler has every job: it holds the job locks, so that B's scheduler leaves the new work alone
        LockProvider locksOfA = nodeA.getBean(LockProvider.class);
        List<SimpleLock> heldByA = new ArrayList<>();
        for (String job : JOBS) {
            awaitTrue("node A takes the lock of " + job, () -> locksOfA.lock(new LockConfiguration(Instant.now(),
                    job, Duration.ofMinutes(1), Duration.ZERO)).map(heldByA::add).isPresent());
        }
        Work work = dueWork(6);
        advanceClocks(Duration.ofDays(181));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // A hands two mails of a batch to the mail server and dies at the third, before it records any
            MailGate gate = nodeA.getBean(MailGate.class);
            Future<?> sending = threads.submit(() -> {
                gate.dieOnThisThreadAfter(2);
                return MailJobs.deliverDueMails(nodeA);
            });
            awaitTrue("node A's sender stands at its third mail", () -> gate.atDeathPoint() || failed(sending));
            assertThat(gate.atDeathPoint()).isTrue();
            // A does one batch of every other job in a transaction that it never commits
            BatchesInFlight inFlight = new BatchesInFlight();
            Future<?> working = threads.submit(() -> inFlight.doAndHang(work));
            awaitTrue("node A's batches are under way", () -> inFlight.hanging() || failed(working));
            assertThat(inFlight.hanging()).isTrue();

            assertThat(AccountJobs.sendReminders(nodeB)).as("B skips the accounts A holds").isZero();
            assertThat(PartnerJobs.expireRequests(nodeB)).as("B skips the requests A holds").isZero();
            assertThat(PartnerJobs.askForReviews(nodeB)).as("B skips the reviews A holds").isZero();
            assertThat(inTransactionOn(nodeB, () -> NoticeJobs.nextBatch(nodeB, work.notice().noticeId())))
                    .as("B skips the notice A holds").isFalse();
            assertThat(inTransactionOn(nodeB, () -> TenantJobs.nextBatch(nodeB, work.copy().copyId())))
                    .as("B skips the copy run A holds").isFalse();

            // A dies: its job locks stay in the table until they run out (as if it had taken them just now), its
            // database sessions end (their transactions roll back) and its schedulers stop
            heldByA.forEach(lock -> assertThat(lock.extend(LOCK_AT_MOST, Duration.ZERO)).isPresent());
            assertThat(jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where application_name = 'node-a' and datname = ?", Boolean.class, DATABASE)).contains(true);
            // (a dead node never lets go of its job locks: heldByA is never unlocked)
            managerOfA.getTestContext().markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            nodeAAlive = false;
            gate.release();
            inFlight.release();
            awaitFailed(sending);
            awaitFailed(working);

            awaitAllDone(work, false);
            assertWorkDoneOnce(work);
            assertThat(jdbc.queryForList("select locked_by from shedlock where name in (?, ?, ?, ?, ?, ?)",
                    String.class, JOBS.toArray())).as("B took every job over").containsOnly("node-b");

            // at least once: the two mails A handed over before it died went out again, with the same Message-ID
            List<String> handedOverByA = gate.handedOver();
            assertThat(handedOverByA).hasSize(2);
            List<String> keys = jdbc.queryForList("select idempotency_key from outgoing_mail where state = 'SENT' "
                    + "and attempts = 1", String.class);
            keys.removeAll(mailsBefore);
            assertThat(receivedMessageIds()).containsExactlyInAnyOrderEntriesOf(keys.stream().map(MailJobs::messageIdFor)
                    .collect(Collectors.toMap(Function.identity(), id -> handedOverByA.contains(id) ? 2L : 1L)));
        } finally {
            threads.shutdownNow();
        }
    }

    // --- the work

    /**
     * Due work on every job, made on node A: accounts whose contact person will be asked, half of them with a
     * partner's request that will expire, the other half with a partner whose rights will be reviewed; a notice to
     * a provider's contacts; a content copy into a branch with tenants below it; mails in the outbox. The notice, the
     * copy and the mails are due at once; the rest when the clocks move on.
     */
    private static Work dueWork(int accounts) {
        Fixtures fixtures = nodeA.getBean(Fixtures.class);
        TestPartner partner = fixtures.partner("Racing Hosting");
        List<TestAccount> requested = new ArrayList<>();
        List<TestAccount> reviewed = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            TestAccount account = fixtures.account("Alice", "Bob");
            if (i % 2 == 0) {
                nodeA.getBean(TestRequests.class).request(partner.id(), account.id(), account.email("Bob"),
                        EnumSet.of(MANAGE_USERS), partner.adminUserId());
                requested.add(account);
            } else {
                nodeA.getBean(PartnerProvisioning.class).importActiveRelationship(TestTasks.setUp(), partner.id(),
                        account.id(), EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS), account.email("Alice"),
                        account.userId("Alice"));
                reviewed.add(account);
            }
        }
        MailOutbox outbox = nodeA.getBean(MailOutbox.class);
        new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            for (int i = 0; i < accounts; i++) {
                String key = "two-nodes:" + UUID.randomUUID();
                outbox.enqueue(new MailMessage(key, "reader-" + i + "@example.test", "Mail " + i, "Text " + key));
            }
        });
        return new Work(partner, requested, reviewed, NoticeJobs.queuedNotice(nodeA, 3 * accounts),
                TenantJobs.startedCopy(nodeA, 2 * accounts));
    }

    record Work(TestPartner partner, List<TestAccount> requested, List<TestAccount> reviewed, NoticeJobs.Queued notice,
                TenantJobs.CopyRun copy) {

        List<TestAccount> accounts() {
            List<TestAccount> all = new ArrayList<>(requested);
            all.addAll(reviewed);
            return all;
        }
    }

    /** Both nodes at once, {@code rounds} times: every scheduled job through its lock, then every job's batches. */
    private static void race(int rounds, Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> nodes = new ArrayList<>();
                for (ApplicationContext node : List.of(nodeA, nodeB)) {
                    nodes.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        AccountJobs.remindOnSchedule(node);
                        PartnerJobs.runOnSchedule(node);
                        NoticeJobs.workOnSchedule(node);
                        TenantJobs.workOnSchedule(node);
                        MailJobs.deliverOnSchedule(node);
                        AccountJobs.sendReminders(node);
                        PartnerJobs.expireRequests(node);
                        PartnerJobs.askForReviews(node);
                        PartnerJobs.fallBackUnanswered(node);
                        NoticeJobs.drain(node, work.notice().noticeId());
                        TenantJobs.runFor(node, work.copy().copyId());
                        MailJobs.deliverDueMails(node);
                        return null;
                    }));
                }
                for (Future<?> node : nodes) {
                    node.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Node A's batches of every job but the mail, in one transaction that waits, uncommitted, until released. */
    private static final class BatchesInFlight {

        private final CountDownLatch hanging = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        /** (The first test's accounts and relationships are due again by now: A takes those too.) */
        Object doAndHang(Work work) {
            return inTransactionOn(nodeA, () -> {
                assertThat(AccountJobs.sendReminders(nodeA)).isGreaterThanOrEqualTo(work.accounts().size());
                assertThat(PartnerJobs.expireRequests(nodeA)).isEqualTo(work.requested().size());
                assertThat(PartnerJobs.askForReviews(nodeA)).isGreaterThanOrEqualTo(work.reviewed().size());
                assertThat(NoticeJobs.nextBatch(nodeA, work.notice().noticeId())).isTrue();
                assertThat(TenantJobs.nextBatch(nodeA, work.copy().copyId())).isTrue();
                hanging.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
        }

        boolean hanging() {
            return hanging.getCount() == 0;
        }

        void release() {
            release.countDown();
        }
    }

    // --- what "exactly once" means for each job

    private static void assertWorkDoneOnce(Work work) {
        for (TestAccount account : work.accounts()) {
            assertThat(mailsWithKeyPrefix("confirm-contact:" + account.id() + ":"))
                    .as("reminders to the contact person of %s", account.id()).isOne();
            assertThat(auditCount(AccountJobs.CONFIRMATION_REQUESTED, account.id())).isOne();
        }
        for (TestAccount account : work.requested()) {
            assertThat(jdbc.queryForObject("select state from partner_relationship where customer_id = ?",
                    String.class, account.id())).isEqualTo("EXPIRED");
            assertThat(auditCount(PartnerJobs.REQUEST_EXPIRED, account.id())).as("expiries of %s", account.id())
                    .isOne();
        }
        assertThat(auditCount(PartnerJobs.REQUEST_EXPIRED, work.partner().id())).isEqualTo(work.requested().size());
        for (TestAccount account : work.reviewed()) {
            long relationship = jdbc.queryForObject("select id from partner_relationship where customer_id = ?",
                    Long.class, account.id());
            assertThat(mailsWithKeyPrefix("rights-review:ask:" + relationship + ":"))
                    .as("review requests for %s", account.id()).isOne();
            assertThat(auditCount(PartnerJobs.RIGHTS_REVIEW_REQUESTED, account.id())).isOne();
        }
        assertThat(auditCount(PartnerJobs.RIGHTS_REVIEW_REQUESTED, work.partner().id()))
                .isEqualTo(work.reviewed().size());

        long notice = work.notice().noticeId();
        int contacts = 3 * work.accounts().size();
        assertThat(jdbc.queryForMap("select state, sent_count from platform_notice where id = ?", notice))
                .containsEntry("state", "SENT").containsEntry("sent_count", contacts);
        assertThat(jdbc.queryForObject("select count(distinct email) from notice_delivery where notice_id = ?",
                Integer.class, notice)).isEqualTo(contacts);
        assertThat(jdbc.queryForObject("select count(*) from notice_delivery where notice_id = ?", Integer.class,
                notice)).isEqualTo(contacts);
        assertThat(mailsWithKeyPrefix("notice:" + notice + ":")).isEqualTo(contacts);
        assertThat(auditCount(NoticeJobs.FINISHED, work.notice().providerId())).isOne();

        TenantJobs.CopyRun copy = work.copy();
        assertThat(jdbc.queryForMap("select state, done_targets, total_targets, changed_items from content_copy "
                + "where id = ?", copy.copyId())).containsEntry("state", "DONE")
                .containsEntry("done_targets", copy.targets()).containsEntry("total_targets", copy.targets())
                .containsEntry("changed_items", copy.changes());
        assertThat(auditCount(TenantJobs.FINISHED, copy.targetId())).isOne();
    }

    /** Waits until no piece of the work is left open (the fallbacks only when {@code fallBacks}). */
    private static void awaitAllDone(Work work, boolean fallBacks) {
        String accounts = work.accounts().stream().map(account -> Long.toString(account.id()))
                .collect(Collectors.joining(","));
        long partner = work.partner().id();
        Supplier<Map<String, Integer>> open = () -> {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            counts.put("pending mails", count("select count(*) from outgoing_mail where state = 'PENDING'"));
            counts.put("notice not sent", count("select count(*) from platform_notice where id = ? "
                    + "and state <> 'SENT'", work.notice().noticeId()));
            counts.put("copy running", count("select count(*) from content_copy where id = ? and state = 'RUNNING'",
                    work.copy().copyId()));
            counts.put("contact persons not asked", count("select count(*) from customer_account "
                    + "where confirmation_requested_at is null and organization_id in (" + accounts + ")"));
            counts.put("requests not expired", count("select count(*) from partner_relationship "
                    + "where partner_id = ? and state = 'REQUESTED'", partner));
            counts.put("reviews not asked", work.reviewed().size()
                    - auditCount(PartnerJobs.RIGHTS_REVIEW_REQUESTED, partner));
            counts.put("reviews not fallen back", fallBacks
                    ? work.reviewed().size() - auditCount(PartnerJobs.RIGHTS_FELL_BACK, partner) : 0);
            return counts;
        };
        Instant until = Instant.now().plusSeconds(30);
        Map<String, Integer> left = open.get();
        while (left.values().stream().anyMatch(n -> n > 0)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Work left after 30 s: " + left);
            }
            pause();
            left = open.get();
        }
    }

    private static int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    // --- helpers

    private static void advanceClocks(Duration by) {
        for (ApplicationContext node : nodeAAlive ? List.of(nodeA, nodeB) : List.of(nodeB)) {
            node.getBean(MutableClock.class).advance(by);
        }
    }

    private static int mailsWithKeyPrefix(String prefix) {
        return jdbc.queryForObject("select count(*) from outgoing_mail where idempotency_key like ?", Integer.class,
                prefix + "%");
    }

    private static int auditCount(String kind, long organizationId) {
        return jdbc.queryForObject("select count(*) from audit_event where kind = ? and organization_id = ?",
                Integer.class, kind, organizationId);
    }

    /** How often the mail server got each Message-ID. */
    private static Map<String, Long> receivedMessageIds() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(TwoNodesOnPostgresTest::messageId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T inTransactionOn(ApplicationContext node, java.util.function.Supplier<T> work) {
        return new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).execute(status -> work.get());
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }

    /** Whether the work ended with an exception (which the assertion after the wait then shows). */
    private static boolean failed(Future<?> work) {
        if (!work.isDone()) {
            return false;
        }
        try {
            work.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("Node A's work failed before it was meant to die", e.getCause());
        }
    }

    private static void awaitFailed(Future<?> deadWork) throws InterruptedException {
        try {
            deadWork.get(30, TimeUnit.SECONDS);
            throw new AssertionError("The dead node's work completed");
        } catch (java.util.concurrent.ExecutionException expected) {
            // its database session was gone, or the gate stopped it: nothing it did was kept
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The dead node's work never ended", e);
        }
    }

    // --- the nodes

    /**
     * A Kontor node on the shared database: the test and postgres profiles, its schedulers every 200 ms, small
     * batches (so that the nodes interleave), mail delivery to GreenMail, and job locks that run out after 3 s.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(properties = {
            "kontor.demo-data.enabled=false",
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "spring.datasource.hikari.maximum-pool-size=6",
            "kontor.jobs.lock-at-most-for=3s",
            "kontor.mail.poll-interval=200ms",
            "kontor.mail.batch-size=3",
            "kontor.account.reminder-initial-delay=200ms",
            "kontor.account.reminder-check-interval=200ms",
            "kontor.account.reminder-batch-size=3",
            "kontor.partner.expiry-initial-delay=200ms",
            "kontor.partner.expiry-check-interval=200ms",
            "kontor.partner.expiry-batch-size=2",
            "kontor.partner.rights-review-initial-delay=200ms",
            "kontor.partner.rights-review-check-interval=200ms",
            "kontor.partner.rights-review-batch-size=2",
            "kontor.notice.initial-delay=200ms",
            "kontor.notice.poll-interval=200ms",
            "kontor.notice.batch-size=4",
            "kontor.tenant.copy-poll-interval=200ms",
            "kontor.tenant.copy-batch-size=3"})
    @ActiveProfiles({"test", "postgres"})
    @Import({TestClock.class, Fixtures.class, Outbox.class, TestRequests.class, TenantTestData.class,
            NodeDatabase.class, OneSecurityContextForBothNodes.class, MailGate.Configuration.class})
    @interface Node {
    }

    @Node
    @TestPropertySource(properties = {"kontor.jobs.node-name=node-a",
            "spring.datasource.hikari.data-source-properties.ApplicationName=node-a"})
    static class NodeA {
    }

    @Node
    @TestPropertySource(properties = {"kontor.jobs.node-name=node-b",
            "spring.datasource.hikari.data-source-properties.ApplicationName=node-b"})
    static class NodeB {
    }

    /**
     * Each node's method security reads the person from its own security context strategy, while a test (and
     * every other caller) sets it through the JVM-wide SecurityContextHolder, which points at the strategy of the
     * context started last. Two nodes in one JVM therefore share one strategy (Vaadin's, which each node would make
     * for itself); two nodes in two JVMs, as in production, have one each.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OneSecurityContextForBothNodes {

        private static final SecurityContextHolderStrategy SHARED = new VaadinAwareSecurityContextHolderStrategy();

        @Bean
        static SecurityContextHolderStrategy securityContextHolderStrategyOfBothNodes() {
            return SHARED;
        }
    }

    /** Both nodes on the database of their own on the shared embedded PostgreSQL server. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NodeDatabase {

        @Bean
        static DynamicPropertyRegistrar nodeDatabase() {
            return registry -> {
                registry.add("spring.datasource.url",
                        () -> EmbeddedPostgresServer.server().getJdbcUrl("postgres", DATABASE));
                registry.add("spring.datasource.username", () -> "postgres");
                registry.add("spring.datasource.password", () -> "");
            };
        }
    }
}
