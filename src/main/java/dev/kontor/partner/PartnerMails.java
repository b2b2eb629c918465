package dev.kontor.partner;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The partner side's e-mails: requests (with their personal link) and the end of a partnership. */
@Component
class PartnerMails {

    private final MailOutbox outbox;
    private final I18NProvider i18n;
    private final PublicAddress publicAddress;

    PartnerMails(MailOutbox outbox, I18NProvider i18n, PublicAddress publicAddress) {
        this.outbox = outbox;
        this.i18n = i18n;
        this.publicAddress = publicAddress;
    }

    /** The request e-mail, as the partner reviews it and as it is sent. */
    MailMessage request(PartnerRelationship relationship, String token, String partnerName, String customerLabel,
                        boolean newAccount, Locale language) {
        Locale lang = SupportedLanguages.closestTo(language);
        String kind = newAccount ? "new-account" : "existing";
        String body = i18n.getTranslation("partner-mail.request." + kind + ".body", lang, partnerName, customerLabel,
                rights(relationship.getRequestedRights(), lang), publicAddress.linkTo("/partner-request/" + token),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang)
                        .withZone(ZoneId.of("Europe/Berlin")).format(relationship.getRequestExpiresAt()));
        String subject = i18n.getTranslation("partner-mail.request.subject", lang, partnerName, customerLabel);
        return new MailMessage("partner-request:" + relationship.getId() + ":" + token.substring(0, 12),
                relationship.getRequestEmail(), subject, body);
    }

    void send(MailMessage message) {
        outbox.enqueue(message);
    }

    void terminated(PartnerRelationship relationship, String partnerName, String customerLabel, Recipient to,
                    Instant when, Locale language) {
        Locale lang = SupportedLanguages.closestTo(language);
        outbox.enqueue(new MailMessage("partner-terminated:" + relationship.getId() + ":" + to.email(), to.email(),
                i18n.getTranslation("partner-mail.terminated.subject", lang, partnerName, customerLabel),
                i18n.getTranslation("partner-mail.terminated.body", lang, to.displayName(), partnerName,
                        customerLabel, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang)
                                .withZone(ZoneId.of("Europe/Berlin")).format(when))));
    }

    private String rights(Set<OrganizationRight> rights, Locale lang) {
        return rights.stream().map(r -> "- " + i18n.getTranslation("right." + r.name(), lang))
                .collect(Collectors.joining("\n"));
    }
}
