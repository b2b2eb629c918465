package dev.kontor.security;

import dev.kontor.user.Callers;
import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.SecretTokens;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.SignInCandidate;
import dev.kontor.user.UserAccountService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail of throttled sign-ins and the unlock links that let the real person past the throttle: when an
 * attempt for an existing account is refused unchecked, its owner is mailed (at most once per
 * {@code unlock-mail-interval}) a one-time link that exempts the browser opening it. Unknown addresses get no mail
 * but the very same answer on the sign-in page.
 */
@Service
public class SignInUnlocks {

    static final String SIGN_IN_THROTTLED = "SIGN_IN_THROTTLED";
    static final String SIGN_IN_UNLOCK_SENT = "SIGN_IN_UNLOCK_SENT";
    static final String SIGN_IN_UNLOCKED = "SIGN_IN_UNLOCKED";
    static final String SIGN_IN_UNLOCK_REFUSED = "SIGN_IN_UNLOCK_REFUSED";

    private static final Logger log = LoggerFactory.getLogger(SignInUnlocks.class);

    private final SignInUnlockRepository unlocks;
    private final UserAccountService users;
    private final SignInThrottle throttle;
    private final SignInLimits limits;
    private final AuditLog auditLog;
    private final MailOutbox outbox;
    private final I18NProvider i18n;
    private final PublicAddress publicAddress;
    private final Clock clock;
    private final TransactionTemplate separately;

    private final Callers callers;

