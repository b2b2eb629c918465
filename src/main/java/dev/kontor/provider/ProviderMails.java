package dev.kontor.provider;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.invitation.IssuedInvitation;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.organization.MembershipRole;
import dev.kontor.user.UserSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The invitations into the provider's own roles, written into the outbox in the transaction of the invitation, in
 * the invitee's chosen language or else the inviter's. Only the invitee reads them.
 */
@Component
class ProviderMails {

    private final MailOutbox outbox;
    private final I18NProvider i18n;

    ProviderMails(MailOutbox outbox, I18NProvider i18n) {
        this.outbox = outbox;
        this.i18n = i18n;
    }

    /**
     * An invitation into a role of the provider; {@code inviterName} is null when the application itself invites
     * (the first administrator of a new installation).
     */
    void invitation(String providerName, UserSummary invitee, String typedName, MembershipRole role,
                    String inviterName, IssuedInvitation invitation, Locale fallback) {
        Locale language = SupportedLanguages.closestTo(invitee.language() != null ? invitee.language() : fallback);
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                .withZone(ZoneId.of("Europe/Berlin")).format(invitation.expiresAt());
        String roleName = i18n.getTranslation("membership.role." + role, language);
        String how = i18n.getTranslation(invitee.hasPassword() ? "mail.provider-invitation.how-signed-in"
                : "mail.provider-invitation.how-new", language);
        String body = inviterName == null
                ? i18n.getTranslation("mail.provider-invitation.body-first", language, typedName, providerName,
                roleName, how, invitation.link(), expires)
                : i18n.getTranslation("mail.provider-invitation.body", language, typedName, inviterName,
                providerName, roleName, how, invitation.link(), expires);
        String subject = i18n.getTranslation("mail.provider-invitation.subject", language, providerName, roleName);
        outbox.enqueue(new MailMessage("invitation:" + invitation.invitationId(), invitee.email(),
                TextRules.abbreviate(subject, MailMessage.SUBJECT_MAX_LENGTH), body));
    }
}
