package dev.kontor.access.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import dev.kontor.partner.ui.AccountEntryPage;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.access.AccessEntrance;
import dev.kontor.access.AccessSessions;
import dev.kontor.base.ui.LineBreaks;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.StartPage;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.partner.PartnerMembership;
import dev.kontor.partner.PartnerService;
import dev.kontor.security.SignInFactors;
import dev.kontor.security.ui.SecurityNavigation;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Access account: before a partner user enters a customer's account, they may say why (a ticket number, say); the
 * reason goes into the banner and the audit log. The service decides whether they may enter at all.
 */
@Route("access/:" + AccountEntryPage.CUSTOMER_NUMBER)
@RolesAllowed({Roles.LEGAL_REPRESENTATIVE, Roles.PARTNER_ADMINISTRATOR, Roles.PARTNER_EMPLOYEE})
public class AccessStartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        AccountEntryPage {

    private final AccessSessions sessions;
    private final List<PartnerMembership> partners;
    private final TextField reason = new TextField();
    private final Paragraph question = new Paragraph();
    private CustomerNumber customer;

    public AccessStartView(AccessSessions sessions, PartnerService partnerService) {
        this.sessions = sessions;
        this.partners = partnerService.myPartners();
        setId("access-start");
        reason.setId("access-reason");
        reason.setLabel(getTranslation("access.reason"));
        reason.setHelperText(getTranslation("access.reason.help"));
        reason.setMaxLength(AccessSessions.REASON_MAX_LENGTH);
        reason.setWidth("min(30rem, 100%)");
        Button enter = SlowAction.on(new Button(getTranslation("access.enter")), this::enter);
        enter.setId("enter-account");
        enter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // one field, one action: Enter in the reason enters the account, and typing starts there
        enter.addClickShortcut(Key.ENTER).listenOn(reason);
        reason.focus();
        add(new H2(getTranslation("access.title")), question, reason, enter);
        FormRules.explainConstraints(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        customer = event.getRouteParameters().get(CUSTOMER_NUMBER).flatMap(CustomerNumber::parse).orElse(null);
        if (customer == null || partners.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        // refused (and audited) here already when the person may not enter this account at all
        AccessEntrance entrance = sessions.entrance(partners.getFirst().partnerId(), customer);
        String number = "(" + entrance.customerNumber() + ")";
        question.removeAll();
        question.add(LineBreaks.keepingWhole(getTranslation("access.question.named", entrance.customerName(),
                entrance.customerNumber()), number));
        if (entrance.reasonRequired()) {
            reason.setRequiredIndicatorVisible(true);
            reason.setHelperText(getTranslation("access.reason.required-help"));
        }
        if (!SignInFactors.secondFactorInThisSignIn()) {
            // first a second factor for this sign-in (set up, or a code for one set up since), then back here
            SecurityNavigation.forwardToSecurityPage(event, RouteConfiguration.forApplicationScope().getUrl(
                    AccessStartView.class, new RouteParameters(CUSTOMER_NUMBER, customer.value())));
        }
    }

    private boolean enter() {
        // the reason is all the person typed: every refusal is shown there
        if (!InputRefusals.of(this).anyOtherIn(reason)
                .run(() -> sessions.start(partners.getFirst().partnerId(), customer, reason.getValue()))) {
            return false;
        }
        // the dashboard with the banner and the account's card, not the account dialog over the banner: the person
        // sees first whose account they are in
        StartPage.open(UI.getCurrent());
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("access.title");
    }
}
