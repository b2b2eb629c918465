package dev.kontor.provider.ui;

import dev.kontor.user.Callers;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationService;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Someone who signed in before the provider suspended their partner still carries its roles until they sign in
 * again; the partner's pages then say why there is nothing for them, instead of failing. (The services refuse them
 * anyway: a suspended partner's memberships grant nothing.)
 */
@Component
class SuspendedPartnerPages implements VaadinServiceInitListener {

    /** The partner staff's pages, by address (their classes are the partner and access features' own). */
    private static final Set<String> PARTNER_PAGES = Set.of("partner/customers", "partner/my-customers",
            "partner/profile", "partner/requests");

    private final OrganizationService organizations;

    private final Callers callers;

    SuspendedPartnerPages(OrganizationService organizations, Callers callers) {
        this.callers = callers;
        this.organizations = organizations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (!(PARTNER_PAGES.contains(path) || path.startsWith("access/")) || callers.person().isEmpty()) {
            return;
        }
        if (organizations.myOrganizationsOfKind(OrganizationKind.PARTNER).isEmpty()
                && organizations.memberOfInactive(OrganizationKind.PARTNER)) {
            event.rerouteToError(new RuleViolation("partner.suspended-by-provider"), "");
        }
    }
}
