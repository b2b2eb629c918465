package dev.kontor.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.AccessStanding.Outcome;
import dev.kontor.partner.PartnerTestData.TestCustomer;
import dev.kontor.partner.PartnerTestData.TestPartner;
import dev.kontor.testing.Fixtures;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one statement behind every call in an access session: whether the relationship is still active, the person
 * still an active lead or employee of the partner, and an employee still assigned to the customer. Run on H2 and on
 * PostgreSQL by the subclasses.
 */
abstract class AccessStandingQuery {

    private static final Set<OrganizationRight> VIEW_AND_USERS = EnumSet.of(OrganizationRight.VIEW,
            OrganizationRight.MANAGE_USERS);

    @Autowired
    PartnerGrants grants;

    @Autowired
    PartnerService partners;

    @Autowired
    MembershipAdministration memberships;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PartnerTestData data;

    private TestPartner partner;
    private TestCustomer customer;

    @BeforeEach
    void aPartnerWithACustomerAssignedToItsEmployee() {
        partner = data.partner();
        customer = data.activeCustomer(partner, "Standing GmbH", VIEW_AND_USERS);
        data.assign(partner, customer);
    }

    @Test
    void leads_and_the_assigned_employee_hold_the_relationships_rights() {
        for (long person : new long[] {partner.legal(), partner.admin(), partner.employee()}) {
            AccessStanding standing = grants.standingOf(customer.relationshipId(), person);
            assertThat(standing.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(standing.rights()).isEqualTo(VIEW_AND_USERS);
        }
    }

    @Test
    void an_unassigned_employee_is_not_assigned() {
        fixtures.as(partner.legalEmail(), () -> partners.unassign(partner.partnerId(), customer.customerId(),
                partner.employee()));

        assertThat(grants.standingOf(customer.relationshipId(), partner.employee()).outcome())
                .isEqualTo(Outcome.NOT_ASSIGNED);
        assertThat(grants.standingOf(customer.relationshipId(), partner.admin()).outcome())
                .as("leads need no assignment").isEqualTo(Outcome.GRANTED);
    }

    @Test
    void a_deactivated_or_removed_member_and_a_stranger_are_no_members() {
        fixtures.as(partner.legalEmail(), () -> {
            memberships.changeState(partner.partnerId(), membership(partner.employeeEmail(),
                    MembershipRole.PARTNER_EMPLOYEE).membershipId(), MembershipState.DEACTIVATED);
            memberships.remove(partner.partnerId(), membership(partner.adminEmail(),
                    MembershipRole.PARTNER_ADMINISTRATOR).membershipId());
        });
        long stranger = fixtures.userIdOf(fixtures.person("Stranger"));

        for (long person : new long[] {partner.employee(), partner.admin(), stranger}) {
            AccessStanding standing = grants.standingOf(customer.relationshipId(), person);
            assertThat(standing.outcome()).isEqualTo(Outcome.NOT_A_MEMBER);
            assertThat(standing.rights()).isEmpty();
        }
    }

    @Test
    void an_ended_or_unknown_relationship_grants_nothing() {
        fixtures.as(partner.legalEmail(), () -> partners.terminate(partner.partnerId(), customer.relationshipId(),
                Locale.ENGLISH));

        assertThat(grants.standingOf(customer.relationshipId(), partner.legal()).outcome())
                .isEqualTo(Outcome.PARTNERSHIP_ENDED);
        assertThat(grants.standingOf(Long.MAX_VALUE, partner.legal()).outcome()).isEqualTo(Outcome.PARTNERSHIP_ENDED);
    }

    private Member membership(String email, MembershipRole role) {
        return memberships.members(partner.partnerId(), role).stream().filter(m -> m.email().equals(email))
                .findFirst().orElseThrow();
    }
}
