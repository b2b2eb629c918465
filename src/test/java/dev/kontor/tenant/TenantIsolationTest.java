package dev.kontor.tenant;

import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.organization.TenantStructure;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.tenant.TenantTestData.Customer;
import dev.kontor.tenant.TenantTestData.Partner;
import java.util.EnumSet;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rule 8 for tenants: a partner never sees, opens, moves, copies into or creates below another partner's tenants,
 * nor those of a customer that does not let it manage them; not with a forged id either. Every refusal is audited
 * and changes nothing.
 */
@IntegrationTest
class TenantIsolationTest {

    @Autowired
    TenantService tenants;

    @Autowired
    TenantTree tree;

    @Autowired
    TenantStructure structure;

    @Autowired
    ContentCopies copies;

    @Autowired
    TenantAdministrators administrators;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantTestData data;
    private Partner mine;
    private Partner other;
    private long myTenant;
    private long myChild;
    private long otherTenant;
    private long otherChild;

    @BeforeEach
    void twoPartnersWithTenants() {
        mine = data.partner();
        other = data.partner();
        myTenant = data.tenant(mine.id(), "Eigene Vorlage");
        myChild = data.tenant(myTenant, "Eigene Untervorlage");
        otherTenant = data.tenant(other.id(), "Fremde Vorlage", new TenantSettings("de", "UTC", "Fremd"));
        otherChild = data.tenant(otherTenant, "Fremde Untervorlage");
    }

    @Test
    void a_partner_cannot_list_another_partners_tenants() {
        for (String lead : new String[] {mine.adminEmail(), mine.legalEmail(), mine.employeeEmail()}) {
            refused(other.id(), () -> fixtures.as(lead, () -> tree.children(other.id(), TreeFilter.NONE, 0, 50)));
            refused(other.id(), () -> fixtures.as(lead, () -> tree.countChildren(other.id(), TreeFilter.NONE)));
            refused(otherTenant, () -> fixtures.as(lead, () -> tree.children(otherTenant, TreeFilter.NONE, 0, 50)));
            refused(otherTenant, () -> fixtures.as(lead, () -> tree.countChildren(otherTenant, TreeFilter.NONE)));
            assertThat(fixtures.as(lead, () -> tree.roots())).extracting(TreeNode::id).containsExactly(mine.id());
            assertThat(fixtures.as(lead, () -> tree.node(otherTenant))).isEmpty();
            assertThat(fixtures.as(lead, () -> tree.search("Fremde")).matches()).isEmpty();
        }
    }

    @Test
    void a_partner_cannot_open_another_partners_tenant_or_its_logo() {
        refused(otherTenant, () -> fixtures.as(mine.adminEmail(), () -> tenants.details(otherTenant)));
        refused(otherTenant, () -> fixtures.as(mine.adminEmail(), () -> tenants.logIn(otherTenant, null)));
        refused(otherChild, () -> fixtures.as(mine.legalEmail(), () -> tenants.logo(otherChild)));
        refused(otherTenant, () -> fixtures.as(mine.adminEmail(),
                () -> administrators.list(otherTenant)));
        assertThat(data.audit(TenantService.TENANT_LOGIN, otherTenant)).isEmpty();
    }

    @Test
    void a_partner_cannot_create_below_another_partner_or_its_tenants() {
        refused(other.id(), () -> fixtures.as(mine.adminEmail(), () -> structure.createTenant(other.id(), "Kuckuck")));
        refused(otherTenant, () -> fixtures.as(mine.adminEmail(), () -> tenants.create(new NewTenant(otherTenant,
                "Kuckuck", TenantType.STANDARD, Edition.BASIC, null, null))));

        assertThat(data.tenantsBelow(other.id())).isOne();
        assertThat(data.tenantsBelow(otherTenant)).isOne();
    }

    @Test
    void a_partner_cannot_move_tenants_into_or_out_of_another_partners_tree() {
        long myVersion = data.version(myTenant);
        long otherVersion = data.version(otherTenant);

        refused(otherTenant, () -> fixtures.as(mine.adminEmail(),
                () -> structure.move(myTenant, otherTenant, myVersion)));
        refused(other.id(), () -> fixtures.as(mine.adminEmail(),
                () -> structure.move(myTenant, other.id(), myVersion)));
        refused(otherChild, () -> fixtures.as(mine.adminEmail(),
                () -> structure.move(otherChild, mine.id(), data.version(otherChild))));
        refused(otherTenant, () -> fixtures.as(mine.adminEmail(),
                () -> structure.rename(otherTenant, "Gekapert", otherVersion)));

        assertThat(data.ancestorPath(otherChild)).endsWith("/" + other.id() + "/" + otherTenant + "/");
        assertThat(data.ancestorPath(myTenant)).endsWith("/" + mine.id() + "/");
        assertThat(data.version(otherTenant)).isEqualTo(otherVersion);
    }

    @Test
    void a_partner_cannot_copy_content_into_another_partners_tenant() {
        refused(otherChild, () -> fixtures.as(mine.adminEmail(), () -> copies.start(otherChild, true)));

        assertThat(jdbc.queryForObject("select count(*) from content_copy where target_id = ?", Integer.class,
                otherChild)).isZero();
    }

