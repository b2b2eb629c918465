package dev.kontor.tenant;

import static dev.kontor.testing.Races.race;

import dev.kontor.testing.Races.Outcome;
import static dev.kontor.organization.OrganizationRight.ADMIN;
import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.TenantStructure;
import dev.kontor.testing.Fixtures;
import dev.kontor.tenant.TenantTestData.Customer;
import dev.kontor.tenant.TenantTestData.Partner;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tenant tree as each person sees it (roots, children page by page, the customers a partner manages, a search
 * that opens the way to its matches), moving tenants (paths of whole sub-trees rewritten) and names unique among
 * siblings. Every statement here is plain SQL that must behave alike on H2 and PostgreSQL: run on both by the
 * subclasses.
 */
abstract class TenantTreeScenarios {

    @Autowired
    TenantTree tree;

    @Autowired
    TenantService tenants;

    @Autowired
    TenantStructure structure;

    @Autowired
    AccessSessions sessions;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantTestData data;
    /** Vaadin holds the current UI weakly: the test keeps its browser tab, as a browser session would. */
    private UI tab;

    // --- roots and children

    @Test
    void a_partner_administrator_sees_the_partner_as_root_and_its_tenants_page_by_page() {
        Partner partner = data.partner();
        for (int i = 7; i >= 1; i--) {
            data.tenant(partner.id(), "Vorlage " + i);
        }

        fixtures.as(partner.adminEmail(), () -> {
            List<TreeNode> roots = tree.roots();
            assertThat(roots).singleElement().satisfies(root -> {
                assertThat(root.id()).isEqualTo(partner.id());
                assertThat(root.kind()).isEqualTo(OrganizationKind.PARTNER);
                assertThat(root.children()).isEqualTo(7);
                assertThat(root.readyForHandover()).isTrue();
            });
            assertThat(tree.countChildren(partner.id(), TreeFilter.NONE)).isEqualTo(7);
            assertThat(names(tree.children(partner.id(), TreeFilter.NONE, 0, 3)))
                    .containsExactly("Vorlage 1", "Vorlage 2", "Vorlage 3");
            assertThat(names(tree.children(partner.id(), TreeFilter.NONE, 3, 3)))
                    .containsExactly("Vorlage 4", "Vorlage 5", "Vorlage 6");
            assertThat(names(tree.children(partner.id(), TreeFilter.NONE, 6, 3))).containsExactly("Vorlage 7");
            assertThat(tree.children(partner.id(), TreeFilter.NONE, 9, 3)).isEmpty();
        });
    }

    @Test
    void children_are_sorted_by_name_regardless_of_case() {
        Customer customer = data.customer();
        data.tenant(customer.id(), "beta");
        data.tenant(customer.id(), "Alpha");
        data.tenant(customer.id(), "Gamma");

        assertThat(names(fixtures.as(customer.managerEmail(),
                () -> tree.children(customer.id(), TreeFilter.NONE, 0, 10)))).containsExactly("Alpha", "beta", "Gamma");
    }

