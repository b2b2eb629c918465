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
    void a_person_kontor_knows_is_invited_like_anybody_and_shown_with_the_typed_name_until_they_accept() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");

        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), known.toUpperCase(Locale.ROOT), "Typed Name", Locale.ENGLISH));

        assertThat(details(account).managers()).filteredOn(m -> m.email().equals(known)).singleElement()
                .satisfies(m -> {
                    assertThat(m.state()).isEqualTo(MembershipState.INVITED);
                    assertThat(m.displayName()).isEqualTo("Typed Name");
                });
        assertThat(jdbc.queryForObject("select display_name from app_user where email = ?", String.class, known))
                .isEqualTo("Kim");
        assertThat(outbox.to(known)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Invitation to manage Customer " + account.tag() + " ("
                    + account.customerNumber() + ") in Kontor");
            assertThat(mail.body()).contains("/invitation/").doesNotContain("Kim,");
        });
    }

    @Test
    void known_and_unknown_addresses_get_the_same_answer_and_the_inviter_learns_nothing() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");
        String unknown = "unknown-" + UUID.randomUUID() + "@example.test";

        // the service answers nothing in either case (no member, no state): the dialog says the same words for both
        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), known, "Kim Typed", Locale.ENGLISH));
        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), unknown, "Una Typed", Locale.ENGLISH));

        assertThat(details(account).managers()).filteredOn(m -> !m.email().equals(account.email("Alice")))
                .extracting(Member::state).containsOnly(MembershipState.INVITED);
        assertThat(outbox.to(account.email("Alice"))).allSatisfy(mail ->
                assertThat(mail.body()).doesNotContain("Kim,").doesNotContain("already"));
    }

    @Test
    void a_person_who_is_a_manager_already_gets_the_same_neutral_answer_and_no_second_membership() {
        TestAccount account = fixtures.account("Alice", "Bob");
        String newcomer = "twice-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), newcomer, "Tw Ice", Locale.ENGLISH));

        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), account.email("Bob"), "Bob Typed", Locale.ENGLISH));
        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "Tw Ice", Locale.ENGLISH));

        assertThat(jdbc.queryForObject("select count(*) from membership where organization_id = ?", Integer.class,
                account.id())).isEqualTo(3);
        assertThat(details(account).managers()).filteredOn(m -> m.email().equals(account.email("Bob")))
                .singleElement().extracting(Member::state).isEqualTo(MembershipState.ACTIVE);
    }

    @Test
    void a_deactivated_manager_added_again_is_invited_again_and_not_active_at_once() {
        TestAccount account = fixtures.account("Alice", "Bob");
        long bob = membershipOf(account, account.email("Bob"));
        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), bob, Locale.ENGLISH));

        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), account.email("Bob"), "Bob", Locale.ENGLISH));

        assertThat(details(account).managers()).filteredOn(m -> m.email().equals(account.email("Bob")))
                .singleElement().extracting(Member::state).isEqualTo(MembershipState.INVITED);
        assertThat(outbox.to(account.email("Bob"))).anySatisfy(mail -> assertThat(mail.body()).contains("/invitation/"));
    }

    @Test
    void every_change_of_a_manager_is_mailed_to_all_active_managers_with_who_did_it() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carl");
        String newcomer = "told-" + UUID.randomUUID() + "@example.test";

        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), newcomer, "Tess Told", Locale.ENGLISH));
        long carl = membershipOf(account, account.email("Carl"));
        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), carl, Locale.ENGLISH));
        fixtures.as(account.email("Alice"), () -> managers.reactivate(account.id(), carl));
        fixtures.as(account.email("Alice"), () -> managers.removeManagerRole(account.id(),
                membershipOf(account, newcomer), Locale.ENGLISH));

        assertThat(outbox.to(account.email("Bob"))).filteredOn(mail -> mail.body().contains("Alice"))
                .hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(mail -> assertThat(mail.body()).contains(newcomer))
                .anySatisfy(mail -> assertThat(mail.body()).contains(account.email("Carl")));
    }

    @Test
    void a_new_person_is_invited_and_cannot_be_contact_person_until_they_accept() {
        TestAccount account = fixtures.account("Alice");
        String newcomer = "new-" + UUID.randomUUID() + "@example.test";

        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "Nora Neu", Locale.GERMAN));
        Member invited = details(account).managers().stream().filter(m -> m.email().equals(newcomer)).findFirst()
                .orElseThrow();

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
    void a_malformed_address_or_a_missing_name_is_refused_next_to_its_field_whoever_the_address_belongs_to() {
        TestAccount account = fixtures.account("Alice", "Bob");

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), "not an address", "X", Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo("email"));
        // a known address without a name is refused exactly like an unknown one: the answer tells nothing
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), account.email("Bob"), null, Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.field()).isEqualTo("name"));
    }

    @Test
    void a_name_that_reads_as_a_link_or_address_is_refused_so_that_no_mail_carries_it() {
        TestAccount account = fixtures.account("Alice");
        String newcomer = "prize-" + UUID.randomUUID() + "@example.test";

        for (String name : new String[] {"Free prize at https://evil.test", "WWW.evil.test", "win@evil.test"}) {
            assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                    () -> managers.addManager(account.id(), newcomer, name, Locale.ENGLISH)))
                    .as(name).isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("name");
                        assertThat(refusal.messageKey()).isEqualTo("validation.name-looks-like-address");
                    });
        }
        assertThat(outbox.to(newcomer)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, newcomer))
                .isZero();
    }

    @Test
    void removing_an_invited_manager_makes_the_link_worthless() {
        TestAccount account = fixtures.account("Alice");
        String newcomer = "gone-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "Gina Gone", Locale.ENGLISH));
        Member invited = details(account).managers().stream().filter(m -> m.email().equals(newcomer)).findFirst()
                .orElseThrow();
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
        fixtures.as(account.email("Alice"),
                () -> managers.addManager(account.id(), newcomer, "Ada Again", Locale.ENGLISH));
        Member invited = details(account).managers().stream().filter(m -> m.email().equals(newcomer)).findFirst()
                .orElseThrow();
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

    private long membershipOf(TestAccount account, String email) {
        return details(account).managers().stream().filter(m -> m.email().equals(email)).findFirst().orElseThrow()
                .membershipId();
    }

    private AccountDetails details(TestAccount account) {
        return fixtures.as(account.email("Alice"), () -> accounts.details(new CustomerNumber(account.customerNumber())));
    }
}