    @Test
    void a_partner_cannot_add_administrators_to_another_partners_tenant() {
        String intruder = "intruder-" + TenantTestData.tag() + "@example.test";

        refused(otherTenant, () -> fixtures.as(mine.adminEmail(),
                () -> administrators.add(otherTenant, intruder, "Intruder", Locale.ENGLISH)));

        assertThat(jdbc.queryForObject("select count(*) from membership where organization_id = ?", Integer.class,
                otherTenant)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outgoing_mail where recipient = ?", Integer.class,
                intruder)).isZero();
    }

    @Test
    void a_customer_that_grants_only_view_keeps_its_tenants_from_the_partner() {
        Customer customer = data.customerOf(mine, EnumSet.of(VIEW));
        long shop = data.tenant(customer.id(), "Shop " + customer.number());
        long warehouse = data.tenant(shop, "Lager");

        for (String lead : new String[] {mine.adminEmail(), mine.legalEmail()}) {
            assertThat(fixtures.as(lead, () -> tree.children(mine.id(), TreeFilter.NONE, 0, 50)))
                    .extracting(TreeNode::id).containsExactly(myTenant);
            refused(customer.id(), () -> fixtures.as(lead, () -> tree.children(customer.id(), TreeFilter.NONE, 0,
                    50)));
            refused(shop, () -> fixtures.as(lead, () -> tenants.details(shop)));
            refused(customer.id(), () -> fixtures.as(lead, () -> tenants.create(new NewTenant(customer.id(), "Neu",
                    TenantType.STANDARD, Edition.BASIC, null, null))));
            refused(warehouse, () -> fixtures.as(lead, () -> copies.start(warehouse, false)));
            refused(shop, () -> fixtures.as(lead, () -> administrators.add(shop, "x-" + TenantTestData.tag()
                    + "@example.test", "X", Locale.ENGLISH)));
            refused(customer.id(), () -> fixtures.as(lead, () -> structure.move(myTenant, customer.id(),
                    data.version(myTenant))));
            assertThat(fixtures.as(lead, () -> tree.search("Lager")).matches()).doesNotContain(warehouse);
        }
        assertThat(data.tenantsBelow(customer.id())).isOne();
    }

    @Test
    void a_customer_that_grants_manage_tenants_to_another_partner_stays_closed_to_this_one() {
        Customer theirs = data.customerOf(other, EnumSet.of(VIEW, MANAGE_TENANTS));
        long shop = data.tenant(theirs.id(), "Shop");

        assertThat(fixtures.as(other.adminEmail(), () -> tenants.details(shop)).name()).isEqualTo("Shop");
        refused(shop, () -> fixtures.as(mine.adminEmail(), () -> tenants.details(shop)));
        refused(theirs.id(), () -> fixtures.as(mine.adminEmail(),
                () -> tree.children(theirs.id(), TreeFilter.NONE, 0, 50)));
        assertThat(fixtures.as(mine.adminEmail(), () -> tree.children(mine.id(), TreeFilter.NONE, 0, 50)))
                .extracting(TreeNode::id).doesNotContain(theirs.id());
    }

    @Test
    void a_forged_or_unknown_organization_id_is_refused_like_a_foreign_one() {
        long unknown = 912_345_678L;

        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> tree.children(unknown, TreeFilter.NONE, 0, 50)));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> tree.countChildren(unknown, TreeFilter.NONE)));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> tenants.details(unknown)));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> tenants.logIn(unknown, null)));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> tenants.logo(unknown)));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> copies.start(unknown, false)));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> structure.createTenant(unknown, "X")));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> structure.move(unknown, mine.id(), 0)));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> structure.move(myTenant, unknown,
                data.version(myTenant))));
        refused(unknown, () -> fixtures.as(mine.adminEmail(), () -> administrators.add(unknown,
                "x-" + TenantTestData.tag() + "@example.test", "X", Locale.ENGLISH)));
        assertThat(fixtures.as(mine.adminEmail(), () -> tree.node(unknown))).isEmpty();
    }

    @Test
    void the_providers_organization_is_no_master_for_tenants() {
        long provider = jdbc.queryForObject("select parent_id from organization where id = ?", Long.class, mine.id());

        refused(provider, () -> fixtures.as(mine.adminEmail(), () -> structure.createTenant(provider, "Oben")));
        refused(provider, () -> fixtures.as(mine.adminEmail(), () -> structure.move(myTenant, provider,
                data.version(myTenant))));
    }

    @Test
    void a_tenant_administrator_sees_their_tenant_and_below_and_nothing_beside_or_above() {
        String tenantAdmin = data.tenantAdministrator(myChild);

        assertThat(fixtures.as(tenantAdmin, () -> tenants.details(myChild)).name()).isEqualTo("Eigene Untervorlage");
        refused(myTenant, () -> fixtures.as(tenantAdmin, () -> tenants.details(myTenant)));
        refused(mine.id(), () -> fixtures.as(tenantAdmin, () -> tree.children(mine.id(), TreeFilter.NONE, 0, 50)));
        refused(myTenant, () -> fixtures.as(tenantAdmin, () -> tree.children(myTenant, TreeFilter.NONE, 0, 50)));
        refused(otherTenant, () -> fixtures.as(tenantAdmin, () -> tenants.details(otherTenant)));
        refused(myTenant, () -> fixtures.as(tenantAdmin, () -> structure.move(myChild, myTenant,
                data.version(myChild))));
    }

    /** The attempt is refused, and one more denial is in the audit log of that organization. */
    private void refused(long organizationId, ThrowingCallable attempt) {
        int before = data.denials(organizationId);
        assertThatThrownBy(attempt).isInstanceOf(AccessRefused.class);
        assertThat(data.denials(organizationId)).as("ACCESS_DENIED events of %s", organizationId)
                .isEqualTo(before + 1);
    }
}
