package dev.kontor.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.SlowAction;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import dev.kontor.tenant.TenantDetails;
import dev.kontor.tenant.TenantService;
import dev.kontor.tenant.TenantType;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * A tenant's own workspace, opened by Log in in a tab of its own: the tenant's logo or name in the header, the role
 * one works in, its profile and readiness for handover, its administrators and settings. Whoever may not see the
 * tenant is refused (and the attempt audited) by the service, whatever the URL says.
 */
@Route("tenant/:tenantId")
@PermitAll
public class TenantWorkspaceView extends VerticalLayout implements BeforeEnterObserver,
        dev.kontor.base.ui.TitledByName {

    private final TenantDialogServices services;
    private final long reader;
    private final Div header = new Div();
    private TenantDetails tenant;
    private Long accessSession;

    public TenantWorkspaceView(TenantDialogServices services, dev.kontor.user.Callers callers) {
        this.services = services;
        this.reader = callers.requirePerson().userId();
        setId("tenant-workspace");
        addClassName("workspace");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get("tenantId").flatMap(TenantWorkspaceView::parseTenantId);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        accessSession = event.getLocation().getQueryParameters().getSingleParameter("via")
                .flatMap(TenantWorkspaceView::parseId).orElse(null);
        tenant = services.tenants().logIn(id.get(), accessSession);
        show();
    }

    private void show() {
        removeAll();
        Component logo = TenantLogoImage.of(tenant.name(), tenant.hasLogo()
                ? services.tenants().logo(tenant.id()) : Optional.empty());
        Span role = new Span(workingAs());
        role.addClassName("tenant-working-as");
        role.setTitle(role.getText());
        header.removeAll();
        header.add(logo, role);
        TenantTab.enter(getUI().orElseGet(com.vaadin.flow.component.UI::getCurrent),
                new TenantTab.Branding(tenant.name(), header));

        H2 title = dev.kontor.base.ui.TitledByName.oneLine(new H2(tenant.name()), tenant.name());
        title.setId("tenant-title");
        Div profile = new Div(fact("tenant.reference", reference()),
                fact("tenant.type", getTranslation("tenant.type." + tenant.type())),
                fact("tenant.edition", getTranslation("tenant.edition." + tenant.edition())),
                fact("tenant.master", tenant.master().label()), characterSetFact());
        profile.setId("tenant-profile");
        profile.addClassName("facts");
        add(title, profile);
        if (tenant.type() == TenantType.CUSTOM && tenant.needsConfiguration()) {
            Paragraph configuration = new Paragraph(getTranslation("tenant.needs-configuration"));
            configuration.setId("needs-configuration");
            configuration.addClassName("hint");
            add(configuration);
        }
        // read first: the administrators' rows mark who has no second factor and offer its reset
        dev.kontor.organization.ui.SecondFactorSection secondFactor = new dev.kontor.organization.ui
                .SecondFactorSection(services.secondFactors(), tenant.id(), tenant.name(), reader, this::reload);
        add(new TenantAdministratorsSection(services.administrators(), tenant, services.contacts().typesOfUsers(
                tenant.id(), services.administrators().list(tenant.id()).stream()
                        .map(dev.kontor.organization.Member::userId).toList()), secondFactor, reader, this::reload));
        add(secondFactor);
        dev.kontor.contact.ui.ContactsSection contacts = new dev.kontor.contact.ui.ContactsSection(
                services.contacts(), services.contactExport(), tenant.id(), () -> { });
        contacts.addClassName("card-section");
        add(contacts);
        if (tenant.mayManage()) {
            add(logoSection());
        }
        add(new TenantSettingsSection(services.tenants(), tenant, this::reload));
    }

    private Component logoSection() {
        Div section = new Div();
        section.setId("tenant-logo-section");
        section.addClassName("card-section");
        Button save = new Button(getTranslation("tenant.logo.save"));
        save.setId("save-logo");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        LogoField field = new LogoField("change-logo", getTranslation("tenant.logo.new"));
        field.onAccepted(accepted -> save.setEnabled(accepted));
        // saving an upload takes a moment: the button is off from the click until the server answers
        SlowAction.on(save, () -> field.logo().filter(bytes -> field.readyToSend()).map(bytes -> {
            if (InputRefusals.of(this).anyOtherIn(field).run(() -> services.tenants().changeLogo(tenant.id(), bytes))) {
                reload();
            } else {
                // the same file would be refused again: Save waits, off, for another one
                SlowAction.stop(save);
            }
            return true;
        }).orElse(false));
        Div buttons = new Div(save);
        buttons.addClassName("section-buttons");
        if (tenant.hasLogo()) {
            Button remove = new Button(getTranslation("tenant.logo.remove"), VaadinIcon.TRASH.create(), click -> {
                services.tenants().changeLogo(tenant.id(), null);
                reload();
            });
            remove.setId("remove-logo");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            buttons.add(remove);
        }
        section.add(new H3(getTranslation("tenant.logo")), field, buttons);
        return section;
    }

    private void reload() {
        tenant = services.tenants().details(tenant.id());
        show();
    }

    private String workingAs() {
        if (tenant.workingAs().role() == null) {
            return getTranslation("tenant.working-as.partner", tenant.workingAs().heldIn());
        }
        // the role as a sentence says it: "Working as tenant administrator" (German keeps its nouns capitalized)
        String role = getTranslation("membership.role.in-sentence." + tenant.workingAs().role());
        if (tenant.name().equals(tenant.workingAs().heldIn())) {
            // the strip stands beside the tenant's name already: the role alone, not the name again
            return getTranslation("tenant.working-as.here", role);
        }
        return getTranslation("tenant.working-as", role, tenant.workingAs().heldIn());
    }

    /**
     * "Character set UTF-8" alone read like a setting nobody explained: a standard tenant's is fixed, and says why;
     * a custom tenant's was chosen for the customer's systems, and says so.
     */
    private Component characterSetFact() {
        Div fact = fact("tenant.charset", tenant.characterSet());
        fact.setId("tenant-charset-fact");
        Span why = new Span(getTranslation(tenant.type() == TenantType.STANDARD ? "tenant.charset.standard"
                : "tenant.charset.custom-chosen"));
        why.addClassName("fact-note");
        fact.add(why);
        return fact;
    }

    private Div fact(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        Span text = new Span(value);
        text.addClassName("fact-value");
        Div fact = new Div(label, text);
        fact.addClassName("fact");
        return fact;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        TenantTab.leave(detachEvent.getUI());
        super.onDetach(detachEvent);
    }

    /** The tenant as people quote it everywhere else, "T-8". */
    private String reference() {
        return "T-" + tenant.id();
    }

    /** "T-8", as the tenant is shown everywhere, or the bare number that Log in links carry. */
    static Optional<Long> parseTenantId(String text) {
        return parseId(text.regionMatches(true, 0, "T-", 0, 2) ? text.substring(2) : text);
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        // the header names the tenant as people know it; the tab's title, which starts with the tenant's name (its
        // banner), does not repeat it (MainLayout)
        return tenant == null ? getTranslation("tenant.title") : tenant.name();
    }
}
