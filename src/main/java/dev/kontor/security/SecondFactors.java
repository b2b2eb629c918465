package dev.kontor.security;

import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.SecretTokens;
import dev.kontor.user.AuthenticatedUser;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A person's own second factor: an authenticator app (TOTP, RFC 6238: six digits, 30-second steps, SHA-1, as every
 * authenticator app reads it), set up with a code to finish, with ten single-use recovery codes shown once, renewed
 * or turned off only with a current code. A code is accepted once: the step it belongs to is taken in one statement,
 * so the same code (or an older one) never works twice; codes one step before and after now are accepted for clocks
 * that drift. Every wrong code counts in the sign-in throttle of the account at its client address, so a stolen
 * session cannot try a million codes to turn the factor off. Everything is audited.
 * <p>
 * The public methods act only on the signed-in person's own factor: none takes a user id.
 */
@Service
public class SecondFactors {

    /** The longest one-time or recovery code as typed, spaces and dashes included; anything longer is no code. */
    public static final int CODE_MAX_LENGTH = 40;

    static final String SET_UP = "SECOND_FACTOR_SET_UP";
    static final String REMOVED = "SECOND_FACTOR_REMOVED";
    static final String RECOVERY_CODES_RENEWED = "SECOND_FACTOR_RECOVERY_CODES_RENEWED";
    static final String RECOVERY_CODE_USED = "SECOND_FACTOR_RECOVERY_CODE_USED";
    static final String CODE_FAILED = "SECOND_FACTOR_CODE_FAILED";
    static final String BROWSERS_FORGOTTEN = "SECOND_FACTOR_BROWSERS_FORGOTTEN";
    /** Sign-ins made with an authenticator that was reset or turned off since, ended. */
    static final String SIGN_INS_ENDED = "SECOND_FACTOR_SIGN_INS_ENDED";

    /** How many recovery codes a set-up (or a renewal) gives. */
    public static final int RECOVERY_CODES = 10;
    static final int STEP_SECONDS = 30;
    static final Duration REMEMBER_FOR = Duration.ofDays(30);
    private static final String ISSUER = "Kontor";

    /** What the Security page shows. */
    public record Status(boolean active, Instant activeSince, int recoveryCodesLeft, int rememberedBrowsers,
                         boolean required) {
    }

    /** A set-up begun: the secret to type in by hand, and the same as an otpauth address and its QR code (PNG). */
    public record SetUp(String secret, String otpauthUri, byte[] qrCodePng) {

        /** The secret in groups of four, as people type it into an app. */
        public String secretInGroups() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    /** How a code given at sign-in was taken. */
    enum Check { AUTHENTICATOR, RECOVERY_CODE, WRONG }

    private final SecondFactorRepository factors;
    private final RecoveryCodeRepository recoveryCodes;
    private final RememberedBrowserRepository browsers;
    private final SecondFactorKey key;
    private final SignInThrottle throttle;
    private final AuditLog auditLog;
    private final Clock clock;
    // the rules are asked only when someone turns the app off; some of them reach back here (a reset), so lazily
    private final ObjectProvider<SecondFactorDemand> demands;
    private final SignedInSessions signIns;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private final Callers callers;

