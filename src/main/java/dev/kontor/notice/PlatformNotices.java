package dev.kontor.notice;

import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.contact.ContactRecipients;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationDirectory;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.Callers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform notices, for the provider's administrators only: {@link #send} checks and queues a notice, which
 * {@link NoticeFanOut} then mails in the background; {@link #recent} lists the provider's notices with their
 * progress. Anyone else is refused, and the refusal is audited.
 */
@Service
@Transactional
public class PlatformNotices {

    public static final int SUBJECT_MAX_LENGTH = PlatformNotice.SUBJECT_MAX_LENGTH;
    public static final int BODY_MAX_LENGTH = PlatformNotice.BODY_MAX_LENGTH;
    /** At most this many chosen organizations (customer numbers and partners together) per notice. */
    public static final int MAX_CHOSEN = 100;
    /** The longest lists of customer numbers and partner names the form takes as typed, one per line or comma. */
    public static final int CUSTOMER_NUMBERS_TYPED_MAX_LENGTH = 4000;
    public static final int PARTNER_NAMES_TYPED_MAX_LENGTH = 8000;

    static final String NOTICE_SENT = "NOTICE_SENT";
    static final String NOTICE_REFUSED = "NOTICE_REFUSED";

    private final PlatformNoticeRepository notices;
    private final OrganizationDirectory directory;
    private final OrganizationAccess access;
    private final ContactRecipients recipients;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Callers callers;

    PlatformNotices(PlatformNoticeRepository notices, OrganizationDirectory directory, OrganizationAccess access,
                    ContactRecipients recipients, AuditLog auditLog, Clock clock, Callers callers) {
        this.callers = callers;
        this.notices = notices;
        this.directory = directory;
        this.access = access;
        this.recipients = recipients;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Queues a notice to the contacts of this kind in the audience; the background fan-out mails it. Returns the
     * queued notice with the number of recipients it has now.
     *
     * @param language the language of the greeting and the footer around the text (the one it is written in)
     */
    public NoticeStatus send(ContactType kind, String subject, String body, NoticeAudience audience,
                             Locale language) {
        long providerId = requireProviderAdministrator(AuditSummary.action("send-platform-notice"));
        AuthenticatedUser me = access.require(providerId, OrganizationRight.ADMIN, AuditSummary.action("send-platform-notice"));
        if (kind == null) {
            throw new InvalidInput("kind", "validation.required");
        }
        if (subject != null && subject.strip().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("subject", "notice.subject.one-line");
        }
        String checkedSubject = TextRules.required("subject", subject, SUBJECT_MAX_LENGTH);
        String checkedBody = checkedBody(body);
        Resolved resolved = resolve(providerId, audience == null ? NoticeAudience.chosen(List.of(), List.of())
                : audience);
        List<Long> roots = resolved.targets().isEmpty() ? List.of(providerId) : List.copyOf(resolved.targets());
        long count = recipients.count(callers.taskFor("count-notice-recipients"), kind, roots);
        if (count == 0) {
            throw new InvalidInput("audience", "notice.audience.nobody." + kind);
        }
        String lang = SupportedLanguages.closestTo(language).getLanguage();
        PlatformNotice notice = notices.save(new PlatformNotice(providerId, kind, checkedSubject, checkedBody, lang,
                resolved.targets(), resolved.label(), (int) Math.min(Integer.MAX_VALUE, count), me.userId(),
                clock.instant()));
        AuditSummary.Term contactType = AuditSummary.term("contact.type." + kind);
        auditLog.record(AuditEntry.success(NOTICE_SENT, providerId, resolved.label() == null
                ? AuditSummary.of("notice-sent-to-all", notice.getId(), contactType, count, checkedSubject)
                : AuditSummary.of("notice-sent", notice.getId(), contactType, resolved.label(), count,
                        checkedSubject)));
        return notice.status();
    }

    /** The provider's notices, newest first, with their state and progress. */
    @Transactional(readOnly = true)
    public List<NoticeStatus> recent(Pageable pageable) {
        long providerId = requireProviderAdministrator(AuditSummary.action("read-platform-notices"));
        return notices.findRecent(providerId, pageable).stream().map(PlatformNotice::status).toList();
    }

    /** One of the provider's notices. */
    @Transactional(readOnly = true)
    public NoticeStatus status(long noticeId) {
        long providerId = requireProviderAdministrator(AuditSummary.action("read-platform-notice"));
        return notices.findById(noticeId).filter(n -> n.getProviderId() == providerId).map(PlatformNotice::status)
                .orElseThrow(AccessRefused::new);
    }

    /** The provider the signed-in person administers; otherwise the attempt is audited and refused. */
    private long requireProviderAdministrator(AuditSummary.Term attempted) {
        Optional<Long> provider = directory.administeredProvider();
        if (provider.isEmpty()) {
            Long where = directory.providersOfMine().stream().findFirst().orElse(null);
            auditLog.recordIndependently(AuditEntry.denied(NOTICE_REFUSED, where,
                    AuditSummary.of("refused-not-provider-administrator", attempted)));
            throw new AccessRefused();
        }
        return provider.get();
    }

    private static String checkedBody(String body) {
        // plain text for a plain-text mail: angle brackets are harmless there and common in technical notices
        String text = TextRules.checkMultiLine("body", body, BODY_MAX_LENGTH);
        if (text == null) {
            throw new InvalidInput("body", "validation.required");
        }
        return text;
    }

    /** The chosen organizations as ids (empty for all) and as the administrator named them. */
    private Resolved resolve(long providerId, NoticeAudience audience) {
        if (audience.all()) {
            return new Resolved(Set.of(), null);
        }
        if (audience.customerNumbers().isEmpty() && audience.partnerNames().isEmpty()) {
            throw new InvalidInput("audience", "notice.audience.empty");
        }
        if (audience.customerNumbers().size() + audience.partnerNames().size() > MAX_CHOSEN) {
            throw new InvalidInput("audience", "notice.audience.too-many", MAX_CHOSEN);
        }
        Set<Long> targets = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String typed : audience.customerNumbers()) {
            OrganizationSummary customer = CustomerNumber.parse(typed)
                    .flatMap(number -> directory.customerOf(providerId, number))
                    .orElseThrow(() -> new InvalidInput("customerNumbers", "notice.audience.unknown-customer",
                            TextRules.abbreviate(typed, 40)));
            if (targets.add(customer.id())) {
                names.add(customer.customerNumber());
            }
        }
        for (String typed : audience.partnerNames()) {
            List<OrganizationSummary> partners = directory.partnersNamed(providerId, typed);
            if (partners.isEmpty()) {
                throw new InvalidInput("partnerNames", "notice.audience.unknown-partner",
                        TextRules.abbreviate(typed, 60));
            }
            if (partners.size() > 1) {
                throw new InvalidInput("partnerNames", "notice.audience.ambiguous-partner",
                        TextRules.abbreviate(typed, 60));
            }
            if (targets.add(partners.getFirst().id())) {
                names.add(partners.getFirst().name());
            }
        }
        return new Resolved(targets, TextRules.abbreviate(String.join(", ", names),
                PlatformNotice.AUDIENCE_LABEL_MAX_LENGTH));
    }

    private record Resolved(Set<Long> targets, String label) {
    }
}
