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

    private final Callers callers;

    AuditLog(AuditEventRepository events, IndependentAuditWriter independently, I18NProvider texts, Clock clock,
             org.springframework.beans.factory.ObjectProvider<ActingOnBehalf> onBehalf,
             @Value("${kontor.audit.require-texts:false}") boolean requireTexts, Callers callers) {
        this.callers = callers;
        this.events = events;
        this.independently = independently;
        this.texts = texts;
        this.requireTexts = requireTexts;
        this.clock = clock;
        this.onBehalf = onBehalf;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        Caller caller = callers.current();
        events.save(eventFor(entry, caller, onBehalfOf(caller)));
    }

    /**
     * Records an entry that stays whatever becomes of the current transaction (a refusal, whose call is rolled back),
     * written at once through a pool of its own: the caller's transaction may hold a connection of the main pool.
     */
    public void recordIndependently(AuditEntry entry) {
        Caller caller = callers.current();
        independently.insert(eventFor(entry, caller, onBehalfOf(caller)));
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
