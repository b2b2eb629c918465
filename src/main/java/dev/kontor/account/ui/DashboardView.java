package dev.kontor.account.ui;

import dev.kontor.base.ui.LabelInName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.kontor.access.AccessSessions;
import dev.kontor.access.CurrentAccess;
import dev.kontor.account.AccountCard;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.account.ServiceInfo;
import dev.kontor.base.SignedInPerson;
import dev.kontor.base.ui.FormRules;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MyOrganization;
import dev.kontor.organization.OrganizationService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;

/**
 * The start page: a card for every customer account the signed-in person manages (number, name, services, contact
 * person, their role, and Edit data), filterable by number or name and loaded page by page. The address
 * {@code /accounts/CN-…} opens the account data dialog over it, so that the dialog can be linked to.
 */
@Route("")
@RouteAlias(DashboardView.ACCOUNT_ROUTE)
@Menu(title = "nav.dashboard", order = 0, icon = "vaadin:dashboard")
@PermitAll
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CUSTOMER_NUMBER = "customerNumber";
    static final String ACCOUNT_ROUTE = "accounts/:" + CUSTOMER_NUMBER;
    /** The query parameter naming where in the account's dialog it opens, and its one value. */
    static final String OPEN_AT = "at";
    static final String AT_CONFIRMATION = "confirmation";
    static final int PAGE_SIZE = 24;
    static final int FILTER_FROM = 6;

    private final AccountDialogServices dialogServices;
    private final AccountService accounts;
    private final TextField filter = new TextField();
    private final Div cards = new Div();
    private final Button showMore = new Button();
    private final Paragraph empty = new Paragraph();
    private final Paragraph intro = new Paragraph();
    private final Div nextSteps = new Div();
    private List<MyOrganization> awaitingApproval;
    private int loadedPages;
    private Optional<CurrentAccess> inAccess = Optional.empty();
    private final transient org.springframework.beans.factory.ObjectProvider<dev.kontor.base.MenuEntryFilter> menuFilters;
    /** Whether the person has a role besides managing accounts: then that role's pages lead, not "no account". */
    private boolean otherRole;
    private AccountDataDialog openDialog;

    public DashboardView(AccountDialogServices dialogServices, OrganizationService organizations,
                         AuthenticationContext authenticationContext, AccessSessions access,
                         org.springframework.beans.factory.ObjectProvider<dev.kontor.base.MenuEntryFilter> menuFilters) {
        this.dialogServices = dialogServices;
        this.menuFilters = menuFilters;
        this.accounts = dialogServices.accounts();
        setId("dashboard");
        addClassName("dashboard");

        String name = authenticationContext.getAuthenticatedUser(SignedInPerson.class)
                .map(SignedInPerson::displayName).orElse("");
        H2 greeting = new H2(getTranslation("dashboard.greeting", name));
        greeting.addClassName("dashboard-greeting");
        intro.setText(getTranslation("dashboard.intro"));
        intro.addClassName("dashboard-intro");

        filter.setId("account-filter");
        filter.setLabel(getTranslation("dashboard.filter"));
        filter.setPlaceholder(getTranslation("dashboard.filter-placeholder"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setMaxLength(FormRules.FILTER_MAX_LENGTH);
        filter.setWidth("min(22rem, 100%)");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(event -> reload());
        filter.setVisible(false);

        cards.setId("account-cards");
        cards.addClassName("account-cards");
        showMore.setText(getTranslation("dashboard.show-more"));
        showMore.setId("show-more-accounts");
        showMore.addClickListener(event -> loadNextPage());
        empty.addClassName("dashboard-empty");
        empty.setId("no-accounts");
        nextSteps.setId("next-steps");
        nextSteps.setVisible(false);

        this.inAccess = access.current();
        if (inAccess.isPresent()) {
            // inside a customer's account the page is about that account: its card, not the partner user's own
            // accounts (they manage none, which would contradict the banner)
            this.awaitingApproval = List.of();
            CurrentAccess current = inAccess.get();
            intro.setText(getTranslation("access.dashboard.intro", current.customerName()));
            add(greeting, intro, cards);
            reload();
            return;
        }
        this.awaitingApproval = organizations.myMembershipsAwaitingApproval();
        add(greeting, intro, otherRoles(organizations), awaitingApproval(), filter, cards, empty, nextSteps,
                showMore);
        FormRules.explainConstraints(filter);
        reload();
    }

    /** The card of the account this tab works in: read through the service, with the session's rights. */
    private Component accessedCard(CurrentAccess current) {
        AccountDetails details = accounts.details(new CustomerNumber(current.customerNumber()));
        AccountCard account = new AccountCard(details.accountId(), details.customerNumber(),
                details.masterData().companyName(), details.services(),
                details.contactPerson().map(Member::displayName).orElse(null), false, details.confirmationOverdue());
        String rights = current.rights().stream().sorted().map(right -> getTranslation("right." + right))
                .collect(java.util.stream.Collectors.joining(", "));
        // with rights to see the account only, its dialog changes nothing: the button says what it does
        Card card = cardFor(account, getTranslation("access.dashboard.role", current.partnerName(), rights),
                "open-accessed-account", details.viewerMayChangeSomething() ? "dashboard.edit-data"
                        : "dashboard.view-data");
        card.addClassName("accessed-account");
        return card;
    }

    /**
     * Per account (or tenant) the person has accepted and waits for approval in: which one, and who decides. Without
     * it a person whose only membership waits would read that they manage no account, as if the invitation had failed.
     */
    private Component awaitingApproval() {
        Div area = new Div();
        area.setId("awaiting-approval");
        area.setVisible(!awaitingApproval.isEmpty());
        for (MyOrganization waiting : awaitingApproval) {
            Paragraph note = new Paragraph(getTranslation("dashboard.awaiting-approval." + waiting.role(),
                    waiting.customerNumber() == null ? waiting.name()
                            : waiting.name() + " (" + waiting.customerNumber() + ")"));
            note.setId("awaiting-approval-" + waiting.organizationId());
            note.addClassName("hint");
            area.add(note);
        }
        return area;
    }

    private Component otherRoles(OrganizationService organizations) {
        List<MyOrganization> roles = organizations.myOrganizations(PageRequest.of(0, 20)).getContent().stream()
                .filter(o -> o.role() != MembershipRole.MANAGER).toList();
        Div area = new Div();
        area.setId("other-roles");
        area.addClassName("other-roles");
        area.setVisible(!roles.isEmpty());
        otherRole = !roles.isEmpty();
        for (MyOrganization role : roles) {
            String text = getTranslation("membership.role." + role.role()) + " · " + role.name();
            // a tenant's administrator goes from the badge to the tenant's page (the tenant checks access as always)
            com.vaadin.flow.component.HtmlContainer tag = role.role() == MembershipRole.TENANT_ADMINISTRATOR
                    ? new com.vaadin.flow.component.html.Anchor("tenant/" + role.organizationId(), text)
                    : new Span(text);
            tag.addClassName("tag");
            area.add(tag);
        }
        return area;
    }

    void reload() {
        cards.removeAll();
        if (inAccess.isPresent()) {
            // after a change in the dialog, the card shows the account as it is now
            cards.add(accessedCard(inAccess.get()));
            return;
        }
        loadedPages = 0;
        loadNextPage();
    }

    private void loadNextPage() {
        Slice<AccountCard> page = accounts.myAccounts(filter.getValue(), PageRequest.of(loadedPages, PAGE_SIZE));
        loadedPages++;
        page.getContent().forEach(card -> cards.add(cardFor(card, getTranslation("membership.role.MANAGER")
                + (card.viewerIsContactPerson() ? " · " + getTranslation("account.contact-person") : ""), null,
                "dashboard.edit-data")));
        showMore.setVisible(page.hasNext());
        // a filter helps people with many accounts; for a handful it is only clutter
        if (page.hasNext() || cards.getComponentCount() > FILTER_FROM) {
            filter.setVisible(true);
        }
        boolean none = cards.getChildren().findAny().isEmpty();
        // "your customer accounts" above an empty page confuses; say where this person's work is instead
        boolean noAccountsAtAll = none && filter.isEmpty() && inAccess.isEmpty();
        // someone who waits for approval has an account coming: the waiting notes say which, not "no account"
        boolean waits = noAccountsAtAll && !awaitingApproval.isEmpty();
        // "You do not manage any customer account" is news only to whom managing accounts is the work
        empty.setVisible(none && !waits && !(noAccountsAtAll && otherRole));
        empty.setText(getTranslation(filter.isEmpty() ? "dashboard.no-accounts" : "dashboard.no-match"));
        intro.setVisible(!noAccountsAtAll);
        if (noAccountsAtAll && !waits && !nextSteps.isVisible()) {
            showNextSteps();
        }
    }

    /** The other pages this person may open (the menu's entries), or how an account comes to them at all. */
    private void showNextSteps() {
        nextSteps.removeAll();
        // the same entries as the side menu, so that the start page never offers a page the menu leaves out
        List<MenuEntry> elsewhere = dev.kontor.base.ui.MenuEntries.shown(menuFilters).stream()
                .filter(entry -> entry.menuClass() != null && entry.menuClass() != DashboardView.class).toList();
        if (elsewhere.isEmpty()) {
            Paragraph invited = new Paragraph(getTranslation("dashboard.no-accounts.invited"));
            invited.addClassName("empty-state");
            nextSteps.add(invited);
        } else {
            Paragraph where = new Paragraph(getTranslation("dashboard.no-accounts.elsewhere"));
            where.addClassName("empty-state");
            Div links = new Div();
            links.addClassName("next-steps");
            for (MenuEntry entry : elsewhere) {
                @SuppressWarnings("unchecked")
                RouterLink link = new RouterLink(getTranslation(entry.title()),
                        (Class<? extends Component>) entry.menuClass());
                link.addClassName("button-link");
                links.add(link);
            }
            nextSteps.add(where, links);
        }
        nextSteps.setVisible(true);
    }

    private Card cardFor(AccountCard account, String viewersRole, String editButtonId, String openKey) {
        Card card = new Card();
        card.addClassName("account-card");
        card.setId("account-" + account.customerNumber());
        card.setTitle(account.name(), 3);
        card.setSubtitle(account.customerNumber());

        Div services = new Div();
        services.addClassName("service-tags");
        if (account.services().isEmpty()) {
            services.add(new Span(getTranslation("dashboard.no-services")));
        }
        for (ServiceInfo service : account.services()) {
            Span tag = new Span(service.name());
            tag.addClassNames("tag", "tag-" + service.kind().name().toLowerCase(java.util.Locale.ROOT));
            tag.setTitle(getTranslation("service.kind." + service.kind()));
            services.add(tag);
        }

        Div contact = new Div();
        contact.addClassName("card-line");
        contact.add(label("dashboard.contact-person"), new Span(Optional.ofNullable(account.contactPersonName())
                .orElse(getTranslation("account.contact-person.none"))));
        Div role = new Div();
        role.addClassName("card-line");
        role.add(label("dashboard.your-role"), new Span(viewersRole));
        card.add(services, contact, role);
        if (account.confirmationOverdue()) {
            // the mark asks for something: it leads to where that is done, not only to the dialog's first field
            Button overdue = new Button(getTranslation("dashboard.confirmation-overdue"),
                    VaadinIcon.EXCLAMATION_CIRCLE_O.create(),
                    click -> AccountNavigation.toConfirmation(UI.getCurrent(), account.customerNumber()));
            overdue.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_WARNING);
            overdue.addClassName("confirmation-due");
            overdue.setId("confirm-due-" + account.customerNumber());
            overdue.setAriaLabel(LabelInName.of(getTranslation("dashboard.confirmation-overdue"),
                    LabelInName.organization(account.name(), account.customerNumber())));
            card.add(overdue);
        }

        Button edit = new Button(getTranslation(openKey),
                ("dashboard.view-data".equals(openKey) ? VaadinIcon.EYE : VaadinIcon.EDIT).create(),
                click -> AccountNavigation.toAccount(UI.getCurrent(), account.customerNumber()));
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.addClassName("edit-data");
        // by its account, so that a client without a browser (the load test) finds each card's button
        edit.setId(editButtonId != null ? editButtonId : "edit-" + account.customerNumber());
        edit.setAriaLabel(LabelInName.of(getTranslation(openKey),
                LabelInName.organization(account.name(), account.customerNumber())));
        card.addToFooter(edit);
        return card;
    }

    private Span label(String key) {
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassName("card-label");
        return label;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> number = event.getRouteParameters().get(CUSTOMER_NUMBER);
        if (number.isEmpty()) {
            closeDialog();
            return;
        }
        Optional<CustomerNumber> customerNumber = CustomerNumber.parse(number.get());
        if (customerNumber.isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        closeDialog();
        // refused (and audited) by the service when the person has no right to the account
        boolean atConfirmation = event.getLocation().getQueryParameters().getSingleParameter(OPEN_AT)
                .filter(AT_CONFIRMATION::equals).isPresent();
        openDialog = new AccountDataDialog(dialogServices, customerNumber.get(), this::afterChange,
                () -> AccountNavigation.toDashboard(UI.getCurrent()), atConfirmation);
        openDialog.open();
    }

    private void afterChange() {
        reload();
    }

    private void closeDialog() {
        if (openDialog != null) {
            openDialog.close();
            openDialog = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
