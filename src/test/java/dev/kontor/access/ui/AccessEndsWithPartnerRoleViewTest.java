package dev.kontor.access.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.base.ui.RefusalView;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.partner.PartnerService;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.ViewTest;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In the browser tab: once the partner user's own right is gone (unassigned, deactivated, removed, role changed),
 * the next page refuses the customer's account (an attempt, audited) and the banner says why the access ended.
 */
@ViewTest
class AccessEndsWithPartnerRoleViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MembershipAdministration memberships;

    @Autowired
    PartnerService partners;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    JdbcTemplate jdbc;

    private TestPartner partner;
    private TestAccount customer;
    private String employee;

    @BeforeEach
    void aPartnerWithAnAssignedEmployeeAndACustomer() {
        partner = fixtures.partner("Banner Partner");
        customer = fixtures.account("Alice");
        employee = fixtures.person("Eve");
        long employeeId = fixtures.userIdOf(employee);
        onboarding.grant(TestTasks.setUp(), employeeId, partner.id(), MembershipRole.PARTNER_EMPLOYEE);
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                EnumSet.of(OrganizationRight.VIEW),
                customer.email("Alice"), customer.userId("Alice"));
        provisioning.importAssignment(TestTasks.setUp(), partner.id(), customer.id(), employeeId);
    }

    @Test
    void an_employee_unassigned_mid_session_sees_the_account_refused_and_why() {
        enterAs(employee);

        fixtures.as(partner.legalEmail(), () -> partners.unassign(partner.id(), customer.id(),
                fixtures.userIdOf(employee)));

        assertRefusedWithBanner("Your access to the customer account ended: this customer is not assigned to"
                + " you.");
    }

    @Test
    void an_employee_deactivated_mid_session_sees_the_account_refused_and_why() {
        enterAs(employee);

        fixtures.as(partner.legalEmail(), () -> memberships.changeState(partner.id(),
                membershipOf(employee, MembershipRole.PARTNER_EMPLOYEE).membershipId(), MembershipState.DEACTIVATED));

        assertRefusedWithBanner("Your access to the customer account ended: your membership of the partner was"
                + " deactivated or removed.");
    }

    @Test
    void an_administrator_deactivated_mid_session_sees_the_account_refused_and_why() {
        enterAs(partner.adminEmail());

        fixtures.as(partner.legalEmail(), () -> memberships.changeState(partner.id(),
                membershipOf(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR).membershipId(),
                MembershipState.DEACTIVATED));

        assertRefusedWithBanner("Your access to the customer account ended: your membership of the partner was"
                + " deactivated or removed.");
    }

    @Test
    void an_administrator_removed_mid_session_sees_the_account_refused_and_why() {
        enterAs(partner.adminEmail());

        fixtures.as(partner.legalEmail(), () -> memberships.remove(partner.id(),
                membershipOf(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR).membershipId()));

        assertRefusedWithBanner("Your access to the customer account ended: your membership of the partner was"
                + " deactivated or removed.");
    }

    @Test
    void an_administrator_turned_employee_mid_session_sees_the_account_refused_and_why() {
        enterAs(partner.adminEmail());

        long adminId = partner.adminUserId();
        fixtures.as(partner.legalEmail(), () -> {
            onboarding.grant(TestTasks.setUp(), adminId, partner.id(), MembershipRole.PARTNER_EMPLOYEE);
            memberships.remove(partner.id(),
                    membershipOf(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR).membershipId());
        });

        assertRefusedWithBanner("Your access to the customer account ended: this customer is not assigned to"
                + " you.");
    }

    @Test
    void the_notice_of_an_ended_session_is_said_once_and_not_on_every_later_page() {
        enterAs(partner.adminEmail());
        fixtures.as(partner.legalEmail(), () -> memberships.remove(partner.id(),
                membershipOf(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR).membershipId()));
        assertRefusedWithBanner("Your access to the customer account ended: your membership of the partner was"
                + " deactivated or removed.");

        navigate(DashboardView.class);

        assertThat(find(Div.class).withId("access-ended").exists()).isFalse();
        assertThat(find(Div.class).withId("access-banner").exists()).isFalse();
    }

    private void enterAs(String email) {
        // signed in once, as a browser is: the roles of the sign-in stay, only the services' checks see the change
        fixtures.signIn(email);
        navigate("access/" + customer.customerNumber(), AccessStartView.class);
        test(find(Button.class).withId("enter-account").single()).click();
        assertThat(getCurrentView()).isInstanceOf(DashboardView.class);
        assertThat(find(Span.class).withId("access-banner-text").single().getElement().getTextRecursively())
                .startsWith("You are working in Customer " + customer.tag());
    }

    private void assertRefusedWithBanner(String why) {
        navigate("accounts/" + customer.customerNumber(), RefusalView.class);

        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Access denied");
        assertThat(find(Div.class).withId("access-banner").exists()).isFalse();
        assertThat(find(Div.class).withId("access-ended").single().getElement().getTextRecursively())
                .isEqualTo(why);
        assertThat(refusalsToOpen()).isPositive();
    }

    private Member membershipOf(String email, MembershipRole role) {
        return fixtures.as(partner.legalEmail(), () -> memberships.members(partner.id(), role)).stream()
                .filter(m -> m.email().equals(email)).findFirst().orElseThrow();
    }

    /** "Open CN-… refused": the audit of an attempt to open the customer's account. */
    private int refusalsToOpen() {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and summary like ?",
                Integer.class, "%Open " + customer.customerNumber() + "%");
    }
}
