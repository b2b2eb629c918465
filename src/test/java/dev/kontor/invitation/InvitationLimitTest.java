package dev.kontor.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.account.ManagerService;
import dev.kontor.base.InvalidInput;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.testing.AuditTrail;
import dev.kontor.user.ApiTokenIdentity;
import dev.kontor.user.AuthenticatedUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The attack: one manager sent invitation after invitation (16 in 40 seconds), each a Kontor mail to an address of
 * their choosing. Here the limit is three an hour.
 */
@IntegrationTest
@TestPropertySource(properties = "kontor.invitation.per-person-per-hour=3")
class InvitationLimitTest {

    @Autowired
    ManagerService managers;

    @Autowired
    ContactService contacts;

    @Autowired
    InvitationLimit limit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_person_over_the_hourly_limit_is_refused_audited_and_nothing_is_created_until_the_hour_has_passed() {
        TestAccount account = fixtures.account("Alice", "Bob");
        String alice = account.email("Alice");
        for (int i = 0; i < 3; i++) {
            String invitee = "ok-" + i + "-" + UUID.randomUUID() + "@example.test";
            fixtures.as(alice, () -> managers.addManager(account.id(), invitee, "Olga Ok", Locale.ENGLISH));
        }
        String fourth = "fourth-" + UUID.randomUUID() + "@example.test";

        assertThatThrownBy(() -> fixtures.as(alice,
                () -> managers.addManager(account.id(), fourth, "Fritz Four", Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("invitation.too-many");
                    assertThat(refusal.arguments()).containsExactly(20L);
                });

        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, fourth))
                .isZero();
        assertThat(outbox.to(fourth)).isEmpty();
        assertThat(auditTrail.latest(InvitationLimit.INVITATIONS_LIMITED))
                .anySatisfy(event -> {
                    assertThat(event.getActorEmail()).isEqualTo(alice);
                    assertThat(event.getOrganizationId()).isEqualTo(account.id());
                });
        // the limit is the person's: another manager of the same account still invites
        String bobs = "bobs-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Bob"), () -> managers.addManager(account.id(), bobs, "Bea Bob", Locale.ENGLISH));
        assertThat(outbox.to(bobs)).hasSize(1);

        clock.advance(Duration.ofMinutes(20));
        fixtures.as(alice, () -> managers.addManager(account.id(), fourth, "Fritz Four", Locale.ENGLISH));
        assertThat(outbox.to(fourth)).hasSize(1);
    }

    @Test
    void resending_an_invitation_counts_too() {
        TestAccount account = fixtures.account("Carla");
        String carla = account.email("Carla");
        String invitee = "again-" + UUID.randomUUID() + "@example.test";
        fixtures.as(carla, () -> managers.addManager(account.id(), invitee, "Anne Again", Locale.ENGLISH));
        long membershipId = jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where m.organization_id = ? and u.email = ?""", Long.class, account.id(), invitee);
        fixtures.as(carla, () -> managers.resendInvitation(account.id(), membershipId, Locale.ENGLISH));
        fixtures.as(carla, () -> managers.resendInvitation(account.id(), membershipId, Locale.ENGLISH));

        assertThatThrownBy(() -> fixtures.as(carla,
                () -> managers.resendInvitation(account.id(), membershipId, Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("invitation.too-many"));
        assertThat(outbox.to(invitee)).hasSize(3);
    }

    @Test
    void a_linked_contacts_new_address_is_mailed_for_confirmation_and_counts_as_an_invitation() {
        TestAccount account = fixtures.account("Dora", "Emil");
        String dora = account.email("Dora");
        ContactRow linked = fixtures.as(dora, () -> contacts.add(account.id(), new NewContact(account.userId("Emil"),
                "Emil", "Eins", null, null, null, Set.of(ContactType.BILLING))));
        long version = linked.version();
        for (int i = 0; i < 3; i++) {
            String address = "victim-" + i + "-" + UUID.randomUUID() + "@example.test";
            long seen = version;
            version = fixtures.as(dora, () -> contacts.change(account.id(), linked.id(), new NewContact(null, "Emil",
                    "Eins", address, null, null, Set.of(ContactType.BILLING)), seen, Locale.ENGLISH)).version();
            assertThat(outbox.to(address)).hasSize(1);
        }
        String fourth = "victim-4-" + UUID.randomUUID() + "@example.test";
        long seen = version;

        assertThatThrownBy(() -> fixtures.as(dora, () -> contacts.change(account.id(), linked.id(), new NewContact(
                null, "Emil", "Eins", fourth, null, null, Set.of(ContactType.BILLING)), seen, Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("invitation.too-many"));
        assertThat(outbox.to(fourth)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from contact where pending_email = ?", Integer.class, fourth))
                .isZero();
    }

    @Test
    void a_partners_api_tokens_count_together_as_an_inviter_and_the_providers_are_bounded_by_their_rate_limit() {
        TestAccount account = fixtures.account("Fiona");
        long token = 900_000_000L + System.nanoTime() % 1_000_000L;
        Runnable partnersToken = () -> asToken(new ApiTokenIdentity(token, "Sync", account.id(), "Partner", false,
                true), () -> limit.take(account.id()));
        Runnable providersToken = () -> asToken(new ApiTokenIdentity(token + 1, "Billing", account.id(), "Provider",
                true, true), () -> limit.take(account.id()));
        // a second token of the same organization, made in seconds, shares the allowance
        Runnable anotherOfItsTokens = () -> asToken(new ApiTokenIdentity(token + 2, "Sync 2", account.id(),
                "Partner", false, true), () -> limit.take(account.id()));
        partnersToken.run();
        partnersToken.run();
        anotherOfItsTokens.run();

        assertThatThrownBy(anotherOfItsTokens::run).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("invitation.too-many"));
        for (int i = 0; i < 5; i++) {
            providersToken.run();
        }
    }

    private static void asToken(ApiTokenIdentity token, Runnable work) {
        AuthenticatedUser caller = AuthenticatedUser.forApiToken(token, java.util.List.of());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, java.util.List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