    @Test
    void partner_leads_also_see_the_customers_that_let_them_manage_tenants_and_employees_do_not() {
        Partner partner = data.partner();
        long template = data.tenant(partner.id(), "Vorlage");
        Customer manages = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        Customer admin = data.customerOf(partner, EnumSet.of(VIEW, ADMIN));
        Customer viewOnly = data.customerOf(partner, EnumSet.of(VIEW));
        long shop = data.tenant(manages.id(), "Shop");
        data.tenant(viewOnly.id(), "Geheim");

        for (String lead : List.of(partner.adminEmail(), partner.legalEmail())) {
            fixtures.as(lead, () -> {
                List<TreeNode> children = tree.children(partner.id(), TreeFilter.NONE, 0, 50);
                // customer accounts first, then the partner's own tenants
                assertThat(children).extracting(TreeNode::id)
                        .containsExactlyInAnyOrder(manages.id(), admin.id(), template);
                assertThat(children.getLast().id()).isEqualTo(template);
                assertThat(children).filteredOn(node -> node.id() == manages.id()).singleElement()
                        .satisfies(node -> {
                            assertThat(node.kind()).isEqualTo(OrganizationKind.CUSTOMER);
                            assertThat(node.customerNumber()).isEqualTo(manages.number());
                            assertThat(node.children()).isOne();
                        });
                assertThat(tree.countChildren(partner.id(), TreeFilter.NONE)).isEqualTo(3);
                assertThat(tree.children(manages.id(), TreeFilter.NONE, 0, 50)).extracting(TreeNode::id)
                        .containsExactly(shop);
                assertThat(tree.countChildren(admin.id(), TreeFilter.NONE)).isZero();
            });
        }
        fixtures.as(partner.employeeEmail(), () -> {
            assertThat(tree.roots()).extracting(TreeNode::id).containsExactly(partner.id());
            assertThat(tree.children(partner.id(), TreeFilter.NONE, 0, 50)).extracting(TreeNode::id)
                    .containsExactly(template);
            assertThat(tree.countChildren(partner.id(), TreeFilter.NONE)).isOne();
            assertThatThrownBy(() -> tree.children(manages.id(), TreeFilter.NONE, 0, 50))
                    .isInstanceOf(AccessRefused.class);
        });
    }

    @Test
    void a_partner_root_shows_it_has_children_when_it_only_manages_customers_tenants() {
        Partner partner = data.partner();
        Customer customer = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        String needle = "Gesucht" + TenantTestData.tag();
        data.tenant(customer.id(), needle);

        fixtures.as(partner.adminEmail(), () -> {
            int count = tree.countChildren(partner.id(), TreeFilter.NONE);
            assertThat(count).isOne();
            // the tree grid draws the expand arrow from this count: without it the customer could not be reached
            assertThat(tree.roots()).singleElement().satisfies(root -> assertThat(root.children()).isEqualTo(count));
            assertThat(tree.node(partner.id())).hasValueSatisfying(node -> assertThat(node.children())
                    .isEqualTo(count));
            // nor opened by a search
            assertThat(tree.search(needle).toExpand()).first().satisfies(node -> {
                assertThat(node.id()).isEqualTo(partner.id());
                assertThat(node.children()).isEqualTo(count);
            });
        });
        fixtures.as(partner.employeeEmail(), () -> assertThat(tree.roots()).singleElement()
                .satisfies(root -> assertThat(root.children()).isZero()));
    }

    @Test
    void a_manager_sees_their_account_as_root_and_nothing_of_the_partner() {
        Partner partner = data.partner();
        data.tenant(partner.id(), "Vorlage");
        Customer customer = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        long shop = data.tenant(customer.id(), "Shop");
        data.tenant(shop, "Lager");

        fixtures.as(customer.managerEmail(), () -> {
            assertThat(tree.roots()).singleElement().satisfies(root -> {
                assertThat(root.id()).isEqualTo(customer.id());
                assertThat(root.kind()).isEqualTo(OrganizationKind.CUSTOMER);
                assertThat(root.children()).isOne();
            });
            assertThat(tree.children(customer.id(), TreeFilter.NONE, 0, 50)).singleElement()
                    .satisfies(node -> assertThat(node.children()).isOne());
            assertThatThrownBy(() -> tree.children(partner.id(), TreeFilter.NONE, 0, 50))
                    .isInstanceOf(AccessRefused.class);
        });
    }

