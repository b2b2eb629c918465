package dev.kontor.provider;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.account.MasterData;
import dev.kontor.account.ServiceKind;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provider's own part of an account's data: name and address (at the version the managers' dialog keeps), whom to
 * call, first managers, and the list of accounts changed since a time that the provider's systems sync by. Run on H2
 * and on PostgreSQL by the subclasses: the changed list and the contact person are SQL of their own, and the
 * changed_at column comes from a migration.
 */
abstract class AccountDataAdministration {

    @Autowired
    AccountAdministration administration;

    @Autowired
    ServiceAdministration services;

    @Autowired
    AccountService accountService;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    ContactProvisioning contacts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    ProviderWorld world;

    @BeforeEach
    void aProviderOfItsOwn() {
        world = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        UI.setCurrent(new UI());
    }

    @AfterEach
    void closeTheTabAndTheClock() {
        UI.setCurrent(null);
        clock.reset();
    }

    @Test
    void the_provider_changes_name_and_address_at_the_version_the_managers_dialog_keeps_and_leaves_billing_alone() {
        String alice = world.account().email("Alice");
        CustomerNumber number = new CustomerNumber(world.account().customerNumber());
        AccountDetails dialog = fixtures.as(alice, () -> accountService.details(number));
        fixtures.as(alice, () -> accountService.updateMasterData(dialog.accountId(), dialog.version(),
                new MasterData(dialog.masterData().companyName(), null, null, null, null, "billing@alice.test", null)));
        AccountDetails fresh = fixtures.as(alice, () -> accountService.details(number));

        fixtures.as(world.admin(), () -> administration.updateAccount(world.account().id(), fresh.version(),
                new AccountChange("Alice Holding", "Am Markt 3", "04109", "Leipzig", "de")));

        ProviderAccount changed = fixtures.as(world.admin(), () -> administration.accountData(world.account().id()));
        assertThat(changed.name()).isEqualTo("Alice Holding");
        assertThat(changed.country()).isEqualTo("DE");
        assertThat(changed.dataVersion()).isGreaterThan(fresh.version());
        AccountDetails after = fixtures.as(alice, () -> accountService.details(number));
        assertThat(after.masterData().billingEmail()).isEqualTo("billing@alice.test");
        assertThat(after.masterData().city()).isEqualTo("Leipzig");
        // the manager's dialog read before the provider's change is stale now, and the provider's old view too
        assertThatThrownBy(() -> fixtures.as(alice, () -> accountService.updateMasterData(fresh.accountId(),
                fresh.version(), fresh.masterData()))).isInstanceOf(StaleData.class);
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.updateAccount(world.account().id(),
                fresh.version(), new AccountChange("Old view", null, null, null, null))))
                .isInstanceOf(StaleData.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where organization_id = ? "
                + "and kind = 'ACCOUNT_DATA_CHANGED' and old_value like '%billingEmail=billing@alice.test%'",
                Integer.class, world.account().id())).isEqualTo(1);
    }

    @Test
    void bad_input_and_a_closed_account_change_nothing() {
        long version = dataVersion();
        String name = fixtures.as(world.admin(), () -> administration.accountData(world.account().id())).name();

        assertField(new AccountChange(" ", null, null, null, null), version, "name");
        assertField(new AccountChange("Line\nbreak", null, null, null, null), version, "name");
        assertField(new AccountChange("x".repeat(201), null, null, null, null), version, "name");
        assertField(new AccountChange("Fine", null, "!!", null, null), version,
                "postalCode");
        assertField(new AccountChange("Fine", null, null, null, "XX"), version, "country");
        assertField(new AccountChange("Fine", "x".repeat(201), null, null, null), version, "street");

        ProviderAccount unchanged = fixtures.as(world.admin(), () -> administration.accountData(world.account().id()));
        assertThat(unchanged.name()).isEqualTo(name);
        assertThat(unchanged.dataVersion()).isEqualTo(version);
        fixtures.as(world.admin(), () -> administration.close(world.account().id(), unchanged.version(), null));
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.updateAccount(world.account().id(),
                version, new AccountChange("After closing", null, null, null, null))))
                .isInstanceOf(RuleViolation.class).hasMessage("admin.account.closed");
    }

    @Test
    void every_change_of_the_accounts_own_data_moves_it_to_the_end_of_the_changed_list() {
        long id = world.account().id();
        String alice = world.account().email("Alice");
        CustomerNumber number = new CustomerNumber(world.account().customerNumber());
        List<Consumer<ProviderAccount>> changes = List.of(
                account -> fixtures.as(alice, () -> {
                    AccountDetails d = accountService.details(number);
                    accountService.updateMasterData(id, d.version(), new MasterData(d.masterData().companyName()
                            + " renamed", null, null, null, null, null, null));
                }),
                account -> fixtures.as(world.admin(), () -> administration.updateAccount(id, account.dataVersion(),
                        new AccountChange("By the provider", "Weg 1", null, null, null))),
                account -> fixtures.as(world.admin(), () -> administration.suspend(id, account.version(), null)),
                account -> fixtures.as(world.admin(), () -> administration.reactivate(id, account.version())),
                account -> fixtures.as(world.admin(), () -> {
                    services.addService(id, "Cluster " + System.nanoTime(), ServiceKind.CLUSTER);
                }),
                account -> fixtures.as(alice, () -> accountService.confirmContactData(id)));

        for (Consumer<ProviderAccount> change : changes) {
            ProviderAccount before = fixtures.as(world.admin(), () -> administration.accountData(id));
            clock.advance(Duration.ofSeconds(1));
            change.accept(before);
            ProviderAccount after = fixtures.as(world.admin(), () -> administration.accountData(id));
            assertThat(after.changedAt()).isAfter(before.changedAt());
            List<ProviderAccount> since = fixtures.as(world.admin(),
                    () -> administration.changedSince(before.changedAt(), Long.MAX_VALUE, 50));
            assertThat(since).extracting(ProviderAccount::id).containsExactly(id);
        }
    }

    @Test
    void suspending_reactivating_and_services_leave_the_managers_data_version_alone_but_move_changed_at() {
        long id = world.account().id();
        ProviderAccount before = fixtures.as(world.admin(), () -> administration.accountData(id));
        clock.advance(Duration.ofSeconds(1));

        fixtures.as(world.admin(), () -> administration.suspend(id, before.version(), null));
        ProviderAccount suspended = fixtures.as(world.admin(), () -> administration.accountData(id));
        fixtures.as(world.admin(), () -> administration.reactivate(id, suspended.version()));
        fixtures.as(world.admin(), () -> services.addService(id, "Cluster " + System.nanoTime(), ServiceKind.CLUSTER));

        ProviderAccount after = fixtures.as(world.admin(), () -> administration.accountData(id));
        // the managers' dialog and the provider's name-and-address change keep this version: a state change must
        // not make their next save "changed meanwhile"
        assertThat(after.dataVersion()).isEqualTo(before.dataVersion());
        assertThat(after.changedAt()).isAfter(before.changedAt());
    }

    @Test
    void the_changed_list_pages_by_changed_at_and_id_and_keeps_to_the_providers_accounts() {
        ProviderWorld other = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        Instant start = clock.instant();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            fixtures.as(world.admin(), () -> administration.createAccount(new NewAccount(null, "Synced", null, null,
                    null, null, "synced-" + System.nanoTime() + "@example.test", "S", null, null), Locale.ENGLISH));
        }

        List<ProviderAccount> first = fixtures.as(world.admin(), () -> administration.changedSince(start, 0, 2));
        ProviderAccount last = first.get(1);
        List<ProviderAccount> rest = fixtures.as(world.admin(),
                () -> administration.changedSince(last.changedAt(), last.id(), 2));

        assertThat(first).hasSize(2);
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).changedAt()).isAfter(last.changedAt());
        assertThat(fixtures.as(world.admin(), () -> administration.changedSince(Instant.EPOCH, 0, 500)))
                .extracting(ProviderAccount::id).doesNotContain(other.account().id());
    }

    @Test
    void the_contact_person_and_the_contacts_are_read_by_the_providers_administrators_and_nobody_else() {
        long id = world.account().id();
        contacts.importContact(TestTasks.setUp(), id, null, "Nora", "Night", "nora-" + System.nanoTime()
                + "@night.test", null, null, Set.of(ContactType.TECHNICAL));

        AccountContactPerson person = fixtures.as(world.admin(), () -> administration.contactPerson(id));
        var read = fixtures.as(world.admin(), () -> administration.contactsOf(id, 0, 50));

        assertThat(person.email()).isEqualTo(world.account().email("Alice"));
        assertThat(read).extracting(row -> row.firstName()).containsExactly("Nora");
        // personal data read by the provider is in the customer's audit log, as support's lookups are
        assertThat(jdbc.queryForList("select summary_key from audit_event where organization_id = ? and kind = "
                + "'CONTACT_DATA_READ' order by id", String.class, id))
                .containsExactly("audit.summary.provider-read-contact-person",
                        "audit.summary.provider-read-contacts");
        ProviderWorld other = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        for (String outsider : List.of(other.admin(), world.partner().legalEmail(), world.account().email("Alice"))) {
            assertThatThrownBy(() -> fixtures.as(outsider, () -> administration.contactPerson(id)))
                    .isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> fixtures.as(outsider, () -> administration.contactsOf(id, 0, 50)))
                    .isInstanceOf(AccessRefused.class);
        }
    }

    @Test
    void a_first_manager_is_invited_only_while_the_account_has_no_active_manager_and_holds_nothing_before_accepting() {
        CreatedAccount fresh = fixtures.as(world.admin(), () -> administration.createAccount(new NewAccount(null,
                "Unanswered", null, null, null, null, "gone-" + System.nanoTime() + "@example.test", "Gone", null,
                null), Locale.ENGLISH));
        String next = "next-" + System.nanoTime() + "@example.test";

        fixtures.as(world.admin(), () -> administration.inviteManager(fresh.id(), next, "Next", Locale.ENGLISH));

        assertThat(jdbc.queryForObject("select m.state from membership m join app_user u on u.id = m.user_id "
                + "where m.organization_id = ? and u.email = ?", String.class, fresh.id(), next)).isEqualTo("INVITED");
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.inviteManager(world.account().id(),
                "intruder@example.test", "Intruder", Locale.ENGLISH))).isInstanceOf(RuleViolation.class)
                .hasMessage("admin.account.has-manager");
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.inviteManager(fresh.id(), "nope",
                "N", Locale.ENGLISH))).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.field()).isEqualTo("email"));
    }

    private long dataVersion() {
        return fixtures.as(world.admin(), () -> administration.accountData(world.account().id())).dataVersion();
    }

    private void assertField(AccountChange change, long version, String field) {
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.updateAccount(world.account().id(),
                version, change))).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
