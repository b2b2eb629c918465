package dev.kontor.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.access.AccessSessions;
import dev.kontor.access.CurrentAccess;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.kontor.base.PageBanner;
import dev.kontor.user.Roles;
import java.util.Optional;

/**
 * "You are working in … (CN-…) for …" with Leave account, on every page of a tab that is in an access session; and,
 * once the session has ended by itself (idle, rights revoked), a banner on the next page that says why, once.
 */
@SpringComponent
class AccessBanner implements PageBanner {

    private final AccessSessions sessions;
    private final AuthenticationContext authentication;

    AccessBanner(AccessSessions sessions, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
    }

    @Override
    public Optional<Component> banner() {
        UI ui = UI.getCurrent();
        Optional<CurrentAccess> current = sessions.current();
        if (current.isPresent()) {
            CurrentAccess access = current.get();
            Span text = new Span(ui.getTranslation("access.banner", access.customerName(), access.customerNumber(),
                    access.partnerName()) + (access.reason() == null ? ""
                    : " · " + ui.getTranslation("access.banner.reason", access.reason())));
            text.setId("access-banner-text");
            Button leave = new Button(ui.getTranslation("access.leave"), VaadinIcon.SIGN_OUT_ALT.create(), click -> {
                sessions.leave();
                // a fresh page: nothing of the customer's account stays on screen or in this tab's state
                ui.getPage().setLocation(authentication.hasAnyRole(Roles.LEGAL_REPRESENTATIVE,
                        Roles.PARTNER_ADMINISTRATOR) ? "partner/customers" : "partner/my-customers");
            });
            leave.setId("leave-account");
            leave.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            Div banner = new Div(VaadinIcon.EXCHANGE.create(), text, leave);
            banner.setId("access-banner");
            banner.addClassName("access-banner");
            banner.getElement().setAttribute("role", "status");
            return Optional.of(banner);
        }
        return sessions.endReason().map(reason -> {
            Div ended = new Div(new Span(ui.getTranslation("access.ended." + reason)));
            ended.setId("access-ended");
            ended.addClassNames("access-banner", "access-ended");
            ended.getElement().setAttribute("role", "status");
            sessions.forgetEndedSession();
            return ended;
        });
    }

    @Override
    public Optional<String> titlePrefix() {
        return sessions.current().map(access -> access.customerName() + " (" + access.customerNumber() + ")");
    }
}