    @Test
    void a_tenant_administrator_sees_their_tenant_as_root_and_the_handover_state_of_each_tenant() {
        Customer customer = data.customer();
        long shop = data.tenant(customer.id(), "Shop");
        long warehouse = data.tenant(shop, "Lager");
        long office = data.tenant(shop, "Büro");
        String administrator = data.tenantAdministrator(shop);
        data.tenantAdministrator(warehouse);
        data.tenantAdministrator(warehouse);

        fixtures.as(administrator, () -> {
            assertThat(tree.roots()).singleElement().satisfies(root -> {
                assertThat(root.id()).isEqualTo(shop);
                assertThat(root.isTenant()).isTrue();
                assertThat(root.administrators()).isOne();
                assertThat(root.readyForHandover()).isTrue();
                assertThat(root.children()).isEqualTo(2);
                assertThat(root.reference()).isEqualTo("T-" + shop);
            });
            List<TreeNode> children = tree.children(shop, TreeFilter.NONE, 0, 50);
            assertThat(children).extracting(TreeNode::id).containsExactly(office, warehouse);
            assertThat(children.get(0).administrators()).isZero();
            assertThat(children.get(0).readyForHandover()).isFalse();
            assertThat(children.get(1).administrators()).isEqualTo(2);
            assertThat(children.get(1).readyForHandover()).isTrue();
            assertThatThrownBy(() -> tree.children(customer.id(), TreeFilter.NONE, 0, 50))
                    .isInstanceOf(AccessRefused.class);
        });
    }

    @Test
    void inside_an_access_session_the_root_is_the_customers_account() {
        tab = new UI();
        UI.setCurrent(tab);
        Partner partner = data.partner();
        data.tenant(partner.id(), "Vorlage");
        Customer customer = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        long shop = data.tenant(customer.id(), "Shop");

        fixtures.as(partner.adminEmail(), () -> {
            sessions.start(partner.id(), new CustomerNumber(customer.number()), "TICKET-1");
            try {
                assertThat(tree.roots()).extracting(TreeNode::id).containsExactly(customer.id());
                assertThat(tree.children(customer.id(), TreeFilter.NONE, 0, 50)).extracting(TreeNode::id)
                        .containsExactly(shop);
                TreeFilter found = tree.search("Shop");
                assertThat(found.matches()).containsExactly(shop);
                assertThat(found.toExpand()).extracting(TreeNode::id).containsExactly(customer.id());
                assertThat(tree.search("Vorlage").matches()).isEmpty();
                TenantDetails opened = tenants.logIn(shop, null);
                assertThat(opened.workingAs().role()).isNull();
                assertThat(opened.workingAs().heldIn()).isEqualTo(partner.name());
            } finally {
                sessions.leave();
            }
            assertThat(tree.roots()).extracting(TreeNode::id).containsExactly(partner.id());
        });
        assertThat(data.audit(TenantService.TENANT_LOGIN, shop)).singleElement()
                .satisfies(event -> assertThat(event.onBehalfOfId()).isEqualTo(partner.id()));
    }

    // --- search

    @Test
    void a_search_finds_a_grandchild_and_opens_the_way_to_it() {
        Customer customer = data.customer();
        String needle = "Ziel" + TenantTestData.tag();
        long shop = data.tenant(customer.id(), "Shop");
        long warehouse = data.tenant(shop, "Lager");
        long goal = data.tenant(warehouse, needle + " Regal");
        data.tenant(customer.id(), "Büro");

        TreeFilter found = fixtures.as(customer.managerEmail(), () -> tree.search("  " + needle.toUpperCase() + " "));

        assertThat(found.isActive()).isTrue();
        assertThat(found.matches()).containsExactly(goal);
        assertThat(found.toExpand()).extracting(TreeNode::id).containsExactly(customer.id(), shop, warehouse);
        assertThat(found.visible()).containsExactlyInAnyOrder(customer.id(), shop, warehouse, goal);
        fixtures.as(customer.managerEmail(), () -> {
            assertThat(tree.children(customer.id(), found, 0, 50)).extracting(TreeNode::id).containsExactly(shop);
            assertThat(tree.countChildren(customer.id(), found)).isOne();
            assertThat(tree.countChildren(customer.id(), TreeFilter.NONE)).isEqualTo(2);
            assertThat(tree.search("   ")).isEqualTo(TreeFilter.NONE);
            assertThat(tree.search("%").matches()).isEmpty();
        });
    }

