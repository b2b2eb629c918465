package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.account.AccountService;
import dev.kontor.audit.AuditEvent;
import dev.kontor.audit.AuditOutcome;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.partner.PartnerService;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An access session lasts only as long as the partner user's own right to it: an active membership of the partner
 * (legal representative, administrator or employee) and, for an employee, the assignment to the customer. When
 * either goes, the next call ends the session, is refused, and both organizations' audit logs say why.
 */
@IntegrationTest
class PartnerMembershipInSessionTest {

    @Autowired
    AccessSessions sessions;

    @Autowired
    AccountService accounts;

    @Autowired
    OrganizationAccess access;

    @Autowired
    MembershipAdministration memberships;

    @Autowired
    PartnerService partners;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Fixtures fixtures;

    private TestPartner partner;
    private TestAccount customer;
    private CustomerNumber number;
    private String employee;
    private UI tab;

    @BeforeEach
    void aPartnerWithAnAssignedEmployeeAndACustomer() {
        // the access session belongs to one browser tab, i.e. one Vaadin UI
        // Vaadin holds the current UI weakly: the test keeps it, as a browser session would
        tab = new UI();
        UI.setCurrent(tab);
        partner = fixtures.partner("Session Partner");
        customer = fixtures.account("Alice", "Bob");
        number = new CustomerNumber(customer.customerNumber());
        employee = fixtures.person("Eve");
        long employeeId = fixtures.userIdOf(employee);
        onboarding.grant(TestTasks.setUp(), employeeId, partner.id(), MembershipRole.PARTNER_EMPLOYEE);
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), customer.email("Alice"),
                customer.userId("Alice"));
        provisioning.importAssignment(TestTasks.setUp(), partner.id(), customer.id(), employeeId);
    }

    @Test
    void an_employee_unassigned_mid_session_is_refused_at_the_next_call_and_the_session_ends() {
        enter(employee);

        fixtures.as(partner.legalEmail(), () -> partners.unassign(partner.id(), customer.id(),
                fixtures.userIdOf(employee)));

        assertRefusedAndEnded(employee, "NOT_ASSIGNED", "customer not assigned to the partner user");
    }

    @Test
    void an_employee_deactivated_mid_session_is_refused_at_the_next_call_and_the_session_ends() {
        enter(employee);

        changeState(employee, MembershipRole.PARTNER_EMPLOYEE, MembershipState.DEACTIVATED);

        assertRefusedAndEnded(employee, "MEMBERSHIP_ENDED", "no longer an active member of the partner");
    }

    @Test
    void an_administrator_deactivated_mid_session_is_refused_at_the_next_call_and_the_session_ends() {
        enter(partner.adminEmail());

        changeState(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR, MembershipState.DEACTIVATED);

        assertRefusedAndEnded(partner.adminEmail(), "MEMBERSHIP_ENDED", "no longer an active member of the partner");
    }

    @Test
    void an_administrator_whose_membership_is_removed_mid_session_is_refused_and_the_session_ends() {
        enter(partner.adminEmail());

        fixtures.as(partner.legalEmail(), () -> memberships.remove(partner.id(),
                membershipOf(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR).membershipId()));

        assertRefusedAndEnded(partner.adminEmail(), "MEMBERSHIP_ENDED", "no longer an active member of the partner");
    }

    @Test
    void an_administrator_turned_employee_mid_session_keeps_no_unassigned_customer() {
        enter(partner.adminEmail());

        // the role changes: the administrator becomes an employee, who is not assigned to this customer
        long adminId = partner.adminUserId();
        fixtures.as(partner.legalEmail(), () -> {
            onboarding.grant(TestTasks.setUp(), adminId, partner.id(), MembershipRole.PARTNER_EMPLOYEE);
            memberships.remove(partner.id(),
                    membershipOf(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR).membershipId());
        });

        assertRefusedAndEnded(partner.adminEmail(), "NOT_ASSIGNED", "customer not assigned to the partner user");
    }

    @Test
    void an_administrator_turned_employee_who_is_assigned_goes_on_working() {
        enter(partner.adminEmail());
        long adminId = partner.adminUserId();
        fixtures.as(partner.legalEmail(), () -> {
            onboarding.grant(TestTasks.setUp(), adminId, partner.id(), MembershipRole.PARTNER_EMPLOYEE);
            partners.assign(partner.id(), customer.id(), adminId);
            memberships.remove(partner.id(),
                    membershipOf(partner.adminEmail(), MembershipRole.PARTNER_ADMINISTRATOR).membershipId());
        });

        assertThat(fixtures.as(partner.adminEmail(), () -> accounts.details(number)).viewerMayManageUsers()).isTrue();
        assertThat(fixtures.as(partner.adminEmail(), () -> sessions.current())).isPresent();
        fixtures.as(partner.adminEmail(), () -> sessions.leave());
    }

    @Test
    void the_banners_question_ends_the_session_too_so_that_it_can_say_why() {
        enter(employee);
        changeState(employee, MembershipRole.PARTNER_EMPLOYEE, MembershipState.DEACTIVATED);

        assertThat(fixtures.as(employee, () -> sessions.current())).isEmpty();
        assertThat(fixtures.as(employee, () -> sessions.endReason())).contains("MEMBERSHIP_ENDED");
    }

    @Test
    void checking_the_partner_users_right_costs_the_same_statements_however_many_memberships_and_assignments() {
        long few = statementsOfOneRightsCheck(employee, customer.id());

        // the same employee, now in many partners and assigned to many customers of this one
        long employeeId = fixtures.userIdOf(employee);
        long provider = onboarding.createProvider(TestTasks.setUp(), "Provider of other partners " + employee).getId();
        for (int i = 0; i < 20; i++) {
            long other = onboarding.createPartner(TestTasks.setUp(), "Other " + i + " " + employee, provider).getId();
            onboarding.grant(TestTasks.setUp(), employeeId, other, MembershipRole.PARTNER_EMPLOYEE);
            long more = onboarding.createCustomer(TestTasks.setUp(), "More " + i, partner.id()).getId();
            provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), more,
                    EnumSet.of(OrganizationRight.VIEW),
                    "more" + i + "@example.test", customer.userId("Alice"));
            provisioning.importAssignment(TestTasks.setUp(), partner.id(), more, employeeId);
        }
        long many = statementsOfOneRightsCheck(employee, customer.id());

        assertThat(many).isEqualTo(few);
        fixtures.as(employee, () -> sessions.leave());
    }

    private long statementsOfOneRightsCheck(String email, long customerId) {
        enter(email);
        return fixtures.as(email, () -> {
            SqlStatements.reset();
            assertThat(access.rightsIn(customerId)).contains(OrganizationRight.VIEW);
            return SqlStatements.count();
        });
    }

    private void enter(String email) {
        CurrentAccess current = fixtures.as(email, () -> sessions.start(partner.id(), number, null));
        assertThat(current.rights()).contains(OrganizationRight.VIEW);
        assertThat(fixtures.as(email, () -> accounts.details(number)).customerNumber())
                .isEqualTo(customer.customerNumber());
    }

    private void changeState(String email, MembershipRole role, MembershipState target) {
        fixtures.as(partner.legalEmail(), () -> memberships.changeState(partner.id(),
                membershipOf(email, role).membershipId(), target));
    }

    private Member membershipOf(String email, MembershipRole role) {
        return fixtures.as(partner.legalEmail(), () -> memberships.members(partner.id(), role)).stream()
                .filter(m -> m.email().equals(email)).findFirst().orElseThrow();
    }

    private void assertRefusedAndEnded(String email, String reason, String auditedReason) {
        assertThatThrownBy(() -> fixtures.as(email, () -> accounts.details(number)))
                .isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(email, () -> sessions.current())).isEmpty();
        assertThat(fixtures.as(email, () -> sessions.endReason())).contains(reason);

        List<AuditEvent> ended = auditTrail.latest(AccessSessions.ENDED);
        for (long organization : List.of(customer.id(), partner.id())) {
            assertThat(ended).as("ended, said on organization " + organization).anySatisfy(event -> {
                assertThat(event.getOrganizationId()).isEqualTo(organization);
                assertThat(event.getActorEmail()).isEqualTo(email);
                assertThat(event.getSummary()).startsWith("Access session of user ")
                        .contains(" (" + number.value() + ") for ").endsWith(" ended: " + auditedReason);
            });
        }
        assertThat(auditTrail.latest("ACCESS_DENIED"))
                .as("the refused call, audited on the customer's account").anySatisfy(event -> {
                    assertThat(event.getOrganizationId()).isEqualTo(customer.id());
                    assertThat(event.getActorEmail()).isEqualTo(email);
                    assertThat(event.getOutcome()).isEqualTo(AuditOutcome.DENIED);
                });
        // a second call stays refused, and the ended session is not ended twice
        assertThatThrownBy(() -> fixtures.as(email, () -> accounts.details(number)))
                .isInstanceOf(AccessRefused.class);
        assertThat(auditTrail.latest(AccessSessions.ENDED).stream()
                .filter(event -> event.getOrganizationId().equals(partner.id()))).hasSize(1);
    }
}
