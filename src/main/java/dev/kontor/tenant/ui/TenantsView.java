package dev.kontor.tenant.ui;

import com.vaadin.flow.component.Component;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.base.ui.WindowWidth;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.kontor.base.ui.FormRules;
import dev.kontor.tenant.NodeRights;
import dev.kontor.tenant.TreeFilter;
import dev.kontor.tenant.TreeNode;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * The organization tree below the signed-in person: a partner with its own tenants and the customers that let it
 * manage theirs, a customer account with its tenants, or, inside an access session, that customer's tree. Children
 * are fetched when a node opens; a search opens the path to every match. The selected node's actions sit above the
 * tree and show only what the person may do there.
 */
@Route("tenants")
@Menu(title = "nav.tenants", order = 30, icon = "vaadin:sitemap")
@RolesAllowed({Roles.LEGAL_REPRESENTATIVE, Roles.PARTNER_ADMINISTRATOR, Roles.PARTNER_EMPLOYEE, Roles.MANAGER,
        Roles.TENANT_ADMINISTRATOR})
public class TenantsView extends VerticalLayout implements HasDynamicTitle {

    private final TenantDialogServices services;
    private final Paragraph noneBelow = new Paragraph();
    /** Below this window width (a phone) the tree shows only the name and the administrators. */
    private final TreeGrid<TreeNode> tree = new TreeGrid<>();
    private final TenantTreeDataProvider data;
    private final TextField search = new TextField();
    private final Div actions = new Div();
    private final Span selection = new Span();
    private final Div noMatch = new Div();
    private TreeFilter filter = TreeFilter.NONE;
    /** The selected node's name and its actions, above the tree. */
    private final Div toolbar = new Div();
    private TreeNode dragged;

    public TenantsView(TenantDialogServices services, OrganizationService organizations) {
        this.services = services;
        this.data = new TenantTreeDataProvider(services.tree());
        setId("tenants-view");
        // on a phone the tree keeps what matters there (the name, whether it is ready for handover), not a row that
        // must be scrolled sideways to be read
        WindowWidth.follow(this, this::fitColumns);
        setSizeFull();

        Div heading = new Div(new H2(getTranslation("tenant.title")));
        heading.addClassName("section-heading");
        Div headingButtons = new Div();
        headingButtons.addClassName("section-buttons");
        if (services.tree().defaultMaster().isPresent()) {
            Button create = new Button(getTranslation("tenant.new"), VaadinIcon.PLUS.create(),
                    click -> openNewTenant(null));
            create.setId("new-tenant");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            headingButtons.add(create);
        }
        heading.add(headingButtons);

        search.setId("tenant-search");
        // a visible label, not a placeholder that vanishes while typing (and is cut off on a phone)
        search.setLabel(getTranslation("tenant.search"));
        search.setWidth("min(22rem, 100%)");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(FormRules.FILTER_MAX_LENGTH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> applySearch(event.getValue()));

        List<TreeNode> roots = services.tree().roots();
        // the sentence about customers' tenants concerns partners only; a customer's manager has no partner view here
        boolean partnerTree = roots.stream().anyMatch(root -> root.kind() == OrganizationKind.PARTNER);
        // someone who may manage nothing here (a partner's employee) is told only what they can do: log in
        boolean managesSome = services.tree().defaultMaster().isPresent();
        Paragraph hint = new Paragraph(!managesSome ? getTranslation("tenant.hint.log-in-only")
                : getTranslation("tenant.hint") + (partnerTree ? " " + getTranslation("tenant.hint.partner") : ""));
        hint.setId("tenant-hint");
        hint.addClassName("section-explanation");
        // in a customer's account without tenants there is nothing to select: the page says so, and who creates them
        hint.setVisible(managesSome || services.accessSession().isEmpty()
                || roots.stream().anyMatch(root -> root.children() > 0));
        noneBelow.setId("no-tenants");
        noneBelow.addClassName("empty-state");
        showNoneBelow(roots);

        selection.setId("tenant-selection");
        selection.addClassName("selection-label");
        actions.setId("tenant-actions");
        actions.addClassName("section-buttons");
        toolbar.add(selection, actions);
        toolbar.addClassName("tree-toolbar");

        // the roots stay in the tree whatever the search, so the grid's own empty text would never show
        noMatch.setId("tenant-no-match");
        noMatch.addClassName("empty-state");
        noMatch.setVisible(false);

        configureTree();
        add(heading, hint, awaitingApproval(organizations), noneBelow, search, noMatch, toolbar, tree);
        FormRules.explainConstraints(search);
        setFlexGrow(1, tree);
        showActions(null);
        // one's own organizations open at once: their children are what one comes here for
        tree.expand(services.tree().roots());
    }

