package dev.kontor.organization;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class OrganizationServiceTest {

    @Autowired
    OrganizationService organizations;

    @Autowired
    OrganizationOnboarding onboarding;

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void a_manager_sees_her_customer_account_and_role_in_one_query() {
        SqlStatements.reset();

        List<MyOrganization> mine = organizations.myOrganizations(PageRequest.of(0, 50)).getContent();

        assertThat(SqlStatements.count()).isEqualTo(1);
        assertThat(mine).singleElement().satisfies(o -> {
            assertThat(o.customerNumber()).isEqualTo("CN-10001");
            assertThat(o.name()).isEqualTo("Bäckerei Sonnenschein");
            assertThat(o.kind()).isEqualTo(OrganizationKind.CUSTOMER);
            assertThat(o.role()).isEqualTo(MembershipRole.MANAGER);
        });
    }

    @Test
    @WithUserDetails(DemoPeople.LEGAL)
    void a_partner_person_sees_the_partner_and_nothing_of_its_customers_by_membership() {
        List<MyOrganization> mine = organizations.myOrganizations(PageRequest.of(0, 50)).getContent();

        assertThat(mine).extracting(MyOrganization::name).containsExactly("Muster Hosting GmbH");
        assertThat(mine).extracting(MyOrganization::role).containsExactly(MembershipRole.LEGAL_REPRESENTATIVE);
    }

    @Test
    void nobody_signed_in_reads_nothing() {
        assertThatThrownBy(() -> organizations.myOrganizations(PageRequest.of(0, 10)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithMockUser(roles = "PARTNER_ADMINISTRATOR")
    void a_person_cannot_use_the_systems_onboarding() {
        assertThatThrownBy(() -> onboarding.createProvider(null, "Another provider"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void customer_numbers_are_drawn_in_order_and_never_twice() {
        var provider = onboarding.createProvider(TestTasks.setUp(), "Numbering test");
        var first = onboarding.createCustomer(TestTasks.setUp(), "First", provider.getId());
        var second = onboarding.createCustomer(TestTasks.setUp(), "Second", provider.getId());

        long a = Long.parseLong(first.getCustomerNumber().orElseThrow().value().substring(3));
        long b = Long.parseLong(second.getCustomerNumber().orElseThrow().value().substring(3));
        assertThat(a).isGreaterThanOrEqualTo(10004);
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void a_role_only_fits_its_kind_of_organization() {
        var provider = onboarding.createProvider(TestTasks.setUp(), "Role test");
        assertThat(MembershipRole.MANAGER.fits(OrganizationKind.CUSTOMER)).isTrue();
        assertThat(MembershipRole.MANAGER.fits(provider.getKind())).isFalse();
    }
}