    SecondFactors(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes,
                  RememberedBrowserRepository browsers, SecondFactorKey key, SignInThrottle throttle,
                  AuditLog auditLog, Clock clock, ObjectProvider<SecondFactorDemand> demands,
                  SignedInSessions signIns, Callers callers) {
        this.callers = callers;
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.browsers = browsers;
        this.key = key;
        this.throttle = throttle;
        this.auditLog = auditLog;
        this.clock = clock;
        this.demands = demands;
        this.signIns = signIns;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Status status() {
        AuthenticatedUser me = callers.requirePerson();
        Optional<SecondFactor> factor = factors.findById(me.userId()).filter(SecondFactor::confirmed);
        return new Status(factor.isPresent(), factor.map(SecondFactor::confirmedAt).orElse(null),
                factor.isPresent() ? recoveryCodes.countUnused(me.userId()) : 0,
                browsers.activeOf(me.userId(), clock.instant()).size(), factor.isPresent() && required(me));
    }

    /** Whether a rule (a role, an organization's requirement) asks a second factor of the person. */
    private boolean required(AuthenticatedUser me) {
        return demands.stream().anyMatch(demand -> demand.reasonKey(me.userId()).isPresent());
    }

    /** Begins (or begins again) setting up an authenticator; refused while one is active. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public SetUp startSetUp() {
        AuthenticatedUser me = callers.requirePerson();
        return beginSetUp(me.userId(), me.email());
    }

    private SetUp beginSetUp(long userId, String email) {
        Optional<SecondFactor> existing = factors.findById(userId);
        if (existing.filter(SecondFactor::confirmed).isPresent()) {
            throw new InvalidInput("code", "security.second-factor.already-active");
        }
        String secret = new DefaultSecretGenerator(32).generate();
        String sealed = key.encrypt(secret, userId);
        Instant now = clock.instant();
        existing.ifPresentOrElse(factor -> factor.restart(sealed, now),
                () -> factors.save(new SecondFactor(userId, sealed, now)));
        String uri = new QrData.Builder().label(email).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(STEP_SECONDS).build().getUri();
        return new SetUp(secret, uri, qrCode(uri));
    }

    /** Finishes the set-up with a code from the app; returns the recovery codes, shown this once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidInput.class)
    public List<String> finishSetUp(String code) {
        AuthenticatedUser me = callers.requirePerson();
        SecondFactor factor = factors.findById(me.userId()).filter(pending -> !pending.confirmed())
                .orElseThrow(() -> new InvalidInput("code", "security.second-factor.no-set-up"));
        requireCode(me, factor, code, false);
        factor = factors.findById(me.userId()).orElseThrow();
        factor.confirm(clock.instant());
        List<String> fresh = replaceRecoveryCodes(me.userId());
        auditLog.record(AuditEntry.success(SET_UP, null, AuditSummary.of("second-factor-set-up")));
        // the code just given proves the authenticator in this sign-in too
        SignInFactors.addSecondFactorToThisSignIn(clock.instant());
        return fresh;
    }

    /** New recovery codes for a current code; the old ones stop working. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidInput.class)
    public List<String> renewRecoveryCodes(String code) {
        AuthenticatedUser me = callers.requirePerson();
        SecondFactor factor = active(me);
        requireCode(me, factor, code, false);
        List<String> fresh = replaceRecoveryCodes(me.userId());
        auditLog.record(AuditEntry.success(RECOVERY_CODES_RENEWED, null,
                AuditSummary.of("second-factor-recovery-codes-renewed")));
        return fresh;
    }

    /**
     * Turns the authenticator off for a current code (or a recovery code): secret, codes and browsers go. This
     * sign-in goes on as one made with the password alone; the person's other sign-ins made with the authenticator
     * end.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidInput.class)
    public void turnOff(String code) {
        AuthenticatedUser me = callers.requirePerson();
        SecondFactor factor = active(me);
        // a person a rule asks a second factor of keeps it: turning it off would leave the sign-in to the password
        // until the next one; moving to a new phone goes through a lead's reset and a new set-up
        if (required(me)) {
            auditLog.recordIndependently(AuditEntry.denied(REMOVED, null,
                    AuditSummary.of("second-factor-turn-off-required")));
            throw new InvalidInput("code", "security.second-factor.turn-off-required");
        }
        requireCode(me, factor, code, true);
        recoveryCodes.deleteAllOf(me.userId());
        browsers.forgetAllOf(me.userId());
        factors.deleteById(me.userId());
        auditLog.record(AuditEntry.success(REMOVED, null, AuditSummary.of("second-factor-removed")));
        // this sign-in goes on without the factor it no longer has; the person's others made with it end
        SignInFactors.removeSecondFactorFromThisSignIn();
        signIns.factorRemoved(me.userId());
    }

    /**
     * A current code (or a recovery code) for a sign-in that has no second factor yet, such as one made before the
     * authenticator was set up in another browser: the sign-in of this session then counts as made with it (entering
     * a customer's account asks for that).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidInput.class)
    public void confirmThisSignIn(String code) {
        AuthenticatedUser me = callers.requirePerson();
        SecondFactor factor = active(me);
        requireCode(me, factor, code, true);
        SignInFactors.addSecondFactorToThisSignIn(clock.instant());
    }

    /**
     * Sets up an authenticator with a known secret for a person, for the demo people whose secrets the README
     * publishes: stored exactly like one set up on the Security page (encrypted, confirmed), without recovery codes.
     */
    @Transactional
    public void importAuthenticator(Caller.Task task, long userId, String secret) {
        Caller.requireTask(task);
        Instant now = clock.instant();
        SecondFactor factor = factors.save(new SecondFactor(userId, key.encrypt(secret, userId), now));
        factor.confirm(now);
        auditLog.record(AuditEntry.success(SET_UP, null, AuditSummary.of("second-factor-imported")));
    }

    /** Every remembered browser of the person has to give a code again at its next sign-in. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void forgetBrowsers() {
        AuthenticatedUser me = callers.requirePerson();
        int forgotten = browsers.forgetAllOf(me.userId());
        auditLog.record(AuditEntry.success(BROWSERS_FORGOTTEN, null,
                AuditSummary.of("second-factor-browsers-forgotten", forgotten)));
    }

    // --- for the sign-in of this package: nobody is signed in yet, the person is known by the password step

    @Transactional(readOnly = true)
    boolean isActive(long userId) {
        return factors.findById(userId).filter(SecondFactor::confirmed).isPresent();
    }

    /** The code of the second sign-in step: an authenticator code or an unused recovery code. Audited. */
    @Transactional
    Check checkAtSignIn(long userId, String email, String code) {
        Optional<SecondFactor> factor = factors.findById(userId).filter(SecondFactor::confirmed);
        if (factor.isEmpty()) {
            return Check.WRONG;
        }
        Check check = check(factor.get(), code, true);
        if (check == Check.WRONG) {
            auditLog.recordSignInAttempt(AuditEntry.failed(CODE_FAILED, null,
                    AuditSummary.of("second-factor-code-failed")), userId, email);
        } else if (check == Check.RECOVERY_CODE) {
            auditLog.recordSignInAttempt(AuditEntry.success(RECOVERY_CODE_USED, null,
                    AuditSummary.of("second-factor-recovery-code-used", recoveryCodes.countUnused(userId))),
                    userId, email);
        }
        return check;
    }

    /** A set-up at sign-in, for a person who must have a second factor and has none: not signed in yet. */
    @Transactional
    SetUp startSetUpAtSignIn(long userId, String email) {
        return beginSetUp(userId, email);
    }

    /**
     * Finishes a set-up at sign-in with a code from the app: the recovery codes (shown once), or empty when the code
     * is wrong (audited) or no set-up was begun.
     */
    @Transactional
    Optional<List<String>> finishSetUpAtSignIn(long userId, String email, String code) {
        Optional<SecondFactor> pending = factors.findById(userId).filter(factor -> !factor.confirmed());
        if (pending.isEmpty() || check(pending.get(), code, false) == Check.WRONG) {
            auditLog.recordSignInAttempt(AuditEntry.failed(CODE_FAILED, null,
                    AuditSummary.of("second-factor-code-failed")), userId, email);
            return Optional.empty();
        }
        SecondFactor factor = factors.findById(userId).orElseThrow();
        factor.confirm(clock.instant());
        List<String> fresh = replaceRecoveryCodes(userId);
        auditLog.recordSignInAttempt(AuditEntry.success(SET_UP, null,
                AuditSummary.of("second-factor-set-up-at-sign-in")), userId, email);
        return Optional.of(fresh);
    }

    /** Remembers a browser for {@link #REMEMBER_FOR}: the cookie value, of which only a hash is kept. */
    @Transactional
    String rememberBrowser(long userId) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        browsers.save(new RememberedBrowser(userId, SecretTokens.hash(token), now, now.plus(REMEMBER_FOR)));
        return token + "." + key.sign(token, userId);
    }