    SignInUnlocks(SignInUnlockRepository unlocks, UserAccountService users, SignInThrottle throttle,
                  SignInLimits limits, AuditLog auditLog, MailOutbox outbox, I18NProvider i18n,
                  PublicAddress publicAddress, Clock clock, PlatformTransactionManager transactions, Callers callers) {
        this.callers = callers;
        this.unlocks = unlocks;
        this.users = users;
        this.throttle = throttle;
        this.limits = limits;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.i18n = i18n;
        this.publicAddress = publicAddress;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * An attempt refused unchecked: audited, and the account's owner is offered an unlock link when one is due. Only
     * for the sign-in of this package: elsewhere it would forge audit entries and mail links on demand.
     */
    void refused(String typedEmail, SignInThrottle.Refusal refusal) {
        // one connection at a time, each step in its own transaction: anyone can send refusals, many at once, and a
        // refusal holding a connection while its audit entry waits for a second lets them stall the whole pool
        Optional<SignInCandidate> known = users.findSignInCandidate(callers.task("unlock"), typedEmail);
        String why = switch (refusal.limit()) {
            case ADDRESS -> "sign-in-throttled-address";
            case ACCOUNT_AT_ADDRESS -> "sign-in-throttled-account-at-address";
            case ACCOUNT -> "sign-in-throttled-account";
        };
        auditLog.recordSignInAttempt(AuditEntry.denied(SIGN_IN_THROTTLED, null,
                AuditSummary.of(why, refusal.retryAfter().toSeconds())), known.map(SignInCandidate::userId).orElse(null),
                typedEmail);
        Optional<SignInCandidate> mailed = known.filter(candidate -> candidate.passwordHash() != null)
                .filter(candidate -> Boolean.TRUE.equals(separately.execute(status -> offerUnlock(candidate))));
        mailed.ifPresent(person -> auditLog.recordSignInAttempt(AuditEntry.success(SIGN_IN_UNLOCK_SENT, null,
                AuditSummary.of("sign-in-unlock-sent")), person.userId(), person.email()));
    }

    /** A failure that makes the next attempt for this account from this address wait. */
    void delayed(String typedEmail, Duration delay) {
        Long userId = users.findSignInCandidate(callers.task("unlock"), typedEmail)
                .map(SignInCandidate::userId)
                .orElse(null);
        auditLog.recordSignInAttempt(AuditEntry.failed(SIGN_IN_THROTTLED, null,
                AuditSummary.of("sign-in-delay-set", delay.toSeconds())), userId, typedEmail);
    }

    /** Mails the person an unlock link unless one went out within the interval; says whether it did. */
    private boolean offerUnlock(SignInCandidate person) {
        Instant now = clock.instant();
        if (unlocks.existsByUserIdAndCreatedAtAfter(person.userId(), now.minus(limits.unlockMailInterval()))) {
            return false;
        }
        String token = SecretTokens.newToken();
        SignInUnlock unlock = unlocks.save(new SignInUnlock(SecretTokens.hash(token), person.userId(), now,
                now.plus(limits.unlockValidity())));
        Locale language = SupportedLanguages.closestTo(person.language() != null ? person.language()
                : SupportedLanguages.ENGLISH);
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                .withZone(ZoneId.of("Europe/Berlin")).format(unlock.getExpiresAt());
        outbox.enqueue(new MailMessage("sign-in-unlock:" + unlock.getId(), person.email(),
                TextRules.abbreviate(i18n.getTranslation("mail.sign-in-unlock.subject", language),
                        MailMessage.SUBJECT_MAX_LENGTH),
                i18n.getTranslation("mail.sign-in-unlock.body", language, person.displayName(), person.email(),
                        publicAddress.linkTo("/sign-in/unlock/" + token), until)));
        log.info("Sign-in of user {} is being slowed down; an unlock link was mailed", person.userId());
        return true;
    }

    /** What an unlock link is worth, without using it; for anyone who holds the link. */
    @Transactional(readOnly = true)
    public UnlockState preview(String token) {
        if (!SecretTokens.looksValid(token)) {
            return UnlockState.UNKNOWN;
        }
        return unlocks.findByTokenHash(SecretTokens.hash(token)).map(unlock -> unlock.stateAt(clock.instant()))
                .orElse(UnlockState.UNKNOWN);
    }

    /**
     * Uses an open unlock link: the account's failures from this client address are forgotten, and the address of
     * the account is returned for the caller to exempt the browser from the address and account limits. A link that
     * is not open changes nothing and is audited.
     */
    public Unlocked unlock(String token, String clientAddress) {
        // the link is used in a transaction of its own and audited after it: a forged link must not hold one
        // connection while its audit entry waits for a second (see refused)
        LinkUse use = separately.execute(status -> use(token));
        if (use.state() != UnlockState.OPEN) {
            auditLog.recordSignInAttempt(AuditEntry.denied(SIGN_IN_UNLOCK_REFUSED, null,
                    AuditSummary.of("sign-in-unlock-refused", AuditSummary.term("audit.term.unlock-link-"
                            + use.state().name().toLowerCase(Locale.ROOT)))),
                    use.person().map(SignInCandidate::userId).orElse(null),
                    use.person().map(SignInCandidate::email).orElse(""));
            return new Unlocked(use.state(), null, null);
        }
        SignInCandidate person = use.person().orElseThrow();
        String account = EmailAddress.normalize(person.email());
        throttle.clear(account, clientAddress);
        auditLog.recordSignInAttempt(AuditEntry.success(SIGN_IN_UNLOCKED, null,
                AuditSummary.of("sign-in-unlocked")), person.userId(), person.email());
        return new Unlocked(UnlockState.OPEN, account, use.at().plus(limits.unlockValidity()));
    }

    /** What using a link found: its state (OPEN only when it was open and is now used) and whose it is. */
    private record LinkUse(UnlockState state, Optional<SignInCandidate> person, Instant at) {
    }

    private LinkUse use(String token) {
        Optional<SignInUnlock> found = SecretTokens.looksValid(token)
                ? unlocks.lockByTokenHash(SecretTokens.hash(token)) : Optional.empty();
        Instant now = clock.instant();
        UnlockState state = found.map(unlock -> unlock.stateAt(now)).orElse(UnlockState.UNKNOWN);
        // the token found the person: only now may their sign-in data be read
        Optional<SignInCandidate> person = found.flatMap(unlock -> users.findSignInCandidate(callers.task("unlock"),
                unlock.getUserId()));
        if (state != UnlockState.OPEN || person.isEmpty()) {
            return new LinkUse(state == UnlockState.OPEN ? UnlockState.UNKNOWN : state, person, now);
        }
        found.get().use(now);
        return new LinkUse(UnlockState.OPEN, person, now);
    }

    /**
     * The outcome of using a link: {@code OPEN} when it unlocked sign-in for {@code account} (in this browser until
     * {@code until}), else why not.
     */
    public record Unlocked(UnlockState state, String account, Instant until) {

        public boolean succeeded() {
            return state == UnlockState.OPEN;
        }
    }
}
