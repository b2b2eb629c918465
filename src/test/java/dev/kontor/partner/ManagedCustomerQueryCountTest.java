package dev.kontor.partner;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerTestData.TestPartner;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** The managed-customers grid sends the same statements for a page whether the partner has 10 customers or 1,000. */
@IntegrationTest
class ManagedCustomerQueryCountTest {

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    PartnerTestData data;

    @Test
    void a_page_costs_the_same_statements_at_10_and_at_1000_customers() {
        TestPartner small = data.partner();
        TestPartner large = data.partner();
        addCustomers(small, 10);
        addCustomers(large, 1000);

        long forSmall = statementsForFirstPage(small);
        long forLarge = statementsForFirstPage(large);

        // count: the caller's role, the count; page: the caller's role, the rows, the rows' assignees
        assertThat(forSmall).isEqualTo(forLarge).isEqualTo(5);
        var page = fixtures.as(large.legalEmail(), () -> managedCustomers.rows(large.partnerId(),
                ManagedCustomerFilter.none(), PageRequest.of(3, 50)));
        assertThat(page).hasSize(50);
        assertThat(fixtures.as(large.legalEmail(), () -> managedCustomers.count(large.partnerId(),
                ManagedCustomerFilter.none()))).isEqualTo(1000);
    }

    private void addCustomers(TestPartner partner, int count) {
        for (int i = 0; i < count; i++) {
            long customer = onboarding.createCustomer(TestTasks.setUp(), "Customer " + i, partner.partnerId()).getId();
            provisioning.importActiveRelationship(TestTasks.setUp(), partner.partnerId(), customer,
                    Set.of(OrganizationRight.VIEW),
                    "m" + i + "@example.test", partner.legal());
        }
    }

    private long statementsForFirstPage(TestPartner partner) {
        return fixtures.as(partner.legalEmail(), () -> {
            SqlStatements.reset();
            managedCustomers.count(partner.partnerId(), ManagedCustomerFilter.none());
            managedCustomers.rows(partner.partnerId(), ManagedCustomerFilter.none(), PageRequest.of(0, 50));
            return SqlStatements.count();
        });
    }
}
