package dev.kontor.access;

import dev.kontor.base.ReadModel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.organization.PartnerTokenRules;
import dev.kontor.user.ApiTokenIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's rules for partner access, applied to a partner's API token as the access page applies them to a
 * partner user: where the customer requires a reason, every request of the token in the account (and its tenants)
 * must give one in the {@value ApiTokenIdentity#ACCESS_REASON_HEADER} header, or it is refused before anything is
 * read or done; where the customer wants its contact person told, they get a mail the first time a token works in
 * the account, and again at most once an hour per token.
 */
@Component
@ReadModel(reads = "organization",
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class PartnerTokenAccess implements PartnerTokenRules {

    static final String REFUSED = "ACCESS_DENIED";
    static final String API_ACCESS = "API_ACCESS";
    private static final String RECORDED = "kontor.api-access-recorded.";
    private static final Duration NOTICE_INTERVAL = Duration.ofHours(1);

    private final AccessPolicyRepository policies;
    private final AccountContactPersons contactPersons;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final MailOutbox mail;
    private final I18NProvider i18n;
    private final Clock clock;
    private final TransactionTemplate separately;

    PartnerTokenAccess(AccessPolicyRepository policies, AccountContactPersons contactPersons, JdbcClient jdbc,
                       AuditLog auditLog, MailOutbox mail, I18NProvider i18n, Clock clock,
                       PlatformTransactionManager transactions) {
        this.policies = policies;
        this.contactPersons = contactPersons;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.mail = mail;
        this.i18n = i18n;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void admit(ApiTokenIdentity token, long customerId) {
        Optional<AccessPolicy> policy = policies.findById(customerId);
        if (policy.isEmpty()) {
            return;
        }
        if (policy.get().requiresReason() && token.accessReason() == null) {
            auditLog.recordIndependently(AuditEntry.denied(REFUSED, customerId,
                    AuditSummary.of("api-token-reason-missing", ApiTokenIdentity.ACCESS_REASON_HEADER)));
            throw new InvalidInput(ApiTokenIdentity.ACCESS_REASON_HEADER, "access.reason-required");
        }
        if (policy.get().requiresReason()) {
            recordOncePerRequest(customerId);
        }
        if (policy.get().notifiesContactPerson()) {
            notifyContactPerson(token, customerId);
        }
    }

    /**
     * The customer asked for a reason so that it can see who worked in its account and why: every request that gave
     * one is on its audit log, reads included (a change is there anyway, with the reason in its actor), once per
     * request however often the request's rights are checked. The rights check may run in a read-only transaction, so
     * the entry is written in one of its own.
     */
    private void recordOncePerRequest(long customerId) {
        String what = "";
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String key = RECORDED + customerId;
            if (attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST) != null) {
                return;
            }
            attributes.setAttribute(key, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
            HttpServletRequest request = attributes.getRequest();
            what = request.getMethod() + " " + request.getRequestURI();
        }
        auditLog.recordIndependently(AuditEntry.success(API_ACCESS, customerId,
                AuditSummary.of("api-token-worked-with-reason", what)));
    }

    /**
     * Tells the contact person, unless this token's work in the account was told within the hour. The rights check
     * runs in a read-only transaction, and the notice stands whatever the request then does, so it is written in a
     * transaction of its own; of two requests at the same moment, only the one that claims the notice's row sends.
     */
    private void notifyContactPerson(ApiTokenIdentity token, long customerId) {
        Instant now = clock.instant();
        if (lastNotice(token.tokenId(), customerId).filter(last -> last.isAfter(now.minus(NOTICE_INTERVAL)))
                .isPresent()) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> {
                if (claimNotice(token.tokenId(), customerId, now)) {
                    sendNotice(token, customerId, now);
                }
            });
        } catch (DataIntegrityViolationException toldMeanwhile) {
            // another request of the same token claimed the first notice at the same moment: it tells the contact
        }
    }

    private Optional<Instant> lastNotice(long tokenId, long customerId) {
        return jdbc.sql("SELECT last_notified_at FROM api_token_notice WHERE token_id = :token AND customer_id = :customer")
                .param("token", tokenId).param("customer", customerId)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    private boolean claimNotice(long tokenId, long customerId, Instant now) {
        int renewed = jdbc.sql("""
                        UPDATE api_token_notice SET last_notified_at = :now
                        WHERE token_id = :token AND customer_id = :customer AND last_notified_at <= :due""")
                .param("now", utc(now)).param("token", tokenId).param("customer", customerId)
                .param("due", utc(now.minus(NOTICE_INTERVAL))).update();
        if (renewed == 1) {
            return true;
        }
        if (lastNotice(tokenId, customerId).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO api_token_notice (token_id, customer_id, last_notified_at) VALUES (:token, :customer, :now)")
                .param("token", tokenId).param("customer", customerId).param("now", utc(now)).update();
        return true;
    }

    private void sendNotice(ApiTokenIdentity token, long customerId, Instant now) {
        Optional<String> account = jdbc.sql("SELECT name, customer_number FROM organization WHERE id = :id")
                .param("id", customerId).query((rs, row) -> rs.getString(1) + " (" + rs.getString(2) + ")").optional();
        contactPersons.of(customerId).ifPresent(contact -> {
            Locale language = SupportedLanguages.closestTo(
                    contact.language() == null ? null : Locale.forLanguageTag(contact.language()));
            String label = account.orElse("");
            // a mail has no browser zone: the long style names Kontor's zone ("14:03:00 MEZ"), as the other mails do
            String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                    .withZone(ZoneId.of("Europe/Berlin")).format(now);
            String reason = token.accessReason() == null ? "\u2014" : token.accessReason();
            mail.enqueue(new MailMessage("api-access-notice:" + token.tokenId() + ":" + customerId + ":"
                    + now.toEpochMilli(), contact.email(),
                    TextRules.abbreviate(i18n.getTranslation("access.api-mail.subject", language, token.tokenName(),
                            token.organizationName(), label), MailMessage.SUBJECT_MAX_LENGTH),
                    i18n.getTranslation("access.api-mail.body", language, contact.name(), token.tokenName(),
                            token.organizationName(), label, when, reason)));
        });
    }

    /** PostgreSQL's driver binds no Instant; an offset date-time in UTC it binds as timestamptz, as H2 does. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
