package dev.kontor.partner;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The e-mails of the customer's side, written into the outbox in the transaction of the decision: to the partner
 * when a customer answers a request, changes rights or ends the partnership; to the customer's contact person when
 * the rights are due for review; to both when unanswered rights fall back to VIEW. Plain text from the i18n bundles,
 * in the recipient's chosen language (English when they have not chosen).
 */
@Component
class CustomerSideMails {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String PARTNER_CUSTOMERS_PATH = "/partner/customers";

    private final MailOutbox outbox;
    private final I18NProvider i18n;
    private final PublicAddress publicAddress;

    CustomerSideMails(MailOutbox outbox, I18NProvider i18n, PublicAddress publicAddress) {
        this.outbox = outbox;
        this.i18n = i18n;
        this.publicAddress = publicAddress;
    }

    /**
     * The partner's people to tell about one relationship: the person who sent the request while they are still
     * active in the partner, otherwise the partner's legal representatives.
     */
    static List<NotifiedPerson> partnerSide(Collection<NotifiedPerson> candidates) {
        List<NotifiedPerson> requesters = candidates.stream().filter(NotifiedPerson::requester).toList();
        return distinct(requesters.isEmpty() ? new ArrayList<>(candidates) : requesters);
    }

    void accepted(PartnerRelationship relationship, String partnerName, String customerLabel,
                  Collection<NotifiedPerson> partnerPeople) {
        for (NotifiedPerson to : partnerSide(partnerPeople)) {
            Locale language = languageOf(to);
            send("partner-answer:accepted:" + relationship.getId() + ":" + to.userId(), to.email(),
                    text(language, "partner-answer.mail.accepted.subject", customerLabel),
                    text(language, "partner-answer.mail.accepted.body", to.displayName(), customerLabel, partnerName,
                            rights(language, relationship.getGrantedRights()),
                            rights(language, relationship.getRequestedRights()),
                            publicAddress.linkTo(PARTNER_CUSTOMERS_PATH)));
        }
    }

    void declined(PartnerRelationship relationship, String partnerName, String customerLabel,
                  Collection<NotifiedPerson> partnerPeople) {
        for (NotifiedPerson to : partnerSide(partnerPeople)) {
            Locale language = languageOf(to);
            send("partner-answer:declined:" + relationship.getId() + ":" + to.userId(), to.email(),
                    text(language, "partner-answer.mail.declined.subject", customerLabel),
                    text(language, "partner-answer.mail.declined.body", to.displayName(), customerLabel,
                            partnerName));
        }
    }

    void rightsChanged(PartnerRelationship relationship, String partnerName, String customerLabel,
                       Collection<OrganizationRight> before, Collection<NotifiedPerson> partnerPeople) {
        for (NotifiedPerson to : partnerSide(partnerPeople)) {
            Locale language = languageOf(to);
            send("customer-partners:rights:" + relationship.getId() + ":" + relationship.getVersion() + ":"
                            + to.userId(), to.email(),
                    text(language, "customer-partners.mail.rights-changed.subject", customerLabel, partnerName),
                    text(language, "customer-partners.mail.rights-changed.body", to.displayName(), customerLabel,
                            partnerName, rights(language, before), rights(language, relationship.getGrantedRights()),
                            publicAddress.linkTo(PARTNER_CUSTOMERS_PATH)));
        }
    }

    void revoked(PartnerRelationship relationship, String partnerName, String customerLabel,
                 Collection<NotifiedPerson> partnerPeople) {
        for (NotifiedPerson to : partnerSide(partnerPeople)) {
            Locale language = languageOf(to);
            send("customer-partners:revoked:" + relationship.getId() + ":" + to.userId(), to.email(),
                    text(language, "customer-partners.mail.revoked.subject", customerLabel, partnerName),
                    text(language, "customer-partners.mail.revoked.body", to.displayName(), customerLabel,
                            partnerName));
        }
    }

    /** What a customer's decision did to a partner's rights, as the other managers are told. */
    enum ManagersNotice {
        ACCEPTED, CHANGED, CONFIRMED, REVOKED
    }