    /**
     * The tenants this person has accepted to administer and waits to be approved for: they are not in the tree yet,
     * and an empty tree or "no tenants yet" must not read as if the invitation had failed.
     */
    private Component awaitingApproval(OrganizationService organizations) {
        Div area = new Div();
        area.setId("awaiting-approval");
        organizations.myMembershipsAwaitingApproval().stream()
                .filter(waiting -> waiting.role() == MembershipRole.TENANT_ADMINISTRATOR)
                .forEach(waiting -> {
                    Paragraph note = new Paragraph(getTranslation("dashboard.awaiting-approval.TENANT_ADMINISTRATOR",
                            waiting.name()));
                    note.setId("awaiting-approval-" + waiting.organizationId());
                    note.addClassName("hint");
                    area.add(note);
                });
        area.setVisible(area.getComponentCount() > 0);
        return area;
    }

    private void configureTree() {
        tree.setId("tenant-tree");
        tree.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        tree.setDataProvider(data);
        tree.addComponentHierarchyColumn(this::nameCell).setHeader(getTranslation("tenant.column.name"))
                .setKey("name").setWidth("16rem").setFlexGrow(3);
        tree.addColumn(TreeNode::reference).setHeader(getTranslation("tenant.column.reference")).setKey("reference")
                .setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(this::typeText).setHeader(getTranslation("tenant.column.type")).setKey("type").setAutoWidth(true)
                .setFlexGrow(0);
        tree.addColumn(node -> node.edition() == null ? "" : getTranslation("tenant.edition." + node.edition()))
                .setHeader(getTranslation("tenant.column.edition")).setKey("edition").setAutoWidth(true).setFlexGrow(0);
        tree.addComponentColumn(this::administratorsCell).setHeader(getTranslation("tenant.column.administrators"))
                .setKey("administrators").setWidth("11rem").setFlexGrow(1);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(Moments.zone());
        tree.addColumn(node -> date.format(node.createdAt())).setHeader(getTranslation("tenant.column.created"))
                .setKey("created")
                .setAutoWidth(true).setFlexGrow(0);
        tree.setEmptyStateText(getTranslation("tenant.empty"));
        tree.asSingleSelect().addValueChangeListener(event -> showActions(event.getValue()));
        // a tenant dragged onto another node moves below it (the Move dialog does the same by keyboard)
        tree.setRowsDraggable(true);
        tree.setDropMode(GridDropMode.ON_TOP);
        tree.setDragFilter(TreeNode::isTenant);
        tree.addDragStartListener(event -> dragged = event.getDraggedItems().stream().findFirst().orElse(null));
        tree.addDragEndListener(event -> dragged = null);
        tree.addDropListener(event -> event.getDropTargetItem().ifPresent(target -> moveByDrop(dragged, target)));
    }

    void fitColumns(int windowWidth) {
        boolean narrow = WindowWidth.isNarrow(windowWidth);
        for (String key : List.of("reference", "type", "edition", "created")) {
            tree.getColumnByKey(key).setVisible(!narrow);
        }
        tree.getColumnByKey("name").setWidth(narrow ? "12rem" : "16rem");
        tree.getColumnByKey("administrators").setWidth(narrow ? "9.5rem" : "11rem");
    }

    private Component nameCell(TreeNode node) {
        Span name = new Span(node.name());
        // the tree toggle around the name would open or close the node on every click and never select it; a click
        // on the name selects (and shows what one can do), only the chevron opens and closes
        name.getElement().addEventListener("click", click -> select(node)).stopPropagation();
        name.addClassName("tree-node-name");
        if (filter.matches().contains(node.id())) {
            name.addClassName("search-match");
        }
        return name;
    }

    void select(TreeNode node) {
        tree.asSingleSelect().setValue(node);
    }

    private String typeText(TreeNode node) {
        if (node.isTenant()) {
            return getTranslation("tenant.type." + node.type());
        }
        return getTranslation("tenant.kind." + node.kind());
    }

    private Component administratorsCell(TreeNode node) {
        if (!node.isTenant()) {
            return new Span();
        }
        Span count = new Span(String.valueOf(node.administrators()));
        if (node.readyForHandover()) {
            return count;
        }
        Span notReady = new Span(getTranslation("tenant.not-ready"));
        notReady.getElement().getThemeList().add("badge error small");
        notReady.setTitle(getTranslation("tenant.not-ready.explained"));
        Div cell = new Div(count, notReady);
        cell.addClassName("cell-with-badge");
        return cell;
    }

