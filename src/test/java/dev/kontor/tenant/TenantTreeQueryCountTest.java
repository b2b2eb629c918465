package dev.kontor.tenant;

import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import dev.kontor.tenant.TenantTestData.Customer;
import dev.kontor.tenant.TenantTestData.Partner;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opening a node of the tenant tree (its first page of children and how many there are) sends the same statements
 * whether it has 10 children or 5,000: nothing reads the whole tree, and no statement is sent per row.
 */
@IntegrationTest
class TenantTreeQueryCountTest {

    private static final Logger log = LoggerFactory.getLogger(TenantTreeQueryCountTest.class);
    private static final int PAGE = 50;

    @Autowired
    TenantTree tree;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantTestData data;

    @Test
    void a_customer_account_opens_with_as_many_statements_at_5000_tenants_as_at_10() {
        Customer small = data.customer();
        Customer large = data.customer();
        data.bulkTenants(small.id(), 10);
        data.bulkTenants(large.id(), 5_000);

        long forSmall = statementsToOpen(small.managerEmail(), small.id(), 10);
        long forLarge = statementsToOpen(large.managerEmail(), large.id(), 5_000);

        log.info("TENANT TREE STATEMENTS: opening a customer account (page of {} + count) costs {} statements with "
                + "10 tenants and {} with 5,000", PAGE, forSmall, forLarge);
        // each of the two calls: the node's path (2), the person's roles on it (1), their top nodes (1), the rows (1)
        assertThat(forLarge).isEqualTo(forSmall).isLessThanOrEqualTo(10);
    }

    @Test
    void a_partner_opens_with_as_many_statements_at_5000_tenants_as_at_10_managed_customers_included() {
        Partner small = data.partner();
        Partner large = data.partner();
        data.customerOf(small, EnumSet.of(VIEW, MANAGE_TENANTS));
        data.customerOf(large, EnumSet.of(VIEW, MANAGE_TENANTS));
        data.bulkTenants(small.id(), 10);
        data.bulkTenants(large.id(), 5_000);

        long forSmall = statementsToOpen(small.adminEmail(), small.id(), 11);
        long forLarge = statementsToOpen(large.adminEmail(), large.id(), 5_001);

        log.info("TENANT TREE STATEMENTS: opening a partner (page of {} + count) costs {} statements with 10 tenants "
                + "and {} with 5,000", PAGE, forSmall, forLarge);
        assertThat(forLarge).isEqualTo(forSmall).isLessThanOrEqualTo(10);
        // and the partner at the top of the tree, with the expand arrow's count, costs no more for the large one
        assertThat(statementsForRoots(large.adminEmail(), 5_001)).isEqualTo(statementsForRoots(small.adminEmail(),
                11));
    }

    @Test
    void a_tenant_deep_in_the_tree_opens_with_as_many_statements_at_5000_sub_tenants_as_at_10() {
        Customer customer = data.customer();
        long level1 = data.tenant(customer.id(), "Ebene 1");
        long level2 = data.tenant(level1, "Ebene 2");
        long small = data.tenant(level2, "Klein");
        long large = data.tenant(level2, "Gross");
        data.bulkTenants(small, 10);
        data.bulkTenants(large, 5_000);
        String administrator = data.tenantAdministrator(level1);

        long forSmall = statementsToOpen(administrator, small, 10);
        long forLarge = statementsToOpen(administrator, large, 5_000);

        log.info("TENANT TREE STATEMENTS: opening a tenant three levels down costs {} statements with 10 sub-tenants "
                + "and {} with 5,000", forSmall, forLarge);
        // a tenant administrator's top node needs its path, too (2 more per call)
        assertThat(forLarge).isEqualTo(forSmall).isLessThanOrEqualTo(14);
    }

    /** Statements for what the tree grid does when a node is opened: the first page of children and their count. */
    private long statementsToOpen(String email, long nodeId, int expectedChildren) {
        return fixtures.as(email, () -> {
            SqlStatements.reset();
            List<TreeNode> page = tree.children(nodeId, TreeFilter.NONE, 0, PAGE);
            int count = tree.countChildren(nodeId, TreeFilter.NONE);
            long statements = SqlStatements.count();
            assertThat(count).isEqualTo(expectedChildren);
            assertThat(page).hasSize(Math.min(PAGE, expectedChildren));
            return statements;
        });
    }

    private long statementsForRoots(String email, int expectedChildren) {
        return fixtures.as(email, () -> {
            SqlStatements.reset();
            List<TreeNode> roots = tree.roots();
            long statements = SqlStatements.count();
            assertThat(roots).singleElement()
                    .satisfies(root -> assertThat(root.children()).isEqualTo(expectedChildren));
            return statements;
        });
    }
}
