package dev.kontor.notice;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.contact.ContactRecipient;
import dev.kontor.mail.MailMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The mail of a notice to one recipient: the notice's subject; a greeting, the notice's text and a footer that says
 * why the person gets it, in the language the notice was written in. Plain text, like every Kontor mail.
 */
@Component
class NoticeMails {

    private final I18NProvider i18n;

    NoticeMails(I18NProvider i18n) {
        this.i18n = i18n;
    }

    MailMessage to(PlatformNotice notice, ContactRecipient recipient) {
        Locale language = SupportedLanguages.closestTo(Locale.forLanguageTag(notice.getLanguage()));
        String kind = notice.getKind().name();
        String footer = recipient.organizations() > 1
                ? i18n.getTranslation("mail.notice.footer.many." + kind, language, recipient.organizationName(),
                        recipient.organizations() - 1)
                : i18n.getTranslation("mail.notice.footer." + kind, language, recipient.organizationName());
        String body = i18n.getTranslation("mail.notice.body", language, recipient.name(), notice.getBody(), footer);
        return new MailMessage(idempotencyKey(notice.getId(), recipient.email()), recipient.email(),
                notice.getSubject(), body);
    }

    /**
     * {@code notice:<id>:<SHA-256 of the address>}: the same for every attempt, and short enough for the outbox
     * however long the address is.
     */
    static String idempotencyKey(long noticeId, String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return "notice:" + noticeId + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
