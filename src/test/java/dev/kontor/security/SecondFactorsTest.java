package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.audit.AuditOutcome;
import dev.kontor.base.InvalidInput;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.TotpCodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The rules of a person's own authenticator: set-up, codes once, drift, recovery codes, turning off, throttling. */
@IntegrationTest
class SecondFactorsTest {

    @Autowired
    private SecondFactors secondFactors;

    @Autowired
    private Fixtures fixtures;

    @Autowired
    private MutableClock clock;

    @Autowired
    private AuditTrail auditTrail;

    @Autowired
    private JdbcTemplate jdbc;

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private String email;
    private long userId;

    @BeforeEach
    void signInAsSomeoneNew() {
        email = fixtures.person("Pia");
        userId = fixtures.userIdOf(email);
        fixtures.signIn(email);
        // each test from an address of its own, so that one test's wrong codes do not slow another's
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100." + ADDRESSES.incrementAndGet());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        RequestContextHolder.resetRequestAttributes();
    }

    private String setUp() {
        String secret = secondFactors.startSetUp().secret();
        secondFactors.finishSetUp(TotpCodes.now(secret, clock));
        return secret;
    }

    private long step() {
        return clock.instant().getEpochSecond() / 30;
    }

    @Test
    void aSetUpIsFinishedOnlyWithTheAppsCodeAndGivesTenRecoveryCodes() {
        SecondFactors.SetUp setUp = secondFactors.startSetUp();
        assertThat(setUp.otpauthUri()).startsWith("otpauth://totp/").contains("issuer=Kontor");
        assertThat(setUp.qrCodePng()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThatThrownBy(() -> secondFactors.finishSetUp("000000".equals(TotpCodes.now(setUp.secret(), clock))
                ? "111111" : "000000"))
                .isInstanceOfSatisfying(InvalidInput.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("security.second-factor.wrong-code"));
        assertThat(secondFactors.status().active()).isFalse();

        List<String> codes = secondFactors.finishSetUp(TotpCodes.now(setUp.secret(), clock));

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z0-9-]{19}"));
        assertThat(secondFactors.status().active()).isTrue();
        assertThat(secondFactors.status().recoveryCodesLeft()).isEqualTo(10);
        assertThat(auditTrail.latest(SecondFactors.SET_UP))
                .anyMatch(event -> Long.valueOf(userId).equals(event.getActorUserId()));
    }

    @Test
    void theSecretIsStoredEncryptedAndTheRecoveryCodesOnlyAsHashes() {
        SecondFactors.SetUp setUp = secondFactors.startSetUp();
        List<String> codes = secondFactors.finishSetUp(TotpCodes.now(setUp.secret(), clock));

        String stored = jdbc.queryForObject("select secret_cipher from second_factor where user_id = ?",
                String.class, userId);
        assertThat(stored).doesNotContain(setUp.secret());
        List<String> hashes = jdbc.queryForList(
                "select code_hash from second_factor_recovery_code where user_id = ?", String.class, userId);
        assertThat(hashes).hasSize(10).noneMatch(hash -> codes.stream()
                .anyMatch(code -> hash.contains(code.replace("-", ""))));
    }