    @Test
    void a_partner_lead_finds_tenants_of_managed_customers_below_the_partner() {
        Partner partner = data.partner();
        Customer customer = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        Customer closed = data.customerOf(partner, EnumSet.of(VIEW));
        String needle = "Fund" + TenantTestData.tag();
        long shop = data.tenant(customer.id(), "Shop");
        long goal = data.tenant(shop, needle);
        data.tenant(closed.id(), needle + " geheim");

        TreeFilter found = fixtures.as(partner.adminEmail(), () -> tree.search(needle));

        assertThat(found.matches()).containsExactly(goal);
        assertThat(found.toExpand()).extracting(TreeNode::id).containsExactly(partner.id(), customer.id(), shop);
        assertThat(fixtures.as(partner.employeeEmail(), () -> tree.search(needle)).matches()).isEmpty();
    }

    @Test
    void a_partner_lead_pages_through_the_managed_customers_by_name_and_then_the_partners_own_tenants() {
        Partner partner = data.partner();
        List<Customer> managed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            managed.add(data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS)));
        }
        data.customerOf(partner, EnumSet.of(VIEW));
        data.tenant(partner.id(), "Vorlage B");
        data.tenant(partner.id(), "Vorlage A");
        List<String> expected = new ArrayList<>(managed.stream()
                .sorted(java.util.Comparator.comparing((Customer c) -> dev.kontor.base.SearchKeys.fold(c.name()))
                        .thenComparing(Customer::id))
                .map(Customer::name).toList());
        expected.addAll(List.of("Vorlage A", "Vorlage B"));

        fixtures.as(partner.adminEmail(), () -> {
            assertThat(tree.countChildren(partner.id(), TreeFilter.NONE)).isEqualTo(6);
            assertThat(tree.roots()).singleElement().extracting(TreeNode::children).isEqualTo(6);
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < 8; offset += 3) {
                paged.addAll(names(tree.children(partner.id(), TreeFilter.NONE, offset, 3)));
            }
            assertThat(paged).containsExactlyElementsOf(expected);
            assertThat(names(tree.children(partner.id(), TreeFilter.NONE, 2, 3)))
                    .containsExactlyElementsOf(expected.subList(2, 5));
        });
        // the employee sees the partner's own tenants only
        fixtures.as(partner.employeeEmail(), () -> assertThat(names(tree.children(partner.id(), TreeFilter.NONE, 0,
                50))).containsExactly("Vorlage A", "Vorlage B"));
    }

    // --- moves

    @Test
    void moving_a_tenant_takes_its_whole_sub_tree_along() {
        Customer customer = data.customer();
        long north = data.tenant(customer.id(), "Nord");
        long south = data.tenant(customer.id(), "Süd");
        String needle = "Regal" + TenantTestData.tag();
        long warehouse = data.tenant(north, "Lager");
        long shelf = data.tenant(warehouse, needle);
        String northAdmin = data.tenantAdministrator(north);
        String southAdmin = data.tenantAdministrator(south);
        long version = data.version(warehouse);

        fixtures.as(customer.managerEmail(), () -> structure.move(warehouse, south, version));

        String southPath = data.ancestorPath(south) + south + "/";
        assertThat(data.ancestorPath(warehouse)).isEqualTo(southPath);
        assertThat(data.ancestorPath(shelf)).isEqualTo(southPath + warehouse + "/");
        assertThat(data.version(warehouse)).isGreaterThan(version);
        fixtures.as(customer.managerEmail(), () -> {
            assertThat(tree.children(south, TreeFilter.NONE, 0, 50)).extracting(TreeNode::id)
                    .containsExactly(warehouse);
            assertThat(tree.countChildren(north, TreeFilter.NONE)).isZero();
            TreeFilter found = tree.search(needle);
            assertThat(found.matches()).containsExactly(shelf);
            assertThat(found.toExpand()).extracting(TreeNode::id).containsExactly(customer.id(), south, warehouse);
            assertThat(tenants.details(shelf).master().id()).isEqualTo(warehouse);
        });
        // rights flow down the new path, and no longer down the old one
        assertThat(fixtures.as(southAdmin, () -> tenants.details(shelf)).name()).isEqualTo(needle);
        assertThatThrownBy(() -> fixtures.as(northAdmin, () -> tenants.details(shelf)))
                .isInstanceOf(AccessRefused.class);
        assertThat(data.audit("TENANT_MOVED", warehouse))
                .singleElement().satisfies(event -> {
                    assertThat(event.oldValue()).isEqualTo("Nord");
                    assertThat(event.newValue()).isEqualTo("Süd");
                    assertThat(event.actorEmail()).isEqualTo(customer.managerEmail());
                });
    }

    @Test
    void a_partner_moves_its_own_tenant_up_to_the_partner() {
        Partner partner = data.partner();
        long templates = data.tenant(partner.id(), "Vorlagen");
        long trade = data.tenant(templates, "Handel");
        long sub = data.tenant(trade, "Handel Spezial");

        fixtures.as(partner.legalEmail(), () -> structure.move(trade, partner.id(), data.version(trade)));

        assertThat(data.ancestorPath(trade)).isEqualTo(data.ancestorPath(partner.id()) + partner.id() + "/");
        assertThat(data.ancestorPath(sub)).isEqualTo(data.ancestorPath(trade) + trade + "/");
        assertThat(names(fixtures.as(partner.legalEmail(), () -> tree.children(partner.id(), TreeFilter.NONE, 0,
                50)))).containsExactly("Handel", "Vorlagen");
    }

    @Test
    void a_tenant_cannot_move_below_itself_or_its_descendants() {
        Customer customer = data.customer();
        long top = data.tenant(customer.id(), "Oben");
        long middle = data.tenant(top, "Mitte");
        long bottom = data.tenant(middle, "Unten");
        String path = data.ancestorPath(bottom);

        fixtures.as(customer.managerEmail(), () -> {
            rule(() -> structure.move(top, top, data.version(top)), "tenant.move.cycle");
            rule(() -> structure.move(top, middle, data.version(top)), "tenant.move.cycle");
            rule(() -> structure.move(top, bottom, data.version(top)), "tenant.move.cycle");
        });
        assertThat(data.ancestorPath(bottom)).isEqualTo(path);
        assertThat(data.audit("TENANT_MOVED", top)).isEmpty();
    }

    @Test
    void a_tenant_stays_in_its_owners_tree() {
        List<Long> accounts = new ArrayList<>();
        String manager = fixtures.managerOfMany(2, accounts::add);
        long first = accounts.get(0);
        long second = accounts.get(1);
        long shop = data.tenant(first, "Shop");
        long elsewhere = data.tenant(second, "Anderswo");
        Partner partner = data.partner();
        long template = data.tenant(partner.id(), "Vorlage");
        Customer managed = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));

        fixtures.as(manager, () -> {
            rule(() -> structure.move(shop, second, data.version(shop)), "tenant.move.other-owner");
            rule(() -> structure.move(shop, elsewhere, data.version(shop)), "tenant.move.other-owner");
        });
        // a partner that manages a customer's tenants may not move its own templates into the customer's tree
        fixtures.as(partner.adminEmail(), () -> rule(() -> structure.move(template, managed.id(),
                data.version(template)), "tenant.move.other-owner"));
        assertThat(data.ancestorPath(shop)).endsWith("/" + first + "/");
        assertThat(data.ancestorPath(template)).endsWith("/" + partner.id() + "/");
    }

    @Test
    void a_move_is_refused_where_the_new_master_has_a_tenant_of_that_name() {
        Customer customer = data.customer();
        long north = data.tenant(customer.id(), "Nord");
        long south = data.tenant(customer.id(), "Süd");
        long northStore = data.tenant(north, "Lager");
        data.tenant(south, "LAGER");

        fixtures.as(customer.managerEmail(), () -> assertThatThrownBy(() -> structure.move(northStore, south,
                data.version(northStore))).isInstanceOfSatisfying(RuleViolation.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("tenant.move.name-taken");
                    assertThat(refusal.arguments()).containsExactly("Lager", "Süd");
                }));
        assertThat(data.tenantsBelow(north)).isOne();
    }

    @Test
    void a_move_with_a_stale_version_is_refused() {
        Customer customer = data.customer();
        long north = data.tenant(customer.id(), "Nord");
        long south = data.tenant(customer.id(), "Süd");
        long store = data.tenant(north, "Lager");
        long shown = fixtures.as(customer.managerEmail(), () -> tree.children(north, TreeFilter.NONE, 0, 10))
                .getFirst().version();

        fixtures.as(customer.managerEmail(), () -> structure.move(store, south, shown));

        assertThatThrownBy(() -> fixtures.as(customer.managerEmail(), () -> structure.move(store, north, shown)))
                .isInstanceOf(StaleData.class);
        assertThat(data.ancestorPath(store)).endsWith("/" + south + "/");
    }

    // --- names among siblings

    @Test
    void names_are_unique_among_siblings_when_renaming_too() {
        Customer customer = data.customer();
        long north = data.tenant(customer.id(), "Nord");
        long south = data.tenant(customer.id(), "Süd");

        fixtures.as(customer.managerEmail(), () -> {
            assertThatThrownBy(() -> structure.rename(south, " NORD ", data.version(south)))
                    .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("name");
                        assertThat(refusal.messageKey()).isEqualTo("tenant.name-taken");
                    });
            structure.rename(north, "nord", data.version(north));
            structure.rename(south, "Sued", data.version(south));
        });
        assertThat(names(fixtures.as(customer.managerEmail(),
                () -> tree.children(customer.id(), TreeFilter.NONE, 0, 10)))).containsExactly("nord", "Sued");
    }

    @Test
    void the_database_itself_keeps_sibling_names_unique() {
        Customer customer = data.customer();
        long north = data.tenant(customer.id(), "Nord");
        long south = data.tenant(customer.id(), "Süd");

        assertThatThrownBy(() -> jdbc.update("update organization set sibling_key = 'nord' where id = ?", south))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.update("update organization set sibling_key = 'nord' where id = ?", north)).isOne();
    }

    @RepeatedTest(3)
    void two_tenants_of_the_same_name_created_at_once_leave_exactly_one() throws Exception {
        Customer customer = data.customer();
        String second = fixtures.person("Second");
        data.grant(second, customer.id(), dev.kontor.organization.MembershipRole.MANAGER);

        List<Outcome> outcomes = race(
                () -> fixtures.as(customer.managerEmail(), () -> tenants.create(new NewTenant(customer.id(),
                        "Zwilling", TenantType.STANDARD, Edition.BASIC, null, null))),
                () -> fixtures.as(second, () -> tenants.create(new NewTenant(customer.id(), "ZWILLING",
                        TenantType.STANDARD, Edition.BASIC, null, null))));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement().satisfies(loser -> assertThat(
                loser.refusal()).isInstanceOfAny(InvalidInput.class, ConcurrencyFailureException.class,
                DataIntegrityViolationException.class));
        assertThat(data.tenantsBelow(customer.id())).isOne();
    }

    // --- helpers

    private static List<String> names(List<TreeNode> nodes) {
        return nodes.stream().map(TreeNode::name).toList();
    }

    private static void rule(org.assertj.core.api.ThrowableAssert.ThrowingCallable attempt, String messageKey) {
        assertThatThrownBy(attempt).isInstanceOfSatisfying(RuleViolation.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo(messageKey));
    }

}
