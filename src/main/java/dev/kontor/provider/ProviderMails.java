package dev.kontor.provider;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.invitation.IssuedInvitation;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.organization.MembershipRole;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.UserSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The mails of provider administration (invitations into the provider's own roles, a new account's first manager, a
 * partner's legal representative), written into the outbox in the transaction of the change, in the invitee's chosen
 * language or else the inviter's. Only the invitee reads them.
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

    /** Invites the first manager of a new customer account (the account's ordinary invitation text). */
    void managerInvitation(String accountLabel, UserSummary invitee, String typedName, AuthenticatedUser inviter,
                           IssuedInvitation invitation, Locale fallback) {
        Locale language = SupportedLanguages.closestTo(invitee.language() != null ? invitee.language() : fallback);
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                .withZone(ZoneId.of("Europe/Berlin")).format(invitation.expiresAt());
        outbox.enqueue(new MailMessage("invitation:" + invitation.invitationId(), invitee.email(),
                TextRules.abbreviate(i18n.getTranslation("mail.invitation.subject", language, accountLabel),
                        MailMessage.SUBJECT_MAX_LENGTH),
                i18n.getTranslation(invitee.hasPassword() ? "mail.invitation.body-signed-in" : "mail.invitation.body",
                        language, typedName, inviterName(inviter), accountLabel, invitation.link(), expires)));
    }

    /** Invites a partner's legal representative; in the person's own language when Kontor knows it. */
    void representativeInvitation(String partnerName, UserSummary invitee, String typedName, AuthenticatedUser inviter,
                                  IssuedInvitation invitation, Locale fallback) {
        Locale language = SupportedLanguages.closestTo(invitee.language() != null ? invitee.language() : fallback);
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                .withZone(ZoneId.of("Europe/Berlin")).format(invitation.expiresAt());
        outbox.enqueue(new MailMessage("invitation:" + invitation.invitationId(), invitee.email(),
                TextRules.abbreviate(i18n.getTranslation("mail.partner-invitation.subject", language, partnerName),
                        MailMessage.SUBJECT_MAX_LENGTH),
                i18n.getTranslation(invitee.hasPassword() ? "mail.partner-invitation.body-signed-in"
                                : "mail.partner-invitation.body", language, typedName, inviterName(inviter),
                        partnerName, invitation.link(), expires)));
    }

    /** Who invites, as the mail says it: the person, or for an API token its organization (a token is nobody). */
    private static String inviterName(AuthenticatedUser inviter) {
        return inviter.apiToken().map(dev.kontor.user.ApiTokenIdentity::organizationName)
                .orElseGet(inviter::displayName);
    }
}
