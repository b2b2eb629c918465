package dev.kontor.contact;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The e-mails about contacts, written into the outbox in the transaction of the change. */
@Component
class ContactMails {

    private final MailOutbox outbox;
    private final I18NProvider i18n;

    ContactMails(MailOutbox outbox, I18NProvider i18n) {
        this.outbox = outbox;
        this.i18n = i18n;
    }

    /** The link with which the new address confirms itself; it goes to the new address only. */
    void confirmNewAddress(String newEmail, String contactName, String organization, String changedBy, String link,
                           Instant expires, Locale fallback, long contactId) {
        Locale language = SupportedLanguages.closestTo(fallback);
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                .withZone(ZoneId.of("Europe/Berlin")).format(expires);
        outbox.enqueue(new MailMessage("contact-email:" + contactId + ":" + expires.toEpochMilli(), newEmail,
                TextRules.abbreviate(i18n.getTranslation("mail.contact-email.subject", language, organization),
                        MailMessage.SUBJECT_MAX_LENGTH),
                i18n.getTranslation("mail.contact-email.body", language, contactName, changedBy, organization,
                        link, until)));
    }

    /**
     * Tells the address in force (and, with {@code toManager}, one of the organization's managers) that a new address
     * waits for its confirmation: whoever may change contacts could otherwise move a person's address to one of their
     * own unseen, since only the new address confirms. No link: the old address can't confirm or refuse the change;
     * a manager sets the address back, which calls the change off.
     */
    void newAddressWaiting(String recipient, boolean toManager, String contactName, String organization,
                           String changedBy, String newEmail, Instant expires, Locale fallback, long contactId) {
        Locale language = SupportedLanguages.closestTo(fallback);
        String kind = toManager ? "managers" : "old";
        outbox.enqueue(new MailMessage("contact-email-" + kind + ":" + contactId + ":" + expires.toEpochMilli() + ":"
                + dev.kontor.base.SecretTokens.hash(recipient.toLowerCase(Locale.ROOT)), recipient,
                TextRules.abbreviate(i18n.getTranslation("mail.contact-email-" + kind + ".subject", language,
                        organization, contactName), MailMessage.SUBJECT_MAX_LENGTH),
                i18n.getTranslation("mail.contact-email-" + kind + ".body", language, contactName, changedBy,
                        organization, newEmail)));
    }
}