    /** A tree of one's own organizations without a single tenant below them says how the first one comes. */
    private void showNoneBelow(List<TreeNode> roots) {
        Optional<TreeNode> firstMaster = services.tree().defaultMaster();
        boolean none = roots.stream().allMatch(root -> root.children() == 0);
        firstMaster.ifPresent(master -> noneBelow.setText(getTranslation("tenant.none-below", master.name())));
        // a partner in the account without the right to manage its tenants: the customer creates them, or grants it
        boolean noneForReader = firstMaster.isEmpty() && none && services.accessSession().isPresent()
                && !roots.isEmpty();
        if (noneForReader) {
            noneBelow.setText(getTranslation("tenant.none.in-access", roots.getFirst().name(),
                    getTranslation("right.MANAGE_TENANTS")));
        }
        noneBelow.setVisible((firstMaster.isPresent() && none) || noneForReader);
    }

    private void applySearch(String text) {
        filter = services.tree().search(text);
        tree.setEmptyStateText(getTranslation(filter.isActive() ? "tenant.no-match" : "tenant.empty"));
        data.filter(filter);
        showNoMatch(text);
        tree.expand(filter.isActive() ? filter.toExpand() : services.tree().roots());
    }

    private void showNoMatch(String text) {
        noMatch.removeAll();
        boolean none = filter.isActive() && filter.matches().isEmpty();
        noMatch.setVisible(none);
        // the roots stay in the tree whatever the search: shown beside "no tenant matches", they read as a match
        tree.setVisible(!none);
        toolbar.setVisible(!none);
        if (none) {
            Button clear = new Button(getTranslation("tenant.search.clear"), click -> {
                search.clear();
                search.focus();
            });
            clear.setId("tenant-search-clear");
            clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            noMatch.add(new Span(getTranslation("tenant.search.none", text.strip())), clear);
        }
    }

    private void showActions(TreeNode node) {
        actions.removeAll();
        if (node == null) {
            selection.setText(getTranslation("tenant.select-hint"));
            return;
        }
        selection.setText(getTranslation("tenant.selected", node.name()));
        NodeRights rights = services.tree().rightsFor(node.id());
        if (rights.createBelow()) {
            Button below = new Button(getTranslation("tenant.new-below"), VaadinIcon.PLUS.create(),
                    click -> openNewTenant(node));
            below.setId("new-tenant-below");
            actions.add(below);
        }
        if (node.isTenant() && rights.view()) {
            actions.add(logInLink(node.id()));
        }
        if (node.isTenant() && rights.manage()) {
            Button administrator = new Button(getTranslation("tenant.admin.add"), VaadinIcon.USER_STAR.create(),
                    click -> new AddAdministratorDialog(services.administrators(), node.id(), node.name(),
                            node.administrators(), this::reload).open());
            administrator.setId("add-administrator");
            Button move = new Button(getTranslation("tenant.move"), VaadinIcon.ARROWS.create(),
                    click -> new MoveTenantDialog(services, node, this::reload).open());
            move.setId("move-tenant");
            actions.add(administrator, move);
            if (rights.copyFromMaster()) {
                Button copy = new Button(getTranslation("tenant.copy"), VaadinIcon.COPY.create(),
                        click -> new CopyContentDialog(services, node).open());
                copy.setId("copy-content");
                actions.add(copy);
            }
        }
    }

    /** A real link into a new tab: no pop-up blocker stands in its way, and it works with the keyboard. */
    private Anchor logInLink(long tenantId) {
        Anchor logIn = new Anchor(TenantLinks.logIn(tenantId, services.accessSession()), "");
        logIn.setTarget(AnchorTarget.BLANK);
        logIn.setRouterIgnore(true);
        logIn.add(VaadinIcon.SIGN_IN.create(), new Span(getTranslation("tenant.log-in")));
        logIn.setId("log-in-tenant");
        logIn.addClassName("button-link");
        logIn.getElement().setAttribute("aria-label", getTranslation("tenant.log-in.new-tab"));
        return logIn;
    }

    private void openNewTenant(TreeNode master) {
        Optional<TreeNode> chosen = master != null ? Optional.of(master) : services.tree().defaultMaster();
        new NewTenantDialog(services, chosen.orElse(null), created -> reload()).open();
    }

    /** Moves the dragged tenant below the node it was dropped on; a refusal says why, as the dialog would. */
    void moveByDrop(TreeNode tenant, TreeNode target) {
        if (tenant == null || !tenant.isTenant() || tenant.id() == target.id()) {
            return;
        }
        if (!InputRefusals.of(this).rulesAsNotice()
                .run(() -> services.structure().move(tenant.id(), target.id(), tenant.version()))) {
            return;
        }
        Notices.success(getTranslation("tenant.move.done", tenant.name(), target.name()));
        reload();
    }

    private void reload() {
        showNoneBelow(services.tree().roots());
        TreeNode selected = tree.asSingleSelect().getValue();
        applySearch(search.getValue());
        if (selected != null) {
            tree.asSingleSelect().clear();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenant.title");
    }
}
