package dev.kontor.tenant;

import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.testing.Fixtures;
import dev.kontor.tenant.TenantTestData.Customer;
import dev.kontor.tenant.TenantTestData.Partner;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copy content: a master tenant's settings handed down to a sub-tenant (and all below it) by the background worker,
 * which the tests drive directly. The scheduled worker runs as well; whichever of the two copies a batch, the result
 * is the same, so the tests wait for the run to be done and look at what arrived. Run on H2 and PostgreSQL.
 */
abstract class ContentCopyScenarios {

    private static final TenantSettings BAKERY = new TenantSettings("de", "Europe/Berlin", "Bäckerei Sonnenschein");

    @Autowired
    ContentCopies copies;

    @Autowired
    ContentCopyWorker worker;

    @Autowired
    TenantService tenants;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantTestData data;

    @Autowired
    org.springframework.context.ApplicationContext context;
    private Customer customer;
    private long master;
    private long branch;
    private long store;
    private long office;
    private long shelf;

    /** A customer's master tenant with settings, and below it a branch with a small sub-tree of its own. */
    @BeforeEach
    void aTree() {
        customer = data.customer();
        master = data.tenant(customer.id(), "Zentrale", BAKERY);
        branch = data.tenant(master, "Filiale");
        store = data.tenant(branch, "Lager");
        office = data.tenant(branch, "Büro");
        shelf = data.tenant(store, "Regal");
    }

