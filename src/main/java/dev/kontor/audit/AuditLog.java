package dev.kontor.audit;

import dev.kontor.user.Callers;
import dev.kontor.base.TextRules;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Caller;
import jakarta.servlet.http.HttpServletRequest;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. A change is recorded in the transaction of the change itself, so that both are kept or
 * neither; a refusal or failure is recorded in a transaction of its own, so that it is kept although the attempt
 * is rolled back.
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final IndependentAuditWriter independently;
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final I18NProvider texts;
    private final boolean requireTexts;
    private final Clock clock;
    /** Looked up when used: the features behind it write to the audit log themselves. */
    private final org.springframework.beans.factory.ObjectProvider<ActingOnBehalf> onBehalf;
    private final org.springframework.beans.factory.ObjectProvider<AuditActorStanding> standing;

    private final Callers callers;

    AuditLog(AuditEventRepository events, IndependentAuditWriter independently, I18NProvider texts, Clock clock,
             org.springframework.beans.factory.ObjectProvider<ActingOnBehalf> onBehalf,
             org.springframework.beans.factory.ObjectProvider<AuditActorStanding> standing,
             @Value("${kontor.audit.require-texts:false}") boolean requireTexts, Callers callers) {
        this.callers = callers;
        this.events = events;
        this.independently = independently;
        this.texts = texts;
        this.requireTexts = requireTexts;
        this.clock = clock;
        this.onBehalf = onBehalf;
        this.standing = standing;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        Caller caller = callers.current();
        events.save(eventFor(entry, caller, onBehalfOf(caller)));
    }

    /**
     * As {@link #record(AuditEntry)}, for work a system task does: the person who started it (or for whom it runs,
     * e.g. someone who proved who they are by a link) is named; a task nobody started is recorded as the call is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Caller.Task task, AuditEntry entry) {
        Caller caller = Caller.requireTask(task).startedBy().isPresent() ? task : callers.current();
        events.save(eventFor(entry, caller, onBehalfOf(caller)));
    }

    /**
     * Records an entry that stays whatever becomes of the current transaction (a refusal, whose call is rolled back),
     * written at once through a pool of its own: the caller's transaction may hold a connection of the main pool.
     * <p>
     * A refusal of someone outside the organization it concerns is marked so: the organization's readers are told
     * that someone outside tried, not who, and see at most one such refusal per kind, actor and
     * {@link #OUTSIDER_WINDOW} (the first); the provider's staff read every one, by name. Refusals of people inside an
     * organization are recorded in the transaction of the call ({@link #record}) only where the caller has been let in
     * already, so that only this way can meet a stranger.
     */
    public void recordIndependently(AuditEntry entry) {
        Caller caller = callers.current();
        AuditEvent event = eventFor(entry, caller, onBehalfOf(caller));
        if (byOutsider(entry, caller)) {
            independently.insertOutsiderRefusal(event, outsiderWindow(entry, event, caller));
        } else {
            independently.insert(event);
        }
    }

    /** How long a stranger's repeated refusals of one kind show as one in an organization's log. */
    static final java.time.Duration OUTSIDER_WINDOW = java.time.Duration.ofMinutes(10);

    private boolean byOutsider(AuditEntry entry, Caller caller) {
        if (entry.outcome() != AuditOutcome.DENIED || entry.organizationId() == null || caller.signedIn().isEmpty()) {
            return false;
        }
        if (ASKING_STANDING.get() != null) {
            // a refusal written while the answer is worked out (a right that refuses and audits when asked) must not
            // ask again, which would ask again without end; in doubt the organization is not told who tried
            return true;
        }
        ASKING_STANDING.set(Boolean.TRUE);
        try {
            return standing.orderedStream().anyMatch(answer -> answer.outside(entry.organizationId()));
        } catch (RuntimeException unanswered) {
            // in doubt the organization is not told who tried; the provider's staff still read it
            log.warn("Could not tell whether the actor of a refusal stands outside organization {}",
                    entry.organizationId(), unanswered);
            return true;
        } finally {
            ASKING_STANDING.remove();
        }
    }

    /** Set while the actor's standing is asked, on the thread that asks. */
    private static final ThreadLocal<Boolean> ASKING_STANDING = new ThreadLocal<>();

    /**
     * The window a stranger's refusal falls into: organization, kind, actor (a person by id, a token by id: its name
     * carries the reason, which a caller may vary) and the clock's ten minutes, hashed so that the column is short and
     * holds no address.
     */
    private String outsiderWindow(AuditEntry entry, AuditEvent event, Caller caller) {
        Optional<AuthenticatedUser> actor = caller.signedIn();
        String who = actor.flatMap(AuthenticatedUser::apiToken).map(token -> "token " + token.tokenId())
                .orElseGet(() -> "user " + event.getActorUserId());
        long window = event.getOccurredAt().getEpochSecond() / OUTSIDER_WINDOW.toSeconds();
        String key = entry.organizationId() + "\n" + entry.kind() + "\n" + who + "\n" + window;
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private Long onBehalfOf(Caller caller) {
        return onBehalf.orderedStream().map(acting -> acting.onBehalfOf(caller)).flatMap(Optional::stream)
                .findFirst().orElse(null);
    }

    /** For events before anyone is authenticated (sign-in), where the actor is known only by the address typed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSignInAttempt(AuditEntry entry, Long userId, String typedEmail) {
        // what was typed may hold anything, a NUL included: kept visible, never as the raw character
        events.save(new AuditEvent(clock.instant(), entry, english(entry), userId, TextRules.spelledOut(typedEmail),
                null, remoteAddress()));
    }

    private AuditEvent eventFor(AuditEntry entry, Caller caller, Long onBehalfOf) {
        // a system task names the person whose call started it
        Optional<AuthenticatedUser> actor = caller.actor();
        var token = actor.flatMap(AuthenticatedUser::apiToken);
        if (token.isPresent()) {
            // a token is no person: it is named, and a partner's token works on its partner's behalf elsewhere
            Long partner = onBehalfOf;
            if (!token.get().provider() && !Long.valueOf(token.get().organizationId()).equals(entry.organizationId())) {
                partner = token.get().organizationId();
            }
            return new AuditEvent(clock.instant(), entry, english(entry), null, token.get().actorName(), partner,
                    remoteAddress());
        }
        return new AuditEvent(clock.instant(), entry, english(entry), actor.map(AuthenticatedUser::userId)
                .orElse(null), actor.map(AuthenticatedUser::email).orElse("system"), onBehalfOf, remoteAddress());
    }

    /**
     * The summary in English, as stored beside its key. A key without a text is a programming error: the tests run
     * with {@code kontor.audit.require-texts=true} and fail on it; in production the event is kept regardless.
     */
    private String english(AuditEntry entry) {
        if (entry.summary() == null) {
            return null;
        }
        String english = entry.summary().render((key, arguments) -> texts.getTranslation(key, Locale.ENGLISH,
                arguments));
        if (english != null && english.contains("!{")) {
            if (requireTexts) {
                throw new IllegalStateException("Audit summary without a text: " + entry.summary());
            }
            log.warn("Audit summary without a text: {}", entry.summary());
        }
        return english;
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
