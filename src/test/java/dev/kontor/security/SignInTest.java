package dev.kontor.security;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.vaadin.flow.server.WrappedHttpSession;
import dev.kontor.audit.AuditEvent;
import dev.kontor.audit.AuditOutcome;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccountService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sign-in through the real form endpoint: the same answer for every failure, and throttling per client address, per
 * account and address, and per account, with growing but short waits instead of locks, and unlock links by e-mail.
 * Every test uses client addresses and accounts of its own, since the throttle's state lives as long as the context.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SignInTest {

    private static final Pattern UNLOCK_LINK = Pattern.compile("https?://\\S+/sign-in/unlock/([A-Za-z0-9_-]{43})");
    private static final AtomicInteger NETWORKS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccountService users;

    @Autowired
    SignInUnlocks unlocks;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    /** A /24 of client addresses nobody else in this context uses. */
    private final String network = "10.20." + NETWORKS.getAndIncrement() + ".";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_right_password_signs_in_whatever_the_case_of_the_address() throws Exception {
        mvc.perform(formLogin("/login").user("Anna@Sonnenschein.TEST").password(DemoPeople.PASSWORD))
                .andExpect(authenticated().withUsername(DemoPeople.ANNA));
    }

    @Test
    void wrong_password_unknown_address_invited_person_and_throttled_attempt_get_the_same_answer() throws Exception {
        String known = fixtures.person("Same");
        String invited = invitedPerson();
        String throttled = fixtures.person("Throttled");
        for (int i = 0; i < 5; i++) {
            signIn(throttled, "wrong " + i, network + "9");
        }

        for (ResultActions answer : List.of(signIn(known, "wrong", network + "1"),
                signIn("nobody-" + UUID.randomUUID() + "@nowhere.test", "wrong", network + "2"),
                signIn(invited, "wrong", network + "3"),
                signIn(invited, "", network + "4"),
                signIn(throttled, Fixtures.PASSWORD, network + "9"))) {
            answer.andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(failures(invited)).hasSize(2).allSatisfy(event -> {
            assertThat(event.getOutcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(event.getSummary()).contains("No password chosen yet");
        });
        assertThat(failures(known)).singleElement()
                .satisfies(event -> assertThat(event.getSummary()).isEqualTo("Wrong password"));
    }

    @Test
    void after_five_failures_the_next_attempt_waits_and_then_the_right_password_works() throws Exception {
        String email = fixtures.person("Delayed");
        String address = network + "1";
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(email, "wrong " + attempt, address).andExpect(unauthenticated());
        }

        // waiting: even the right password is refused unchecked, with the same answer as any failure
        signIn(email, Fixtures.PASSWORD, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        clock.advance(Duration.ofSeconds(2));
        signIn(email, Fixtures.PASSWORD, address).andExpect(authenticated().withUsername(email));

        assertThat(throttling(email)).extracting(AuditEvent::getSummary).contains(
                "Next attempt for this account from this address waits 2 s",
                "Refused unchecked: repeated failures for this account from this address; next attempt in 2 s");
        assertThat(failures(email)).hasSize(5);
    }

    @Test
    void the_wait_doubles_with_each_failure_but_never_exceeds_a_minute() throws Exception {
        String email = fixtures.person("Growing");
        String address = network + "1";
        for (int attempt = 1; attempt <= 10; attempt++) {
            signIn(email, "wrong " + attempt, address).andExpect(unauthenticated());
            clock.advance(Duration.ofMinutes(2)); // past every wait, and the address gets its attempts back
        }

        assertThat(throttling(email)).extracting(AuditEvent::getSummary).contains(
                "Next attempt for this account from this address waits 2 s",
                "Next attempt for this account from this address waits 4 s",
                "Next attempt for this account from this address waits 32 s",
                "Next attempt for this account from this address waits 60 s")
                .noneMatch(summary -> summary.contains("waits 64 s") || summary.contains("waits 120 s"));
        signIn(email, Fixtures.PASSWORD, address).andExpect(authenticated().withUsername(email));
    }

    @Test
    void a_client_that_tries_many_accounts_runs_out_of_attempts_while_others_sign_in() throws Exception {
        String client = network + "66";
        for (int i = 0; i < 10; i++) {
            signIn("guess-" + i + "-" + UUID.randomUUID() + "@example.test", "123456", client)
                    .andExpect(unauthenticated());
        }
        String victim = fixtures.person("Victim");

        signIn(victim, Fixtures.PASSWORD, client).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        // the real person on their own address is not affected
        signIn(victim, Fixtures.PASSWORD, network + "7").andExpect(authenticated().withUsername(victim));
        // the client gets one attempt back a minute
        clock.advance(Duration.ofMinutes(1));
        signIn(victim, Fixtures.PASSWORD, client).andExpect(authenticated().withUsername(victim));

        assertThat(throttling(victim)).extracting(AuditEvent::getSummary).anySatisfy(summary ->
                assertThat(summary).startsWith("Refused unchecked: too many failed sign-ins from this client address"));
    }

    @Test
    void failures_from_other_addresses_never_delay_the_real_persons_own_address() throws Exception {
        String email = fixtures.person("Target");
        for (int attempt = 1; attempt <= 9; attempt++) {
            signIn(email, "wrong " + attempt, network + "200").andExpect(unauthenticated());
        }

        signIn(email, Fixtures.PASSWORD, network + "1").andExpect(authenticated().withUsername(email));
    }

    @Test
    void an_attacker_with_many_addresses_keeps_the_real_person_out_for_a_minute_at_most() throws Exception {
        String email = fixtures.person("Besieged");
        // 30 failures from six addresses, five each: no single address is slowed, the account as a whole is
        for (int host = 1; host <= 6; host++) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(email, "guess " + host + "." + attempt, network + host).andExpect(unauthenticated());
            }
        }
        String home = network + "100";
        signIn(email, Fixtures.PASSWORD, home).andExpect(unauthenticated());
        signIn(email, Fixtures.PASSWORD, home).andExpect(unauthenticated());

        clock.advance(Duration.ofMinutes(1));
        signIn(email, Fixtures.PASSWORD, home).andExpect(authenticated().withUsername(email));

        assertThat(throttling(email)).extracting(AuditEvent::getSummary).anySatisfy(summary -> assertThat(summary)
                .startsWith("Refused unchecked: too many failed sign-ins for this account from all addresses"));
        // one unlock mail, not one per refusal
        assertThat(outbox.to(email)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Kontor: sign-in slowed down after failed attempts");
            assertThat(mail.body()).contains("as " + email, "/sign-in/unlock/", "at most a minute");
        });
    }

    @Test
    void a_person_at_an_address_they_signed_in_from_before_is_not_slowed_by_an_attack_on_their_account()
            throws Exception {
        String email = fixtures.person("Familiar");
        String home = network + "100";
        signIn(email, Fixtures.PASSWORD, home).andExpect(authenticated().withUsername(email));
        for (int host = 1; host <= 7; host++) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(email, "guess " + host + "." + attempt, network + host).andExpect(unauthenticated());
            }
        }
        // the account as a whole is slowed for a newcomer address ...
        signIn(email, Fixtures.PASSWORD, network + "101").andExpect(unauthenticated());

        // ... but not at home
        signIn(email, Fixtures.PASSWORD, home).andExpect(authenticated().withUsername(email));
    }

    @Test
    void the_unlock_link_lets_the_browser_that_opens_it_sign_in_at_once_and_works_only_once() throws Exception {
        String email = fixtures.person("Unlocking");
        for (int host = 1; host <= 6; host++) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(email, "guess " + host + "." + attempt, network + host);
            }
        }
        String home = network + "100";
        signIn(email, Fixtures.PASSWORD, home).andExpect(unauthenticated());
        String token = unlockToken(email);
        assertThat(unlocks.preview(token)).isEqualTo(UnlockState.OPEN);

        MockHttpSession browser = new MockHttpSession();
        SignInUnlocks.Unlocked unlocked = unlocks.unlock(token, home);
        assertThat(unlocked.succeeded()).isTrue();
        UnlockedBrowser.remember(new WrappedHttpSession(browser), unlocked.account(), unlocked.until());

        // another browser at the same address still waits; the unlocked one signs in at once
        signIn(email, Fixtures.PASSWORD, home).andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", email).param("password", Fixtures.PASSWORD)
                        .session(browser).with(csrf()).with(request -> {
                            request.setRemoteAddr(home);
                            return request;
                        }))
                .andExpect(authenticated().withUsername(email));

        assertThat(unlocks.unlock(token, home).state()).isEqualTo(UnlockState.USED);
        assertThat(unlocks.preview(token)).isEqualTo(UnlockState.USED);
        assertThat(audit(SignInUnlocks.SIGN_IN_UNLOCK_SENT, email)).hasSize(1);
        assertThat(audit(SignInUnlocks.SIGN_IN_UNLOCKED, email)).singleElement()
                .satisfies(event -> assertThat(event.getOutcome()).isEqualTo(AuditOutcome.SUCCESS));
        assertThat(audit(SignInUnlocks.SIGN_IN_UNLOCK_REFUSED, email)).singleElement().satisfies(event -> {
            assertThat(event.getOutcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(event.getSummary()).isEqualTo("Unlock link refused: used already");
        });
    }

    @Test
    void forged_and_expired_unlock_links_unlock_nothing_and_are_audited() throws Exception {
        String email = fixtures.person("Expiring");
        String address = network + "1";
        for (int attempt = 1; attempt <= 6; attempt++) {
            signIn(email, "wrong " + attempt, address).andExpect(unauthenticated());
        }
        String token = unlockToken(email);

        assertThat(unlocks.preview("forged")).isEqualTo(UnlockState.UNKNOWN);
        assertThat(unlocks.unlock("A".repeat(43), address).state()).isEqualTo(UnlockState.UNKNOWN);
        assertThat(unlocks.unlock("<script>", address).state()).isEqualTo(UnlockState.UNKNOWN);
        clock.advance(Duration.ofMinutes(61));
        assertThat(unlocks.preview(token)).isEqualTo(UnlockState.EXPIRED);
        assertThat(unlocks.unlock(token, address).state()).isEqualTo(UnlockState.EXPIRED);
        assertThat(audit(SignInUnlocks.SIGN_IN_UNLOCK_REFUSED, email)).singleElement()
                .satisfies(event -> assertThat(event.getSummary()).isEqualTo("Unlock link refused: expired"));
        assertThat(auditTrail.latest(SignInUnlocks.SIGN_IN_UNLOCK_REFUSED))
                .anySatisfy(event -> assertThat(event.getSummary()).isEqualTo("Unlock link refused: not valid"));
    }

    @Test
    void only_existing_accounts_with_a_password_are_mailed_and_at_most_once_per_interval() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        String invited = invitedPerson();
        String known = fixtures.person("Mailed");
        List<String> emails = List.of(unknown, invited, known);
        for (int i = 0; i < emails.size(); i++) {
            for (int attempt = 1; attempt <= 7; attempt++) {
                signIn(emails.get(i), "wrong " + attempt, network + (i + 1)).andExpect(unauthenticated());
            }
        }

        assertThat(outbox.to(unknown)).isEmpty();
        assertThat(outbox.to(invited)).isEmpty();
        assertThat(outbox.to(known)).hasSize(1);
        clock.advance(Duration.ofMinutes(16));
        signIn(known, "wrong again", network + "3").andExpect(unauthenticated());
        signIn(known, "wrong again", network + "3").andExpect(unauthenticated());
        assertThat(outbox.to(known)).hasSize(2);
    }

    @Test
    void a_name_of_ten_thousand_characters_gets_the_usual_answer() throws Exception {
        signIn("x".repeat(10_000) + "@example.test", "wrong", network + "1")
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    private ResultActions signIn(String email, String password, String clientAddress) throws Exception {
        return mvc.perform(post("/login").param("username", email).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                }));
    }

    private String invitedPerson() {
        String email = "invited-" + UUID.randomUUID() + "@example.test";
        users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(email), "Invited Person", null);
        return email;
    }

    private String unlockToken(String email) {
        List<Outbox.QueuedMail> mails = outbox.to(email);
        assertThat(mails).isNotEmpty();
        Matcher link = UNLOCK_LINK.matcher(mails.getLast().body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private List<AuditEvent> failures(String email) {
        return audit(SignInAuditor.SIGN_IN_FAILED, email);
    }

    private List<AuditEvent> throttling(String email) {
        return audit(SignInUnlocks.SIGN_IN_THROTTLED, email);
    }

    private List<AuditEvent> audit(String kind, String email) {
        return auditTrail.latest(kind).stream()
                .filter(event -> email.equals(event.getActorEmail())).toList();
    }
}
