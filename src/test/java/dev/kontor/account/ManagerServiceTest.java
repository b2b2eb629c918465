package dev.kontor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.InvitationState;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipState;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ManagerServiceTest {

    @Autowired
    ManagerService managers;

    @Autowired
    AccountService accounts;

    @Autowired
    InvitationService invitations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_person_kontor_knows_becomes_an_active_manager_at_once_and_is_told_by_mail() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");

        Member added = fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), known.toUpperCase(Locale.ROOT), null, Locale.ENGLISH));

        assertThat(added.state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(outbox.to(known)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("You are now a manager of Customer " + account.tag() + " ("
                    + account.customerNumber() + ")");
            assertThat(mail.body()).contains("Alice has made you a manager", "/accounts/" + account.customerNumber());
        });
    }

    @Test
    void a_new_person_is_invited_and_cannot_be_contact_person_until_they_accept() {
        TestAccount account = fixtures.account("Alice");
        String newcomer = "new-" + UUID.randomUUID() + "@example.test";

        Member invited = fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "Nora Neu", Locale.GERMAN));

        assertThat(invited.state()).isEqualTo(MembershipState.INVITED);
        assertThat(outbox.to(newcomer)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Einladung:");
            assertThat(mail.body()).contains("Hallo Nora Neu", "Alice hat Sie eingeladen", "/invitation/");
        });
        long version = details(account).version();
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> accounts.changeContactPerson(account.id(), version, invited.userId())))
                .isInstanceOf(RuleViolation.class);

        invitations.accept(outbox.invitationTokenFor(newcomer), "blue harbour lanterns sing quietly");

        assertThat(details(account).managers()).filteredOn(m -> m.email().equals(newcomer)).singleElement()
                .extracting(Member::state).isEqualTo(MembershipState.ACTIVE);
        fixtures.as(account.email("Alice"), () -> accounts.changeContactPerson(account.id(),
                details(account).version(), invited.userId()));
        assertThat(details(account).contactPerson()).map(Member::email).contains(newcomer);
    }

    @Test
    void a_new_person_needs_a_name_and_a_refusal_leaves_neither_user_nor_mail() {
        TestAccount account = fixtures.account("Alice");
        String newcomer = "nameless-" + UUID.randomUUID() + "@example.test";

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "  ", Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo("name"));

        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, newcomer))
                .isZero();
        assertThat(outbox.to(newcomer)).isEmpty();
    }

    @Test
    void a_malformed_address_or_a_second_add_is_refused_next_to_the_email_field() {
        TestAccount account = fixtures.account("Alice", "Bob");

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), "not an address", "X", Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo("email"));
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), account.email("Bob"), null, Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("email");
                    assertThat(refusal.messageKey()).isEqualTo("manager.exists");
                });
    }

    @Test
    void removing_an_invited_manager_makes_the_link_worthless() {
        TestAccount account = fixtures.account("Alice");
        String newcomer = "gone-" + UUID.randomUUID() + "@example.test";
        Member invited = fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "Gina Gone", Locale.ENGLISH));
        String token = outbox.invitationTokenFor(newcomer);

        fixtures.as(account.email("Alice"),
                () -> managers.removeManagerRole(account.id(), invited.membershipId(), Locale.ENGLISH));

        assertThat(invitations.preview(token).state()).isIn(InvitationState.UNKNOWN, InvitationState.REVOKED);
        assertThatThrownBy(() -> invitations.accept(token, "blue harbour lanterns sing quietly"))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_new_invitation_replaces_the_old_link() {
        TestAccount account = fixtures.account("Alice");
        String newcomer = "again-" + UUID.randomUUID() + "@example.test";
        Member invited = fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "Ada Again", Locale.ENGLISH));
        String first = outbox.invitationTokenFor(newcomer);

        fixtures.as(account.email("Alice"),
                () -> managers.resendInvitation(account.id(), invited.membershipId(), Locale.ENGLISH));

        String second = outbox.invitationTokenFor(newcomer);
        assertThat(second).isNotEqualTo(first);
        assertThat(invitations.preview(first).state()).isEqualTo(InvitationState.REVOKED);
        assertThat(invitations.preview(second).state()).isEqualTo(InvitationState.OPEN);
    }

    @Test
    void when_the_deputy_is_deactivated_the_other_managers_are_told() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        fixtures.as(account.email("Alice"), () -> accounts.changeDeputy(account.id(), details(account).version(),
                account.userId("Bob")));
        long bobsMembership = details(account).managers().stream().filter(m -> m.displayName().equals("Bob"))
                .findFirst().orElseThrow().membershipId();

        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), bobsMembership, Locale.ENGLISH));

        assertThat(details(account).deputy()).isEmpty();
        assertThat(outbox.to(account.email("Alice"))).anySatisfy(mail ->
                assertThat(mail.subject()).contains("the deputy contact person has left"));
        assertThat(outbox.to(account.email("Carl"))).anySatisfy(mail ->
                assertThat(mail.body()).contains("Bob is no longer a manager"));
        assertThat(outbox.to(account.email("Bob"))).isEmpty();
    }

    private AccountDetails details(TestAccount account) {
        return fixtures.as(account.email("Alice"), () -> accounts.details(new CustomerNumber(account.customerNumber())));
    }
}
