package dev.kontor.contact.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.LanguageSwitch;
import dev.kontor.base.ui.PublicPage;
import dev.kontor.contact.ClosedEmailChange;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.EmailChangePreview;
import dev.kontor.security.ui.SecurityNavigation;

/**
 * The page the confirmation link opens, without sign-in: it names the old and the new address and confirms the
 * change with one click (a click, so that a mail scanner that follows links changes nothing). An expired or forged
 * link gets a page that says so.
 */
@Route(value = "contact-email/:token", autoLayout = false)
@AnonymousAllowed
public class ConfirmContactEmailView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final ContactService contacts;

    public ConfirmContactEmailView(ContactService contacts, LanguageSwitch languageSwitch) {
        super(languageSwitch);
        this.contacts = contacts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        EmailChangePreview preview = contacts.preview(token);
        if (preview.state() != EmailChangePreview.State.OPEN) {
            event.rerouteToError(new ClosedEmailChange(preview.state()), preview.state().name());
            return;
        }
        content.removeAll();
        Paragraph what = new Paragraph(getTranslation("contact.confirm.text", preview.currentEmail(),
                preview.newEmail(), preview.organization()));
        what.setId("confirm-email-text");
        Button confirm = new Button(getTranslation("contact.confirm.button"), click -> {
            if (!InputRefusals.of(this).rulesShownBy(what::setText).run(() -> contacts.confirm(token))) {
                return;
            }
            content.removeAll();
            Paragraph done = new Paragraph(getTranslation("contact.confirm.done", preview.newEmail()));
            done.setId("email-confirmed");
            content.add(new H2(getTranslation("contact.confirm.title")), done,
                    new Anchor(SecurityNavigation.signInHref(), getTranslation("invitation.to-sign-in")));
        });
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(new H2(getTranslation("contact.confirm.title")), what, confirm);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("contact.confirm.title");
    }
}