    @Test
    void copying_into_a_sub_tenant_alone_hands_down_the_masters_settings() {
        CopyProgress started = asManager(() -> copies.start(branch, false));

        assertThat(started.state()).isEqualTo("RUNNING");
        assertThat(started.total()).isOne();
        assertThat(started.done()).isZero();
        CopyProgress done = runToTheEnd(started.copyId());

        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.done()).isEqualTo(done.total()).isOne();
        assertThat(done.changed()).isEqualTo(3);
        assertThat(done.fraction()).isEqualTo(1.0);
        assertThat(data.settings(branch)).isEqualTo(BAKERY);
        assertThat(data.settings(store)).isEqualTo(TenantSettings.none());
        assertThat(data.settings(shelf)).isEqualTo(TenantSettings.none());
        assertThat(asManager(() -> tenants.details(branch)).settings()).isEqualTo(BAKERY);
        assertThat(asManager(() -> copies.progress(started.copyId()))).isEqualTo(done);
    }

    @Test
    void copying_with_descendants_reaches_every_tenant_below_and_a_second_run_changes_nothing() {
        asManager(() -> runToTheEnd(copies.start(branch, false).copyId()));

        CopyProgress started = asManager(() -> copies.start(branch, true));
        assertThat(started.total()).isEqualTo(4);
        CopyProgress done = runToTheEnd(started.copyId());

        assertThat(done.done()).isEqualTo(4);
        // the branch had them already: three settings in each of the three tenants below it
        assertThat(done.changed()).isEqualTo(9);
        for (long tenant : new long[] {branch, store, office, shelf}) {
            assertThat(data.settings(tenant)).as("settings of %s", tenant).isEqualTo(BAKERY);
        }
        assertThat(data.settings(master)).isEqualTo(BAKERY);

        CopyProgress again = runToTheEnd(asManager(() -> copies.start(branch, true)).copyId());

        assertThat(again.state()).isEqualTo("DONE");
        assertThat(again.done()).isEqualTo(again.total()).isEqualTo(4);
        assertThat(again.changed()).isZero();
    }

    @Test
    void the_masters_contacts_are_copied_as_people_without_access_and_only_once() {
        jdbc.update("""
                insert into contact (organization_id, user_id, first_name, last_name, email, phone, technical,
                                     created_at, version)
                values (?, null, 'Tom', 'Technik', 'tom@zentrale.test', '+4952511234567', true, current_timestamp, 0)
                """, master);
        jdbc.update("""
                insert into contact (organization_id, user_id, first_name, last_name, email, billing, created_at,
                                     version)
                values (?, null, 'Bea', 'Buch', 'bea@zentrale.test', true, current_timestamp, 0)
                """, master);
        // the store knows Bea already: she is left as she is
        jdbc.update("""
                insert into contact (organization_id, user_id, first_name, last_name, email, business, created_at,
                                     version)
                values (?, null, 'Beatrix', 'Buch', 'bea@zentrale.test', true, current_timestamp, 0)
                """, store);

        CopyProgress first = runToTheEnd(asManager(() -> copies.start(branch, true)).copyId());
        CopyProgress second = runToTheEnd(asManager(() -> copies.start(branch, true)).copyId());

        for (long tenant : new long[] {branch, store, office, shelf}) {
            assertThat(jdbc.queryForList("select email from contact where organization_id = ? order by email",
                    String.class, tenant)).as("contacts of %s", tenant)
                    .containsExactly("bea@zentrale.test", "tom@zentrale.test");
        }
        assertThat(jdbc.queryForObject("select first_name from contact where organization_id = ? and email = ?",
                String.class, store, "bea@zentrale.test")).isEqualTo("Beatrix");
        assertThat(jdbc.queryForObject("select count(*) from contact where organization_id = ? and user_id is null "
                + "and phone = '+4952511234567'", Integer.class, shelf)).isEqualTo(1);
        // 9 settings and 7 contacts the first time; nothing the second
        assertThat(first.changed()).isEqualTo(12 + 7);
        // each tenant's own audit log says what arrived
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'CONTACTS_COPIED' "
                + "and organization_id in (?, ?, ?, ?)", Integer.class, branch, store, office, shelf)).isEqualTo(4);
        assertThat(second.changed()).isZero();
    }

    @Test
    void a_copy_takes_the_masters_settings_as_they_are_now_and_unset_ones_are_unset_below() {
        // the branch is the master of the store: first the branch gets the bakery's settings, then changes them
        asManager(() -> runToTheEnd(copies.start(branch, true).copyId()));
        TenantSettings changed = new TenantSettings("en", null, "Neue Filiale");
        asManager(() -> tenants.changeSettings(branch, changed, tenants.details(branch).profileVersion()));

        CopyProgress done = runToTheEnd(asManager(() -> copies.start(store, true)).copyId());

        assertThat(done.total()).isEqualTo(2);
        assertThat(done.changed()).isEqualTo(6);
        assertThat(data.settings(store)).isEqualTo(changed);
        assertThat(data.settings(shelf)).isEqualTo(changed);
        assertThat(data.settings(office)).isEqualTo(BAKERY);
    }

    @Test
    void a_copy_into_more_tenants_than_one_batch_goes_on_batch_after_batch() {
        data.bulkTenants(store, 1_200);

        CopyProgress started = asManager(() -> copies.start(branch, true));
        assertThat(started.total()).isEqualTo(1_204);
        CopyProgress done = runToTheEnd(started.copyId());

        assertThat(done.done()).isEqualTo(1_204);
        assertThat(done.changed()).isEqualTo(3 * 1_204);
        assertThat(jdbc.queryForObject("select count(*) from tenant t join organization o on o.id = t.organization_id "
                + "where o.parent_id = ? and t.default_language = 'de' and t.time_zone = 'Europe/Berlin' "
                + "and t.sender_name = ?", Integer.class, store, BAKERY.senderName())).isEqualTo(1_200 + 1);
    }

    @Test
    void a_copy_is_audited_when_it_starts_and_when_it_is_done() {
        CopyProgress done = runToTheEnd(asManager(() -> copies.start(branch, true)).copyId());

        assertThat(data.audit(ContentCopies.CONTENT_COPY_STARTED, branch)).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo("SUCCESS");
            assertThat(event.summary()).contains("from tenant Zentrale to 4 tenants");
            assertThat(event.actorEmail()).isEqualTo(customer.managerEmail());
        });
        assertThat(data.audit(ContentCopies.CONTENT_COPY_STARTED, master)).hasSize(1);
        assertThat(data.audit(ContentCopyWorker.CONTENT_COPY_FINISHED, branch)).singleElement()
                .satisfies(event -> assertThat(event.summary()).doesNotContain("run " + done.copyId())
                        .contains("from tenant Zentrale done: 4 tenants, 12 settings and contacts copied"));
        assertThat(done.changed()).isEqualTo(12);
    }

    @Test
    void only_a_sub_tenant_of_a_tenant_can_take_content_from_its_master() {
        assertThatThrownBy(() -> asManager(() -> copies.start(master, true)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("tenant.copy.master-not-tenant"));
        assertThatThrownBy(() -> asManager(() -> copies.start(customer.id(), false)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("tenant.not-a-tenant"));
    }

    @Test
    void copying_needs_the_right_to_manage_the_sub_tenant() {
        String shelfAdministrator = data.tenantAdministrator(shelf);
        String branchAdministrator = data.tenantAdministrator(branch);

        // copying needs VIEW in the master, too: an administrator copies from their tenant into those below it,
        // not from above into their own
        assertThatThrownBy(() -> fixtures.as(shelfAdministrator, () -> copies.start(shelf, false)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(branchAdministrator, () -> copies.start(branch, false)))
                .isInstanceOf(AccessRefused.class);
        CopyProgress started = fixtures.as(branchAdministrator, () -> copies.start(store, true));
        assertThat(runToTheEnd(started.copyId()).total()).isEqualTo(2);
        assertThat(fixtures.as(branchAdministrator, () -> copies.progress(started.copyId())).state())
                .isEqualTo("DONE");
        assertThatThrownBy(() -> fixtures.as(shelfAdministrator, () -> copies.progress(started.copyId())))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void a_partner_that_manages_the_customers_tenants_copies_templates_down() {
        Partner partner = data.partner();
        Customer managed = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        long head = data.tenant(managed.id(), "Hauptsitz", BAKERY);
        long sub = data.tenant(head, "Zweigstelle");

        CopyProgress done = runToTheEnd(fixtures.as(partner.adminEmail(), () -> copies.start(sub, false)).copyId());

        assertThat(done.changed()).isEqualTo(3);
        assertThat(data.settings(sub)).isEqualTo(BAKERY);
        assertThatThrownBy(() -> fixtures.as(partner.employeeEmail(), () -> copies.start(sub, false)))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void a_second_copy_with_the_same_source_and_targets_is_refused_while_the_first_is_queued() {
        CopyProgress first = withTheJobHeld(() -> {
            CopyProgress queued = asManager(() -> copies.start(branch, true));

            assertThat(queued.waiting()).isTrue();
            assertThatThrownBy(() -> asManager(() -> copies.start(branch, true)))
                    .isInstanceOfSatisfying(RuleViolation.class, refusal ->
                            assertThat(refusal.messageKey()).isEqualTo("tenant.copy.already-running"));
            assertThat(jdbc.queryForObject("select count(*) from content_copy where target_id = ?", Integer.class,
                    branch)).isOne();
            return queued;
        });

        runToTheEnd(first.copyId());
        // done, it may run again
        assertThat(runToTheEnd(asManager(() -> copies.start(branch, true)).copyId()).changed()).isZero();
    }

    @Test
    void a_copy_into_other_targets_may_start_while_one_is_queued() {
        withTheJobHeld(() -> {
            asManager(() -> copies.start(branch, true));
            return asManager(() -> copies.start(branch, false));
        });

        assertThat(jdbc.queryForObject("select count(*) from content_copy where target_id = ?", Integer.class,
                branch)).isEqualTo(2);
    }

    @Test
    void the_person_who_started_a_copy_finds_it_again_while_it_is_unfinished_and_only_they_do() {
        String branchAdministrator = data.tenantAdministrator(branch);
        String shelfAdministrator = data.tenantAdministrator(shelf);
        assertThat(asManager(() -> copies.unfinished(branch))).isEmpty();

        java.util.List<CopyProgress> started = withTheJobHeld(() -> {
            CopyProgress queued = asManager(() -> copies.start(branch, true));
            CopyProgress theAdministrators = fixtures.as(branchAdministrator, () -> copies.start(store, true));

            assertThat(asManager(() -> copies.unfinished(branch))).hasValueSatisfying(found -> {
                assertThat(found.copyId()).isEqualTo(queued.copyId());
                assertThat(found.waiting()).isTrue();
                assertThat(found.total()).isEqualTo(4);
            });
            assertThat(fixtures.as(branchAdministrator, () -> copies.unfinished(store)))
                    .map(CopyProgress::copyId).hasValue(theAdministrators.copyId());
            // the manager did not start that one: they are offered Start (and told it runs if they press it)
            assertThat(asManager(() -> copies.unfinished(store))).isEmpty();
            assertThatThrownBy(() -> fixtures.as(shelfAdministrator, () -> copies.unfinished(store)))
                    .isInstanceOf(AccessRefused.class);
            return java.util.List.of(queued, theAdministrators);
        });

        started.forEach(copy -> runToTheEnd(copy.copyId()));
        assertThat(asManager(() -> copies.unfinished(branch))).isEmpty();
    }

    @Test
    void an_unknown_run_is_refused_and_audited_as_someone_elses_is() {
        long deniedBefore = deniedReadsOfCopies();

        assertThatThrownBy(() -> asManager(() -> copies.progress(Long.MAX_VALUE))).isInstanceOf(AccessRefused.class);

        assertThat(deniedReadsOfCopies()).isEqualTo(deniedBefore + 1);
    }

    private long deniedReadsOfCopies() {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and actor_email = ?",
                Long.class, customer.managerEmail());
    }

    // --- helpers

    private <T> T withTheJobHeld(java.util.function.Supplier<T> work) {
        return TenantJobs.withTheJobHeld(context, work);
    }

    /**
     * Lets the worker copy the run (as the scheduled worker does) and waits until it is done: the scheduled worker
     * may have taken some batches meanwhile.
     */
    private CopyProgress runToTheEnd(long copyId) {
        worker.runFor(copyId);
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        CopyProgress progress = progressOf(copyId);
        while (!progress.finished() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for copy run " + copyId, e);
            }
            worker.runFor(copyId);
            progress = progressOf(copyId);
        }
        assertThat(progress.state()).as("state of copy run %s", copyId).isEqualTo("DONE");
        return progress;
    }

    /** The run's progress as stored, whoever may read it. */
    private CopyProgress progressOf(long copyId) {
        return jdbc.queryForObject("select state, done_targets, total_targets, changed_items from content_copy "
                        + "where id = ?", (rs, row) -> new CopyProgress(copyId, rs.getString(1), rs.getInt(2),
                        rs.getInt(3), rs.getInt(4)), copyId);
    }

    private <T> T asManager(java.util.function.Supplier<T> work) {
        return fixtures.as(customer.managerEmail(), work);
    }

    private void asManager(Runnable work) {
        fixtures.as(customer.managerEmail(), work);
    }
}