    @Test
    void aCodeIsAcceptedOnceNotAgainInItsTimeStep() {
        String secret = setUp();
        // the code that finished the set-up cannot be used again
        assertThatThrownBy(() -> secondFactors.renewRecoveryCodes(TotpCodes.now(secret, clock)))
                .isInstanceOf(InvalidInput.class);
        clock.advance(Duration.ofSeconds(30));
        String next = TotpCodes.now(secret, clock);
        assertThat(secondFactors.renewRecoveryCodes(next)).hasSize(10);
        assertThatThrownBy(() -> secondFactors.renewRecoveryCodes(next)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void oneStepOfDriftEitherWayIsAcceptedTwoAreNot() {
        String secret = setUp();
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> secondFactors.renewRecoveryCodes(TotpCodes.forStep(secret, step() + 2)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> secondFactors.renewRecoveryCodes(TotpCodes.forStep(secret, step() - 2)))
                .isInstanceOf(InvalidInput.class);
        assertThat(secondFactors.renewRecoveryCodes(TotpCodes.forStep(secret, step() - 1))).hasSize(10);
        assertThat(secondFactors.renewRecoveryCodes(TotpCodes.forStep(secret, step() + 1))).hasSize(10);
        // an older step than the last one used is a replay too
        assertThatThrownBy(() -> secondFactors.renewRecoveryCodes(TotpCodes.forStep(secret, step())))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aRecoveryCodeWorksOnceAtSignIn() {
        SecondFactors.SetUp setUp = secondFactors.startSetUp();
        List<String> codes = secondFactors.finishSetUp(TotpCodes.now(setUp.secret(), clock));

        assertThat(secondFactors.checkAtSignIn(userId, email, codes.get(3).toUpperCase()))
                .isEqualTo(SecondFactors.Check.RECOVERY_CODE);
        assertThat(secondFactors.checkAtSignIn(userId, email, codes.get(3))).isEqualTo(SecondFactors.Check.WRONG);
        assertThat(secondFactors.status().recoveryCodesLeft()).isEqualTo(9);
        assertThat(auditTrail.latest(SecondFactors.RECOVERY_CODE_USED))
                .anyMatch(event -> Long.valueOf(userId).equals(event.getActorUserId()));
        assertThat(auditTrail.latest(SecondFactors.CODE_FAILED))
                .anyMatch(event -> Long.valueOf(userId).equals(event.getActorUserId()) && event.getOutcome() == AuditOutcome.FAILED);
    }

    @Test
    void renewedRecoveryCodesReplaceTheOldOnes() {
        SecondFactors.SetUp setUp = secondFactors.startSetUp();
        List<String> old = secondFactors.finishSetUp(TotpCodes.now(setUp.secret(), clock));
        clock.advance(Duration.ofSeconds(30));
        secondFactors.renewRecoveryCodes(TotpCodes.now(setUp.secret(), clock));

        assertThat(secondFactors.checkAtSignIn(userId, email, old.getFirst())).isEqualTo(SecondFactors.Check.WRONG);
    }

    @Test
    void turningOffNeedsACurrentCodeOrARecoveryCode() {
        SecondFactors.SetUp setUp = secondFactors.startSetUp();
        List<String> codes = secondFactors.finishSetUp(TotpCodes.now(setUp.secret(), clock));

        assertThatThrownBy(() -> secondFactors.turnOff("")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> secondFactors.turnOff("abcd-efgh-ijkl-mnop")).isInstanceOf(InvalidInput.class);
        assertThat(secondFactors.status().active()).isTrue();

        secondFactors.turnOff(codes.get(0));

        assertThat(secondFactors.status().active()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from second_factor_recovery_code where user_id = ?",
                Integer.class, userId)).isZero();
        assertThat(auditTrail.latest(SecondFactors.REMOVED))
                .anyMatch(event -> Long.valueOf(userId).equals(event.getActorUserId()));
    }

    @Test
    void aManagerWhoseAccountRequiresASecondFactorCannotTurnTheAppOffAndTheRefusalIsAudited() {
        Fixtures.TestAccount account = fixtures.account("Rita");
        String rita = account.email("Rita");
        fixtures.signIn(rita);
        SecondFactors.SetUp setUp = secondFactors.startSetUp();
        List<String> codes = secondFactors.finishSetUp(TotpCodes.now(setUp.secret(), clock));
        jdbc.update("update organization set second_factor_required = true where id = ?", account.id());

        assertThatThrownBy(() -> secondFactors.turnOff(codes.get(0))).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("security.second-factor.turn-off-required"));

        assertThat(secondFactors.status().active()).isTrue();
        assertThat(secondFactors.status().recoveryCodesLeft()).isEqualTo(SecondFactors.RECOVERY_CODES);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = ? and outcome = 'DENIED' "
                + "and actor_user_id = ?", Integer.class, SecondFactors.REMOVED, fixtures.userIdOf(rita))).isEqualTo(1);
    }

    @Test
    void wrongCodesCountInTheSignInThrottle() {
        setUp();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> secondFactors.turnOff("999999x")).isInstanceOfSatisfying(InvalidInput.class,
                    refusal -> assertThat(refusal.messageKey()).isEqualTo("security.second-factor.wrong-code"));
        }
        // the sixth try within the wait is refused unchecked, however right it may be
        assertThatThrownBy(() -> secondFactors.turnOff("123456")).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("security.second-factor.throttled"));
        assertThat(secondFactors.status().active()).isTrue();
    }

    @Test
    void aSecondSetUpIsRefusedWhileOneIsActive() {
        setUp();
        assertThatThrownBy(() -> secondFactors.startSetUp()).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("security.second-factor.already-active"));
    }

    @Test
    void aRememberedBrowserIsRecognisedUntilForgottenAndAForgedCookieNever() {
        setUp();
        String cookie = secondFactors.rememberBrowser(userId);
        assertThat(secondFactors.remembers(userId, cookie)).isTrue();
        assertThat(secondFactors.remembers(userId + 1, cookie)).isFalse();
        assertThat(secondFactors.remembers(userId, cookie.substring(0, cookie.indexOf('.')) + ".00")).isFalse();
        assertThat(secondFactors.status().rememberedBrowsers()).isEqualTo(1);

        secondFactors.forgetBrowsers();

        assertThat(secondFactors.remembers(userId, cookie)).isFalse();
    }
}
