package dev.kontor.account;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.audit.AuditEvent;
import dev.kontor.audit.AuditValue;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipState;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@IntegrationTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerService managers;

    @Autowired
    MembershipAdministration memberships;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Fixtures fixtures;

    @Test
    void the_first_active_manager_becomes_the_contact_person() {
        TestAccount account = fixtures.account("Alice", "Bob");

        AccountDetails details = details(account, "Alice");

        assertThat(details.contactPerson()).map(Member::displayName).contains("Alice");
        assertThat(details.confirmationOverdue()).isFalse();
    }

    @Test
    void a_manager_makes_another_active_manager_the_contact_person_and_it_is_audited() {
        TestAccount account = fixtures.account("Alice", "Bob");
        AccountDetails before = details(account, "Alice");

        fixtures.as(account.email("Alice"), () -> accounts.changeContactPerson(account.id(), before.version(),
                account.userId("Bob")));

        assertThat(details(account, "Alice").contactPerson()).map(Member::displayName).contains("Bob");
        List<AuditEvent> events = auditTrail.latest(AccountService.CONTACT_PERSON_CHANGED);
        assertThat(events).anySatisfy(event -> {
            assertThat(event.getOrganizationId()).isEqualTo(account.id());
            // the audit log names them by name and e-mail when it is read
            assertThat(event.getOldValue()).isEqualTo(AuditValue.person(account.userId("Alice")));
            assertThat(event.getNewValue()).isEqualTo(AuditValue.person(account.userId("Bob")));
            assertThat(event.getActorEmail()).isEqualTo(account.email("Alice"));
        });
    }

    @Test
    void only_an_active_manager_of_this_account_can_be_the_contact_person() {
        TestAccount account = fixtures.account("Alice", "Bob");
        TestAccount other = fixtures.account("Olga");
        long bobsMembership = membershipOf(account, "Alice", "Bob");
        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), bobsMembership, Locale.ENGLISH));
        long version = details(account, "Alice").version();

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> accounts.changeContactPerson(account.id(), version, account.userId("Bob"))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("contact-person.must-be-active-manager");
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> accounts.changeContactPerson(account.id(), version, other.userId("Olga"))))
                .isInstanceOf(RuleViolation.class);
        assertThat(details(account, "Alice").contactPerson()).map(Member::displayName).contains("Alice");
    }

    @Test
    void a_change_from_a_stale_dialog_is_refused_and_changes_nothing() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        long staleVersion = details(account, "Alice").version();
        fixtures.as(account.email("Bob"), () -> accounts.changeContactPerson(account.id(), staleVersion,
                account.userId("Bob")));

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> accounts.changeContactPerson(account.id(), staleVersion, account.userId("Carl"))))
                .isInstanceOf(StaleData.class);
        assertThat(details(account, "Alice").contactPerson()).map(Member::displayName).contains("Bob");
    }

    @Test
    void the_contact_person_can_be_neither_deactivated_nor_removed() {
        TestAccount account = fixtures.account("Alice", "Bob");
        long alicesMembership = membershipOf(account, "Bob", "Alice");

        assertThatThrownBy(() -> fixtures.as(account.email("Bob"),
                () -> managers.deactivate(account.id(), alicesMembership, Locale.ENGLISH)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("manager.is-contact-person");
        assertThatThrownBy(() -> fixtures.as(account.email("Bob"),
                () -> managers.removeManagerRole(account.id(), alicesMembership, Locale.ENGLISH)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("manager.is-contact-person");
        assertThat(details(account, "Bob").managers()).filteredOn(m -> m.displayName().equals("Alice"))
                .singleElement().extracting(Member::state).isEqualTo(MembershipState.ACTIVE);
    }

    @Test
    void the_database_itself_refuses_to_deactivate_the_contact_person() {
        TestAccount account = fixtures.account("Alice", "Bob");
        long alicesMembership = membershipOf(account, "Bob", "Alice");

        assertThatThrownBy(() -> fixtures.as(account.email("Bob"),
                () -> memberships.changeState(account.id(), alicesMembership, MembershipState.DEACTIVATED)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> fixtures.as(account.email("Bob"),
                () -> memberships.remove(account.id(), alicesMembership)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void an_account_keeps_at_least_one_active_manager() {
        TestAccount account = fixtures.account("Alice");
        long alicesMembership = membershipOf(account, "Alice", "Alice");

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> managers.removeManagerRole(account.id(), alicesMembership, Locale.ENGLISH)))
                .isInstanceOf(RuleViolation.class);
        assertThat(details(account, "Alice").activeManagers()).hasSize(1);
    }

    @Test
    void the_deputy_is_another_active_manager_and_is_cleared_when_deactivated() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        fixtures.as(account.email("Alice"), () -> accounts.changeDeputy(account.id(),
                details(account, "Alice").version(), account.userId("Bob")));
        assertThat(details(account, "Alice").deputy()).map(Member::displayName).contains("Bob");

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> accounts.changeDeputy(account.id(),
                details(account, "Alice").version(), account.userId("Alice"))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("deputy.is-contact-person");

        long bobsMembership = membershipOf(account, "Alice", "Bob");
        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), bobsMembership, Locale.ENGLISH));
        assertThat(details(account, "Alice").deputy()).isEmpty();
    }

    @Test
    void a_manager_of_one_account_is_refused_another_and_the_attempt_is_audited() {
        TestAccount mine = fixtures.account("Alice");
        TestAccount theirs = fixtures.account("Olga", "Otto");
        long theirVersion = details(theirs, "Olga").version();
        long ottosMembership = membershipOf(theirs, "Olga", "Otto");

        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> accounts.details(new CustomerNumber(theirs.customerNumber()))))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> accounts.changeContactPerson(theirs.id(), theirVersion, theirs.userId("Otto"))))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> managers.deactivate(theirs.id(), ottosMembership, Locale.ENGLISH)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> accounts.updateMasterData(theirs.id(), theirVersion, new MasterData("Taken over", null, null,
                        null, null, null, null))))
                .isInstanceOf(AccessRefused.class);

        List<AuditEvent> denied = auditTrail.latest("ACCESS_DENIED");
        assertThat(denied).filteredOn(e -> theirs.id() == (e.getOrganizationId() == null ? -1 : e.getOrganizationId()))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(e -> assertThat(e.getActorEmail()).isEqualTo(mine.email("Alice")));
        assertThat(details(theirs, "Olga").masterData().companyName()).startsWith("Customer ");
    }

    @Test
    void an_unknown_customer_number_is_refused_like_a_foreign_one() {
        TestAccount mine = fixtures.account("Alice");
        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> accounts.details(new CustomerNumber("CN-999999999"))))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void a_membership_id_of_another_account_changes_nothing_here() {
        TestAccount mine = fixtures.account("Alice", "Bob");
        TestAccount theirs = fixtures.account("Olga", "Otto");
        long ottosMembership = membershipOf(theirs, "Olga", "Otto");

        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> managers.deactivate(mine.id(), ottosMembership, Locale.ENGLISH)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("membership.not-found");
        assertThat(details(theirs, "Olga").activeManagers()).hasSize(2);
    }

    @Test
    void master_data_is_validated_field_by_field_and_nothing_is_half_saved() {
        TestAccount account = fixtures.account("Alice");
        long version = details(account, "Alice").version();

        assertField(account, version, new MasterData(" ", null, null, null, null, null, null), "companyName");
        assertField(account, version, new MasterData("x".repeat(201), null, null, null, null, null, null),
                "companyName");
        assertField(account, version, new MasterData("<script>alert(1)</script>", null, null, null, null, null,
                null), "companyName");
        assertField(account, version, new MasterData("Fine", "Street <b>1</b>", null, null, null, null, null),
                "street");
        assertField(account, version, new MasterData("Fine", null, "12#45", null, null, null, null), "postalCode");
        assertField(account, version, new MasterData("Fine", null, null, null, "XX", null, null), "country");
        assertField(account, version, new MasterData("Fine", null, null, null, null, "not-an-email", null),
                "billingEmail");
        assertField(account, version, new MasterData("Fine", null, null, null, null, null, "call me"),
                "emergencyPhone");

        AccountDetails unchanged = details(account, "Alice");
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(unchanged.masterData().companyName()).startsWith("Customer ");
    }

    @Test
    void valid_master_data_is_saved_trimmed_and_audited() {
        TestAccount account = fixtures.account("Alice");
        long version = details(account, "Alice").version();

        fixtures.as(account.email("Alice"), () -> accounts.updateMasterData(account.id(), version,
                new MasterData("  Müller & Söhne GmbH ", "Hauptstraße 1", "33098", "Paderborn", "de",
                        "Rechnung@Mueller.TEST", "+49 5251 4711")));

        MasterData saved = details(account, "Alice").masterData();
        assertThat(saved).isEqualTo(new MasterData("Müller & Söhne GmbH", "Hauptstraße 1", "33098", "Paderborn",
                "DE", "rechnung@mueller.test", "+49 5251 4711"));
        assertThat(auditTrail.latest(AccountService.ACCOUNT_DATA_CHANGED))
                .anySatisfy(e -> assertThat(e.getNewValue()).contains("city=Paderborn"));
    }

    @Test
    void confirming_the_contact_data_clears_the_overdue_mark() {
        TestAccount account = fixtures.account("Alice");
        provisioning.importConfirmation(TestTasks.setUp(), account.id(),
                java.time.Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(details(account, "Alice").confirmationOverdue()).isTrue();

        fixtures.as(account.email("Alice"), () -> accounts.confirmContactData(account.id()));

        assertThat(details(account, "Alice").confirmationOverdue()).isFalse();
    }

    @Autowired
    AccountProvisioning provisioning;

    private void assertField(TestAccount account, long version, MasterData data, String field) {
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> accounts.updateMasterData(account.id(), version, data)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo(field));
    }

    private AccountDetails details(TestAccount account, String asManager) {
        return fixtures.as(account.email(asManager), () -> accounts.details(new CustomerNumber(account.customerNumber())));
    }

    private long membershipOf(TestAccount account, String asManager, String managerName) {
        return details(account, asManager).managers().stream()
                .filter(m -> m.displayName().equals(managerName)).findFirst().orElseThrow().membershipId();
    }
}
