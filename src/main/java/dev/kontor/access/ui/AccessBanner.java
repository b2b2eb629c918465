package dev.kontor.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.shared.Registration;
import dev.kontor.partner.ui.PartnerNavigation;
import dev.kontor.access.AccessSessions;
import dev.kontor.access.AccessWatch;
import dev.kontor.access.CurrentAccess;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.kontor.base.PageBanner;
import dev.kontor.base.ui.LineBreaks;
import dev.kontor.base.ui.StartPage;
import dev.kontor.user.Roles;
import java.util.List;
import java.util.Optional;

/**
 * "You are working in … (CN-…) for …" with Leave account, on every page of a tab that is in an access session; and,
 * once the session has ended by itself (idle, rights revoked), a banner on the next page that says why, once.
 */
@SpringComponent
class AccessBanner implements PageBanner {

    private final AccessSessions sessions;
    private final AccessWatch watch;
    private final AuthenticationContext authentication;

    AccessBanner(AccessSessions sessions, AccessWatch watch, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.watch = watch;
        this.authentication = authentication;
    }

    @Override
    public Optional<Component> banner() {
        UI ui = UI.getCurrent();
        Optional<CurrentAccess> current = sessions.current();
        if (current.isPresent()) {
            CurrentAccess access = current.get();
            // on a phone the banner wraps: the customer number stays whole ("(CN-" on one line reads as another number)
            Span text = LineBreaks.keepingWhole(ui.getTranslation("access.banner", access.customerName(),
                    access.customerNumber(), access.partnerName()) + (access.reason() == null ? ""
                    : " · " + ui.getTranslation("access.banner.reason", access.reason())),
                    "(" + access.customerNumber() + ")");
            text.setId("access-banner-text");
            // leaving ends the session, which the banner's watch would answer by building this page anew: that page,
            // about to be replaced, would take the "you have left" notice meant for the page the tab lands on
            boolean[] leaving = {false};
            boolean seesAllCustomers = authentication.hasAnyRole(Roles.LEGAL_REPRESENTATIVE,
                    Roles.PARTNER_ADMINISTRATOR);
            Button leave = new Button(ui.getTranslation("access.leave"), VaadinIcon.SIGN_OUT_ALT.create(), click -> {
                leaving[0] = true;
                sessions.leave();
                // a fresh page: nothing of the customer's account stays on screen or in this tab's state
                ui.getPage().setLocation(PartnerNavigation.customersHref(seesAllCustomers));
            });
            leave.setId("leave-account");
            leave.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            Div banner = new Div(VaadinIcon.EXCHANGE.create(), text, leave);
            banner.setId("access-banner");
            banner.addClassName("access-banner");
            banner.getElement().setAttribute("role", "status");
            followEnd(banner, access, () -> leaving[0], seesAllCustomers);
            return Optional.of(banner);
        }
        String location = ui.getInternals().getActiveViewLocation().getPathWithQueryParameters();
        Optional<Component> endedHere = sessions.endReason().filter(reason -> sessions.endNoticeDue(location))
                .map(reason -> ended(ui.getTranslation("access.ended." + reason)));
        if (endedHere.isPresent()) {
            return endedHere;
        }
        // the page a person lands on after Leave account says which account they left, once
        Optional<Component> left = sessions.justLeft().map(account -> {
            Div said = ended(ui.getTranslation("access.left", account.get(0), account.get(1)));
            said.setId("access-left");
            return said;
        });
        if (left.isPresent()) {
            return left;
        }
        // a session whose page could not be recognized after a reload ended with that page: the next page says so
        List<String> endedWithTheirTabs = sessions.endedWithTheirTabs();
        return endedWithTheirTabs.isEmpty() ? Optional.empty()
                : Optional.of(ended(ui.getTranslation("access.ended.tab-unrecognized",
                        String.join(", ", endedWithTheirTabs))));
    }

    private static Div ended(String why) {
        Div ended = new Div(new Span(why));
        ended.setId("access-ended");
        ended.addClassNames("access-banner", "access-ended");
        ended.getElement().setAttribute("role", "status");
        return ended;
    }

    /**
     * While the banner is shown, a change to the session or its partnership on any node (the customer revoked the
     * partnership, say) has the page check at once: once the session no longer stands, or stands with other rights,
     * the customer's data leaves the screen: with other rights the page is built anew under them, and once the session
     * has ended the tab goes back to the partner's customers (or the start page), where the banner says why.
     */
    private void followEnd(Div banner, CurrentAccess shown, java.util.function.BooleanSupplier leaving,
            boolean seesAllCustomers) {
        banner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Registration following = watch.watch(shown.sessionId(), () -> ui.access(() -> {
                Optional<CurrentAccess> now = sessions.current();
                // a banner that has left the screen meanwhile watched a page the person has gone on from (the page
                // that noticed the end, by refusing, is the one on screen and says why itself)
                if (leaving.getAsBoolean() || !banner.isAttached()
                        || now.isPresent() && now.get().rights().equals(shown.rights())) {
                    return;
                }
                // a dialog belongs to the UI, not to the page: a new page would leave it open on top, with the
                // customer's data it was opened with
                closeDialogs(ui);
                if (now.isEmpty()) {
                    // the session is over, so the account's page would only be refused (and that refusal audited as
                    // if the partner had tried to open it): the tab goes back to where they came from, whose banner
                    // says why; or, when the end was over their place at the partner, whose pages may refuse them
                    // too, to the start page
                    if (sessions.endReason().map(AccessSessions::partnerPagesRemainAfter).orElse(true)) {
                        PartnerNavigation.toCustomers(ui, seesAllCustomers);
                    } else {
                        StartPage.open(ui);
                    }
                } else {
                    ui.refreshCurrentRoute(true);
                }
            }));
            banner.addDetachListener(detach -> {
                following.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void closeDialogs(UI ui) {
        ui.getChildren().toList().forEach(child -> {
            if (child instanceof Dialog dialog) {
                dialog.close();
            } else if (child instanceof ConfirmDialog confirm) {
                confirm.close();
            }
        });
    }

    @Override
    public Optional<String> titlePrefix() {
        return sessions.current().map(access -> access.customerName() + " (" + access.customerNumber() + ")");
    }
}