    /** Whether this cookie value is a browser the person had remembered, signed by this instance and not revoked. */
    @Transactional(readOnly = true)
    boolean remembers(long userId, String cookieValue) {
        if (cookieValue == null) {
            return false;
        }
        int dot = cookieValue.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String token = cookieValue.substring(0, dot);
        if (!SecretTokens.looksValid(token) || !key.verify(token, userId, cookieValue.substring(dot + 1))) {
            return false;
        }
        return browsers.remembers(userId, SecretTokens.hash(token), clock.instant());
    }

    private SecondFactor active(AuthenticatedUser me) {
        return factors.findById(me.userId()).filter(SecondFactor::confirmed)
                .orElseThrow(() -> new InvalidInput("code", "security.second-factor.not-active"));
    }

    /**
     * A code on the Security page: the throttle of sign-in admits it (per address and account), a wrong one is
     * audited (in a transaction of its own, so it stays) and counted, and the field says so.
     */
    private void requireCode(AuthenticatedUser me, SecondFactor factor, String code, boolean recoveryCodeToo) {
        String account = me.email();
        String address = clientAddress();
        Optional<SignInThrottle.Refusal> refusal = throttle.admit(account, address, false);
        if (refusal.isPresent()) {
            auditLog.recordIndependently(AuditEntry.denied(CODE_FAILED, null,
                    AuditSummary.of("second-factor-code-throttled")));
            throw new InvalidInput("code", "security.second-factor.throttled",
                    refusal.get().retryAfter().toSeconds());
        }
        Check check = check(factor, code, recoveryCodeToo);
        if (check == Check.WRONG) {
            throttle.failed(account, address);
            auditLog.recordIndependently(AuditEntry.failed(CODE_FAILED, null,
                    AuditSummary.of("second-factor-code-failed")));
            throw new InvalidInput("code", "security.second-factor.wrong-code");
        }
        throttle.succeeded(account, address, false);
        if (check == Check.RECOVERY_CODE) {
            auditLog.record(AuditEntry.success(RECOVERY_CODE_USED, null,
                    AuditSummary.of("second-factor-recovery-code-used", recoveryCodes.countUnused(me.userId()))));
        }
    }