    /**
     * Tells the customer's other active managers of a decision on a partner: who took it, which partner, the rights
     * before and after. So a partner made ADMIN by one manager is seen by the others, who can undo it.
     */
    void toOtherManagers(ManagersNotice notice, PartnerRelationship relationship, String partnerName,
                         OrganizationSummary customer, Collection<OrganizationRight> before,
                         Collection<OrganizationRight> after, Long actorId, String actor,
                         Collection<NotifiedPerson> managers) {
        for (NotifiedPerson to : distinct(List.copyOf(managers))) {
            if (actorId != null && to.userId() == actorId) {
                continue;
            }
            Locale language = languageOf(to);
            String what = text(language, "customer-partners.mail.managers.change." + notice, partnerName,
                    rights(language, before), rights(language, after));
            String by = actor == null ? text(language, "mail.membership-notice.by-system")
                    : text(language, "mail.membership-notice.by", actor);
            send("customer-partners:managers:" + notice + ":" + relationship.getId() + ":"
                            + relationship.getVersion() + ":" + to.userId(), to.email(),
                    text(language, "customer-partners.mail.managers.subject", customer.label(), partnerName),
                    text(language, "customer-partners.mail.managers.body", to.displayName(), what, by,
                            customer.label(), publicAddress.linkTo("/accounts/" + customer.customerNumber())));
        }
    }

    void reviewRequested(DueReview due, Instant askedAt, Instant fallsBackAt) {
        NotifiedPerson to = due.contactPerson();
        PartnerRelationship relationship = due.relationship();
        Locale language = languageOf(to);
        send("rights-review:ask:" + relationship.getId() + ":" + askedAt.toEpochMilli(), to.email(),
                text(language, "rights-review.mail.request.subject", due.customerLabel(), due.partnerName()),
                text(language, "rights-review.mail.request.body", to.displayName(), due.customerLabel(),
                        due.partnerName(), rights(language, relationship.getGrantedRights()),
                        publicAddress.linkTo("/accounts/" + due.customerNumber()), date(language, fallsBackAt)));
    }

    void fellBack(PartnerRelationship relationship, Instant askedAt, String partnerName, String customerLabel,
                  String customerNumber, Collection<OrganizationRight> before,
                  Collection<NotifiedPerson> partnerPeople, NotifiedPerson contactPerson) {
        String key = "rights-review:fallback:" + relationship.getId() + ":" + askedAt.toEpochMilli() + ":";
        for (NotifiedPerson to : partnerSide(partnerPeople)) {
            Locale language = languageOf(to);
            send(key + to.userId(), to.email(),
                    text(language, "rights-review.mail.fallback-partner.subject", customerLabel),
                    text(language, "rights-review.mail.fallback-partner.body", to.displayName(), customerLabel,
                            partnerName, rights(language, before), publicAddress.linkTo(PARTNER_CUSTOMERS_PATH)));
        }
        if (contactPerson != null) {
            Locale language = languageOf(contactPerson);
            send(key + contactPerson.userId(), contactPerson.email(),
                    text(language, "rights-review.mail.fallback-customer.subject", customerLabel, partnerName),
                    text(language, "rights-review.mail.fallback-customer.body", contactPerson.displayName(),
                            customerLabel, partnerName, rights(language, before),
                            publicAddress.linkTo("/accounts/" + customerNumber)));
        }
    }

    private String rights(Locale language, Collection<OrganizationRight> rights) {
        return RightSets.ordered(rights).stream().map(right -> text(language, "right." + right.name()))
                .collect(Collectors.joining(", "));
    }

    private static String date(Locale language, Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).withZone(ZONE)
                .format(instant);
    }

    private void send(String key, String recipient, String subject, String body) {
        // long partner and company names must not make a subject too long to send
        outbox.enqueue(new MailMessage(key, recipient, TextRules.abbreviate(subject, MailMessage.SUBJECT_MAX_LENGTH),
                body));
    }

    private String text(Locale language, String key, Object... arguments) {
        return i18n.getTranslation(key, language, arguments);
    }

    private static Locale languageOf(NotifiedPerson recipient) {
        return SupportedLanguages.closestTo(recipient.locale());
    }

    private static List<NotifiedPerson> distinct(List<NotifiedPerson> recipients) {
        Map<Long, NotifiedPerson> byUser = new LinkedHashMap<>();
        recipients.forEach(r -> byUser.putIfAbsent(r.userId(), r));
        return List.copyOf(byUser.values());
    }
}
