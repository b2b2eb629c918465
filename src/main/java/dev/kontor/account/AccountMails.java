package dev.kontor.account;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.invitation.IssuedInvitation;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.organization.Member;
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.UserSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The e-mails about customer accounts, written into the outbox in the transaction of the change. Texts come from the
 * i18n bundles, in the recipient's chosen language or else the language of the person who caused the mail.
 */
@Component
class AccountMails {

    private final MailOutbox outbox;
    private final I18NProvider i18n;
    private final PublicAddress publicAddress;

    AccountMails(MailOutbox outbox, I18NProvider i18n, PublicAddress publicAddress) {
        this.outbox = outbox;
        this.i18n = i18n;
        this.publicAddress = publicAddress;
    }

    /**
     * The invitation, addressed with the name the inviter typed (not the one the person keeps in Kontor). Someone who
     * has a password is asked to sign in to accept; someone new chooses a password. Only the invitee reads this.
     * When a partner asked for the person ({@code needsApproval}), it also says that one of the account's own
     * managers must approve them after they accept, before they can work there.
     */
    void invitation(OrganizationSummary account, UserSummary invitee, String typedName, AuthenticatedUser inviter,
                    IssuedInvitation invitation, boolean needsApproval, Locale fallback) {
        Locale language = languageOf(invitee.language(), fallback);
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                .withZone(ZoneId.of("Europe/Berlin")).format(invitation.expiresAt());
        send("invitation:" + invitation.invitationId(), invitee.email(),
                text(language, "mail.invitation.subject", account.label()),
                text(language, (invitee.hasPassword() ? "mail.invitation.body-signed-in" : "mail.invitation.body")
                                + (needsApproval ? "-approval" : ""),
                        typedName, inviter.displayName(), account.label(), invitation.link(), expires));
    }

    void deputyCleared(OrganizationSummary account, Member formerDeputy, List<Member> recipients, Locale fallback) {
        Locale language = languageOf(null, fallback);
        for (Member recipient : recipients) {
            send("deputy-cleared:" + account.id() + ":" + formerDeputy.membershipId() + ":" + formerDeputy.version()
                            + ":" + recipient.userId(), recipient.email(),
                    text(language, "mail.deputy-cleared.subject", account.label()),
                    text(language, "mail.deputy-cleared.body", recipient.displayName(), formerDeputy.displayName(),
                            account.label(), publicAddress.linkTo("/accounts/" + account.customerNumber())));
        }
    }

    void confirmationRequest(OrganizationSummary account, String email, String name, Locale preferred,
                             Instant requestedAt) {
        Locale language = languageOf(preferred, SupportedLanguages.ENGLISH);
        send("confirm-contact:" + account.id() + ":" + requestedAt.toEpochMilli(), email,
                text(language, "mail.confirmation.subject", account.label()),
                text(language, "mail.confirmation.body", name, account.label(),
                        publicAddress.linkTo("/accounts/" + account.customerNumber())));
    }

    private void send(String key, String recipient, String subject, String body) {
        // long company names must not make a subject too long to send
        outbox.enqueue(new MailMessage(key, recipient, TextRules.abbreviate(subject, MailMessage.SUBJECT_MAX_LENGTH),
                body));
    }

    private String text(Locale language, String key, Object... arguments) {
        return i18n.getTranslation(key, language, arguments);
    }

    private static Locale languageOf(Locale preferred, Locale fallback) {
        return SupportedLanguages.closestTo(preferred != null ? preferred : fallback);
    }
}