    private Check check(SecondFactor factor, String typed, boolean recoveryCodeToo) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (code.matches("[0-9]{6}")) {
            return authenticatorCode(factor, code) ? Check.AUTHENTICATOR : Check.WRONG;
        }
        if (recoveryCodeToo && factor.confirmed() && code.matches("[a-z0-9]{16}")) {
            return recoveryCodes.use(factor.userId(), SecretTokens.hash(code), clock.instant()) == 1
                    ? Check.RECOVERY_CODE : Check.WRONG;
        }
        return Check.WRONG;
    }

    private boolean authenticatorCode(SecondFactor factor, String code) {
        String secret = key.decrypt(factor.secretCipher(), factor.userId());
        long now = clock.instant().getEpochSecond() / STEP_SECONDS;
        // the step before, now and the one after: all three compared, so the time taken tells nothing
        long matched = -1;
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII)) && matched < 0) {
                matched = step;
            }
        }
        return matched >= 0 && factors.takeStep(factor.userId(), matched) == 1;
    }

    private String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("An authenticator code could not be computed", e);
        }
    }

    private List<String> replaceRecoveryCodes(long userId) {
        recoveryCodes.deleteAllOf(userId);
        Instant now = clock.instant();
        List<String> fresh = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        recoveryCodes.saveAll(fresh.stream()
                .map(code -> new RecoveryCode(userId, SecretTokens.hash(code.replace("-", "")), now)).toList());
        return List.copyOf(fresh);
    }

    private static byte[] qrCode(String uri) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(),
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("The QR code could not be drawn", e);
        }
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "unknown";
    }
}
