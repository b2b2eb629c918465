package dev.kontor.tenant;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.invitation.IssuedInvitation;
import dev.kontor.mail.MailMessage;
import dev.kontor.mail.MailOutbox;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.UserSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The e-mails about tenants, written into the outbox in the transaction of the change. */
@Component
class TenantMails {

    private final MailOutbox outbox;
    private final I18NProvider i18n;

    TenantMails(MailOutbox outbox, I18NProvider i18n) {
        this.outbox = outbox;
        this.i18n = i18n;
    }

    /**
     * The one-time link with which a new tenant administrator activates their access (and sets a password), addressed
     * with the name the inviter typed (the person's own name stays theirs). When a partner asked for the person
     * ({@code needsApproval}), it also says that an administrator of the tenant or a manager of its customer account
     * must approve them after they accept, before they can work there.
     */
    void activation(String tenantName, UserSummary administrator, String typedName, AuthenticatedUser by,
                    IssuedInvitation invitation, boolean needsApproval, Locale fallback) {
        Locale language = SupportedLanguages.closestTo(administrator.language() != null
                ? administrator.language() : fallback);
        String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(language)
                .withZone(ZoneId.of("Europe/Berlin")).format(invitation.expiresAt());
        String body = i18n.getTranslation((administrator.hasPassword()
                        ? "mail.tenant-admin.body-existing" : "mail.tenant-admin.body")
                        + (needsApproval ? "-approval" : ""), language,
                typedName, by.displayName(), tenantName, invitation.link(), expires);
        outbox.enqueue(new MailMessage("tenant-admin:" + invitation.invitationId(), administrator.email(),
                TextRules.abbreviate(i18n.getTranslation("mail.tenant-admin.subject", language, tenantName),
                        MailMessage.SUBJECT_MAX_LENGTH), body));
    }
}
