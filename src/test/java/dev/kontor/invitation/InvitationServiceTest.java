package dev.kontor.invitation;

import dev.kontor.base.SecretTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.account.ManagerService;
import dev.kontor.audit.AuditValue;
import dev.kontor.organization.MembershipState;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class InvitationServiceTest {

    @Autowired
    InvitationService invitations;

    @Autowired
    ManagerService managers;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_link_names_the_account_and_the_person() {
        Invited invited = invite();

        InvitationPreview preview = invitations.preview(invited.token());

        assertThat(preview.state()).isEqualTo(InvitationState.OPEN);
        assertThat(preview.organizationLabel()).isEqualTo("Customer " + invited.account().tag() + " ("
                + invited.account().customerNumber() + ")");
        assertThat(preview.email()).isEqualTo(invited.email());
        assertThat(preview.needsPassword()).isTrue();
    }

    @Test
    void only_a_hash_of_the_token_is_stored() {
        Invited invited = invite();

        assertThat(jdbc.queryForObject("select count(*) from invitation where token_hash = ?", Integer.class,
                invited.token())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from invitation where token_hash = ?", Integer.class,
                SecretTokens.hash(invited.token()))).isOne();
    }

    @Test
    void forged_and_mistyped_links_are_unknown() {
        assertThat(invitations.preview("forged").state()).isEqualTo(InvitationState.UNKNOWN);
        assertThat(invitations.preview("A".repeat(43)).state()).isEqualTo(InvitationState.UNKNOWN);
        assertThat(invitations.preview("<script>alert(1)</script>").state()).isEqualTo(InvitationState.UNKNOWN);
        assertThatThrownBy(() -> invitations.accept("A".repeat(43), "blue harbour lanterns sing quietly"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("invitation.unknown");
    }

    @Test
    void weak_common_or_personal_passwords_are_refused_and_change_nothing() {
        Invited invited = invite();

        for (String weak : new String[] {"short", "password1234", "qwertzuiop123", "aaaaaaaaaaaaaa",
                "Petra Probe 2026", invited.email()}) {
            assertThatThrownBy(() -> invitations.accept(invited.token(), weak)).as(weak)
                    .isInstanceOf(InvalidInput.class);
        }
        assertThat(invitations.preview(invited.token()).state()).isEqualTo(InvitationState.OPEN);
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ? and password_hash is null",
                Integer.class, invited.email())).isOne();
    }

    @Test
    void accepting_sets_the_password_activates_the_manager_and_uses_up_the_link() {
        Invited invited = invite();

        invitations.accept(invited.token(), "blue harbour lanterns sing quietly");

        assertThat(userDetails.loadUserByUsername(invited.email()).isEnabled()).isTrue();
        assertThat(userDetails.loadUserByUsername(invited.email()).getAuthorities())
                .extracting(Object::toString).contains("ROLE_MANAGER");
        assertThat(invitations.preview(invited.token()).state()).isEqualTo(InvitationState.USED);
        assertThatThrownBy(() -> invitations.accept(invited.token(), "another fine long sentence here"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("invitation.used");
    }

    @Test
    void a_password_beyond_72_bytes_is_refused_with_its_own_message_and_changes_nothing() {
        Invited invited = invite();

        // 64 characters, 73 bytes: bcrypt would refuse it, so the policy must refuse it first
        for (String tooLong : new String[] {"blue harbour lanterns sing quietly while seven copper kettles hum along softly",
                "Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!!",
                "blue harbour lanterns sing quietly while seven copper kettles 🔑🔑🔑", "x7 ".repeat(43)}) {
            assertThatThrownBy(() -> invitations.accept(invited.token(), tooLong)).as(tooLong)
                    .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                        assertThat(refusal.messageKey()).isEqualTo("password.too-long");
                        assertThat(refusal.field()).isEqualTo("password");
                    });
        }
        assertThat(invitations.preview(invited.token()).state()).isEqualTo(InvitationState.OPEN);
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ? and password_hash is null",
                Integer.class, invited.email())).isOne();
    }

    @Test
    void a_password_of_exactly_72_bytes_with_umlauts_is_stored_and_signs_in() {
        Invited invited = invite();
        String password = "Grüße über Äcker, Flüsse und Höhenzüge nach München und zurück!";
        assertThat(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);

        invitations.accept(invited.token(), password);

        String hash = userDetails.loadUserByUsername(invited.email()).getPassword();
        assertThat(passwordEncoder.matches(password, hash)).isTrue();
        assertThat(passwordEncoder.matches(password.substring(0, password.length() - 1), hash)).isFalse();
    }

    @Test
    void an_expired_link_is_refused() {
        Invited invited = invite();
        clock.advance(Duration.ofDays(8));

        assertThat(invitations.preview(invited.token()).state()).isEqualTo(InvitationState.EXPIRED);
        assertThatThrownBy(() -> invitations.accept(invited.token(), "blue harbour lanterns sing quietly"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("invitation.expired");
    }

    @Test
    void an_invitation_of_a_person_who_has_a_password_is_accepted_only_by_that_person_signed_in() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), known, "Kim Typed",
                Locale.ENGLISH));
        String token = outbox.invitationTokenFor(known);
        int refusals = refusals(account.id());

        assertThatThrownBy(() -> invitations.accept(token, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> invitations.accept(token, null)))
                .isInstanceOf(RuleViolation.class);
        assertThat(stateIn(account.id(), known)).isEqualTo("INVITED");
        assertThat(refusals(account.id())).isGreaterThanOrEqualTo(refusals + 2);

        fixtures.as(known, () -> invitations.accept(token, null));

        assertThat(stateIn(account.id(), known)).isEqualTo("ACTIVE");
        assertThat(invitations.preview(token).state()).isEqualTo(InvitationState.USED);
    }

    @Test
    void a_new_person_accepts_without_sign_in_but_not_while_someone_else_is_signed_in() {
        Invited invited = invite();

        assertThatThrownBy(() -> fixtures.as(invited.account().email("Alice"),
                () -> invitations.accept(invited.token(), "blue harbour lanterns sing quietly")))
                .isInstanceOf(RuleViolation.class);
        assertThat(stateIn(invited.account().id(), invited.email())).isEqualTo("INVITED");

        invitations.accept(invited.token(), "blue harbour lanterns sing quietly");

        assertThat(stateIn(invited.account().id(), invited.email())).isEqualTo("ACTIVE");
    }

    @Test
    void accepting_signed_out_is_audited_as_done_by_the_invitee_not_by_the_system() {
        Invited invited = invite();

        invitations.accept(invited.token(), "blue harbour lanterns sing quietly");

        assertThat(actorsOfAcceptance(invited.account().id())).isNotEmpty()
                .allSatisfy(actor -> assertThat(actor).isEqualTo(invited.email()));
    }

    @Test
    void accepting_signed_in_is_audited_as_done_by_the_invitee() {
        TestAccount account = fixtures.account("Alice");
        String known = fixtures.person("Kim");
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), known, "Kim Typed",
                Locale.ENGLISH));
        String token = outbox.invitationTokenFor(known);

        fixtures.as(known, () -> invitations.accept(token, null));

        assertThat(actorsOfAcceptance(account.id())).isNotEmpty().allSatisfy(actor -> assertThat(actor)
                .isEqualTo(known));
    }

    /** Who the audit log names for the acceptance: the invitation used up and the membership it activated. */
    private java.util.List<String> actorsOfAcceptance(long organizationId) {
        return jdbc.queryForList("select actor_email from audit_event where organization_id = ? and outcome = 'SUCCESS'"
                + " and (kind = 'INVITATION_ACCEPTED' or kind = 'MEMBERSHIP_STATE_CHANGED' and old_value = ?)",
                String.class, organizationId, AuditValue.membershipState(MembershipState.INVITED));
    }

    private String stateIn(long organizationId, String email) {
        return jdbc.queryForObject("""
                select m.state from membership m join app_user u on u.id = m.user_id
                where m.organization_id = ? and u.email = ?""", String.class, organizationId, email);
    }

    private int refusals(long organizationId) {
        return jdbc.queryForObject("select count(*) from audit_event where organization_id = ? and outcome = 'DENIED'",
                Integer.class, organizationId);
    }

    private Invited invite() {
        TestAccount account = fixtures.account("Alice");
        String email = "petra-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Petra Probe",
                Locale.ENGLISH));
        return new Invited(account, email, outbox.invitationTokenFor(email));
    }

    private record Invited(TestAccount account, String email, String token) {
    }
}
