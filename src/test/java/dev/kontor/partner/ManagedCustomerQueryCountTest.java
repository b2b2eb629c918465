package dev.kontor.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerTestData.TestPartner;
import dev.kontor.support.Fixtures;
import dev.kontor.support.IntegrationTest;
import dev.kontor.support.SqlStatements;
import dev.kontor.user.SystemTask;
import dev.kontor.user.UserAccountService;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;

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
    UserAccountService users;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void a_page_costs_the_same_statements_at_10_and_at_1000_customers() {
        PartnerTestData data = new PartnerTestData(onboarding, users, provisioning, passwordEncoder);
        TestPartner small = data.partner();
        TestPartner large = data.partner();
        addCustomers(small, 10);
        addCustomers(large, 1000);

        long forSmall = statementsForFirstPage(small);
        long forLarge = statementsForFirstPage(large);

        // the caller's role in the partner, the page, its count, the page's assignees
        assertThat(forSmall).isEqualTo(forLarge).isEqualTo(4);
        var page = fixtures.as(large.legalEmail(), () -> managedCustomers.page(large.partnerId(),
                ManagedCustomerFilter.none(), PageRequest.of(3, 50)));
        assertThat(page.getTotalElements()).isEqualTo(1000);
        assertThat(page.getContent()).hasSize(50);
    }

    private void addCustomers(TestPartner partner, int count) {
        SystemTask.run(() -> {
            for (int i = 0; i < count; i++) {
                long customer = onboarding.createCustomer("Customer " + i, partner.partnerId()).getId();
                provisioning.importActiveRelationship(partner.partnerId(), customer, Set.of(OrganizationRight.VIEW),
                        "m" + i + "@example.test", partner.legal());
            }
        });
    }

    private long statementsForFirstPage(TestPartner partner) {
        return fixtures.as(partner.legalEmail(), () -> {
            SqlStatements.reset();
            // a page smaller than the smaller partner's list, so that both need the count query
            managedCustomers.page(partner.partnerId(), ManagedCustomerFilter.none(), PageRequest.of(0, 5));
            return SqlStatements.count();
        });
    }
}
