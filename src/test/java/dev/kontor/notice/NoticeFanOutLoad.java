package dev.kontor.notice;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.SearchKeys;
import dev.kontor.contact.ContactType;
import dev.kontor.notice.NoticeTestData.World;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fan-out with a few thousand contacts: 3,000 technical contacts in 1,011 organizations, a fifth of them people
 * who are a contact of a second organization too, and 300 billing-only contacts who must get nothing. Two workers
 * race through the batches; every recipient gets exactly one mail and one delivery record. The time is logged as
 * {@code NOTICE FAN-OUT: …}. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class NoticeFanOutLoad {

    private static final Logger log = LoggerFactory.getLogger(NoticeFanOutLoad.class);
    private static final int PARTNERS = 10;
    private static final int CUSTOMERS_PER_PARTNER = 20;
    private static final int TENANTS_PER_CUSTOMER = 4;
    private static final int PEOPLE = 2_400;
    private static final int SECOND_CONTACTS = 600;
    private static final int BILLING_ONLY = 300;

    @Autowired
    PlatformNotices notices;

    @Autowired
    NoticeFanOut fanOut;

    @Autowired
    PlatformNoticeRepository repository;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void three_thousand_contacts_are_mailed_in_batches_once_per_person() throws Exception {
        NoticeTestData data = new NoticeTestData(onboarding, fixtures, jdbc);
        World world = data.provider();
        List<Long> organizations = tree(data, world);
        assertThat(organizations).hasSize(1 + PARTNERS + PARTNERS * CUSTOMERS_PER_PARTNER
                + PARTNERS * CUSTOMERS_PER_PARTNER * TENANTS_PER_CUSTOMER);
        Set<String> expected = contacts(world, organizations);
        int contactRows = PEOPLE + SECOND_CONTACTS;

        long started = System.nanoTime();
        NoticeStatus queued = fixtures.as(world.adminEmail(), () -> notices.send(ContactType.TECHNICAL,
                "Maintenance window", "Kontor is maintained on Sunday from 02:00 to 04:00.",
                NoticeAudience.everyone(), Locale.ENGLISH));
        assertThat(queued.total()).isEqualTo(PEOPLE);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(workers.submit(() -> sendAll(queued.id())));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        String database = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName() + " "
                        + connection.getMetaData().getDatabaseProductVersion());
        String line = "NOTICE FAN-OUT: " + contactRows + " contacts, " + PEOPLE + " recipients, " + millis + " ms ("
                + database + ", " + organizations.size() + " organizations, batches of 500, two workers)";
        log.info(line);
        System.out.println(line);

        NoticeStatus sent = fixtures.as(world.adminEmail(), () -> notices.status(queued.id()));
        assertThat(sent.state()).isEqualTo(NoticeState.SENT);
        assertThat(sent.sent()).isEqualTo(PEOPLE);
        assertThat(sent.total()).isEqualTo(PEOPLE);
        List<String> delivered = data.deliveredTo(queued.id());
        assertThat(delivered).hasSize(PEOPLE).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).isEqualTo(expected);
        List<String> mailed = data.mailedTo(queued.id());
        assertThat(mailed).hasSize(PEOPLE).doesNotHaveDuplicates();
        assertThat(new HashSet<>(mailed)).isEqualTo(expected);
        assertThat(jdbc.queryForObject("select count(*) from notice_delivery d join outgoing_mail m "
                + "on m.idempotency_key = d.idempotency_key and m.recipient = d.email where d.notice_id = ?",
                Integer.class, queued.id())).isEqualTo(PEOPLE);
    }

    @Test
    void the_database_admits_provider_administrators_and_still_refuses_unknown_roles() {
        World world = new NoticeTestData(onboarding, fixtures, jdbc).provider();
        long userId = fixtures.userIdOf(world.adminEmail());
        assertThat(jdbc.queryForObject("select count(*) from membership where user_id = ? and organization_id = ? "
                + "and role = 'PROVIDER_ADMINISTRATOR' and state = 'ACTIVE'", Integer.class, userId,
                world.providerId())).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("insert into membership (user_id, organization_id, role, state, "
                + "created_at) values (?, ?, 'PLATFORM_OWNER', 'ACTIVE', current_timestamp)", userId,
                world.providerId())).isInstanceOf(DataIntegrityViolationException.class);
    }

    /** The provider, its partners, their customers and the customers' tenants; returns every id. */
    private List<Long> tree(NoticeTestData data, World world) {
        List<Long> ids = new ArrayList<>();
        ids.add(world.providerId());
        for (int p = 0; p < PARTNERS; p++) {
            Organization partner = data.partner(world, "Load partner " + p);
            ids.add(partner.getId());
            List<Organization> created = new ArrayList<>();
            for (int c = 0; c < CUSTOMERS_PER_PARTNER; c++) {
                created.add(onboarding.createCustomer(TestTasks.setUp(), "Load customer " + world.tag(),
                        partner.getId()));
            }
            List<Organization> customers = created;
            for (Organization customer : customers) {
                ids.add(customer.getId());
                String path = customer.getAncestorPath() + customer.getId() + "/";
                List<Object[]> tenants = new ArrayList<>();
                for (int t = 0; t < TENANTS_PER_CUSTOMER; t++) {
                    tenants.add(new Object[] {"Unit " + t, customer.getId(), path, customer.getId(), "unit " + t,
                            SearchKeys.fold("Unit " + t), Timestamp.from(Instant.now())});
                }
                jdbc.batchUpdate("insert into organization (kind, name, parent_id, ancestor_path, account_id, "
                        + "sibling_key, search_key, created_at) values ('TENANT', ?, ?, ?, ?, ?, ?, ?)", tenants);
                ids.addAll(jdbc.queryForList("select id from organization where parent_id = ? order by id",
                        Long.class, customer.getId()));
            }
        }
        return ids;
    }

    /**
     * 2,400 people as technical contacts, one organization each; 600 of them a technical contact of a second
     * organization too; 300 billing-only contacts. Returns the addresses that must be mailed.
     */
    private Set<String> contacts(World world, List<Long> organizations) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        Set<String> technical = new HashSet<>();
        int n = organizations.size();
        for (int i = 0; i < PEOPLE; i++) {
            String email = world.email("person" + i);
            technical.add(email);
            rows.add(new Object[] {organizations.get(i % n), "Person", "No " + i, email, false, true, false, now});
        }
        for (int j = 0; j < SECOND_CONTACTS; j++) {
            int person = j * 4;
            // the same person in another organization, sometimes also for billing
            rows.add(new Object[] {organizations.get((person + n / 2) % n), "Person", "No " + person,
                    world.email("person" + person), j % 2 == 0, true, false, now});
        }
        for (int k = 0; k < BILLING_ONLY; k++) {
            rows.add(new Object[] {organizations.get(k % n), "Billing", "No " + k, world.email("billing" + k), true,
                    false, false, now});
        }
        jdbc.batchUpdate("insert into contact (organization_id, first_name, last_name, email, billing, technical, "
                + "business, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return technical;
    }

    private void sendAll(long noticeId) {
        for (int round = 0; round < 10_000; round++) {
            fanOut.drain(noticeId, Duration.ofMinutes(5));
            if (repository.findById(noticeId).orElseThrow().getState() == NoticeState.SENT) {
                return;
            }
            try {
                // the other worker holds the notice for a batch
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Notice " + noticeId + " was not sent");
    }
}
