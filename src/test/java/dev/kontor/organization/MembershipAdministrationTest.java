package dev.kontor.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MembershipAdministrationTest {

    @Autowired
    MembershipAdministration memberships;

    @Autowired
    OrganizationService organizations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditTrail auditTrail;

    @Test
    void a_partner_administrator_can_neither_make_legal_representatives_nor_remove_them() {
        long partner = partnerOf(DemoPeople.PARTNER_ADMIN);
        long legalMembership = fixtures.as(DemoPeople.PARTNER_ADMIN, () -> memberships.members(partner,
                MembershipRole.LEGAL_REPRESENTATIVE)).getFirst().membershipId();
        long adminUser = fixtures.as(DemoPeople.PARTNER_ADMIN, () -> memberships.members(partner,
                MembershipRole.PARTNER_ADMINISTRATOR)).getFirst().userId();

        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> memberships.invite(partner, adminUser,
                MembershipRole.LEGAL_REPRESENTATIVE, "Admin"))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> memberships.changeState(partner,
                legalMembership, MembershipState.DEACTIVATED))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> memberships.remove(partner,
                legalMembership))).isInstanceOf(AccessRefused.class);
        assertThat(auditTrail.latest(OrganizationAccess.ACCESS_DENIED))
                .anySatisfy(e -> assertThat(e.getSummary()).contains("only a legal representative"));
    }

    @Test
    void only_the_invited_person_turns_an_invitation_into_an_active_membership() {
        TestAccount account = fixtures.account("Alice");
        long membership = fixtures.as(account.email("Alice"), () -> memberships.invite(account.id(),
                fixtures.userIdOf(fixtures.person("Ivy")), MembershipRole.MANAGER, "Ivy"))
                .orElseThrow().membershipId();

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> memberships.changeState(account.id(),
                membership, MembershipState.ACTIVE))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("membership.invited-accepts-themselves");
    }

    @Test
    void a_membership_of_another_organization_is_refused_and_audited() {
        TestAccount mine = fixtures.account("Alice", "Bob");
        TestAccount theirs = fixtures.account("Olga", "Otto");
        long ottos = fixtures.as(theirs.email("Olga"), () -> memberships.members(theirs.id(), MembershipRole.MANAGER))
                .stream().filter(m -> m.displayName().equals("Otto")).findFirst().orElseThrow().membershipId();

        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"), () -> memberships.changeState(mine.id(), ottos,
                MembershipState.DEACTIVATED))).isInstanceOf(RuleViolation.class);
        assertThat(auditTrail.latest(OrganizationAccess.ACCESS_DENIED))
                .anySatisfy(e -> assertThat(e.getSummary())
                        .isEqualTo("Refused: the membership named does not belong to this organization"));
    }

    private long partnerOf(String email) {
        return fixtures.as(email, () -> organizations.myOrganizationsOfKind(OrganizationKind.PARTNER)).getFirst()
                .organizationId();
    }
}
