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

    /** The request e-mail, as it is sent. */
    MailMessage request(PartnerRelationship relationship, String token, String partnerName, String customerLabel,
                        boolean newAccount, Locale language) {
        return request("" + relationship.getId(), relationship.getRequestedRights(), relationship.getRequestEmail(),
                relationship.getRequestExpiresAt(), token, partnerName, customerLabel, newAccount, language);
    }

    /** The request e-mail of a request that does not exist yet, as the partner reviews it before sending. */
    MailMessage request(String relationshipKey, Set<OrganizationRight> rights, String recipient, Instant expiresAt,
                        String token, String partnerName, String customerLabel, boolean newAccount,
                        Locale language) {
        Locale lang = SupportedLanguages.closestTo(language);
        String kind = newAccount ? "new-account" : "existing";
        String body = i18n.getTranslation("partner-mail.request." + kind + ".body", lang, partnerName, customerLabel,
                rights(RightsConverter.withView(rights), lang), publicAddress.linkTo("/partner-request/" + token),
                momentNamingZone(expiresAt, lang));
        String subject = i18n.getTranslation("partner-mail.request.subject", lang, partnerName, customerLabel);
        return new MailMessage("partner-request:" + relationshipKey + ":" + token.substring(0, 12), recipient,
                subject, body);
    }

    /**
     * A moment as a mail names it: date, time and the zone's name, in Kontor's zone (a mail has no browser to ask).
     * The sent-requests list shows the same moment to the minute with its zone's name, so the two can't be read as
     * different days.
     */
    static String momentNamingZone(Instant moment, Locale lang) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(lang)
                .withZone(zone).format(moment) + " " + DateTimeFormatter.ofPattern("zzz", lang).withZone(zone)
                .format(moment);
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
