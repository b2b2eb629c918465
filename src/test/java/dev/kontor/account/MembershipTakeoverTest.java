package dev.kontor.account;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessPolicyService;
import dev.kontor.access.AccessSessions;
import dev.kontor.base.KontorException;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.CustomerPartnerRow;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hole 1 of issue 12, as an attacker tried it: a partner administrator in an access session with MANAGE_USERS made
 * himself an active manager of the customer, and then, outside any session, decided on his own partner. Each attempt
 * must be refused, change nothing and be audited.
 */
@IntegrationTest
class MembershipTakeoverTest {

    private UI tab;

    @Autowired
    AccessSessions sessions;

    @Autowired
    ManagerService managers;

    @Autowired
    AccountService accounts;

    @Autowired
    CustomerPartnerService customerPartners;

    @Autowired
    AccessPolicyService policies;

    @Autowired
    InvitationService invitations;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    private TestPartner partner;
    private TestAccount account;
    private long relationshipId;

    @BeforeEach
    void aPartnerInsideTheAccount() {
        // the access session belongs to one browser tab; the test keeps the UI as a browser session would
        tab = new UI();
        UI.setCurrent(tab);
        partner = fixtures.partner("Takeover");
        account = fixtures.account("Alice", "Bob");
        relationshipId = provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), account.email("Alice"),
                account.userId("Alice"));
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(),
                new CustomerNumber(account.customerNumber()), null));
    }

    @Test
    void a_partner_administrator_in_an_access_session_cannot_make_himself_a_manager() {
        int refusals = refusalsIn(account.id());

        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> managers.addManager(account.id(),
                partner.adminEmail(), "Me", Locale.ENGLISH))).isInstanceOf(KontorException.class);

        assertThat(membershipsOf(partner.adminUserId(), account.id())).isZero();
        assertThat(refusalsIn(account.id())).isGreaterThan(refusals);
    }

    @Test
    void a_partner_administrator_in_an_access_session_cannot_make_a_colleague_of_his_partner_a_manager() {
        int refusals = refusalsIn(account.id());

        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> managers.addManager(account.id(),
                partner.legalEmail(), "Colleague", Locale.ENGLISH))).isInstanceOf(KontorException.class);

        assertThat(membershipsOf(partner.legalUserId(), account.id())).isZero();
        assertThat(refusalsIn(account.id())).isGreaterThan(refusals);
        assertThat(outbox.to(partner.legalEmail())).isEmpty();
    }

    @Test
    void a_deactivated_colleague_of_the_partner_cannot_be_reactivated_or_added_again_inside_a_session() {
        long membership = onboarding.grant(TestTasks.setUp(), partner.legalUserId(), account.id(),
                MembershipRole.MANAGER).getId();
        fixtures.as(account.email("Alice"), () -> {
            UI.setCurrent(null);
            managers.deactivate(account.id(), membership, Locale.ENGLISH);
            UI.setCurrent(tab);
        });
        int refusals = refusalsIn(account.id());

        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> managers.reactivate(account.id(),
                membership))).isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> managers.addManager(account.id(),
                partner.legalEmail(), "Colleague", Locale.ENGLISH))).isInstanceOf(KontorException.class);

        assertThat(stateOf(membership)).isEqualTo("DEACTIVATED");
        assertThat(refusalsIn(account.id())).isGreaterThanOrEqualTo(refusals + 2);
    }

    @Test
    void a_manager_added_by_a_partner_starts_invited_and_every_manager_is_told_who_did_it_for_whom() {
        String known = fixtures.person("Kim");

        fixtures.as(partner.adminEmail(), () -> managers.addManager(account.id(), known, "Kim Typed",
                Locale.ENGLISH));

        assertThat(stateOf(membershipOf(fixtures.userIdOf(known), account.id()))).isEqualTo("INVITED");
        for (String manager : new String[] {account.email("Alice"), account.email("Bob")}) {
            assertThat(outbox.to(manager)).anySatisfy(mail -> assertThat(mail.body())
                    .contains(known, "Admin " + partner.adminEmail().substring(14, 22), partner.name()));
        }
    }

    @Test
    void a_manager_who_belongs_to_the_partner_decides_nothing_about_that_partner() {
        // as if the takeover had happened: the partner administrator is an active manager of the account as well
        onboarding.grant(TestTasks.setUp(), partner.adminUserId(), account.id(), MembershipRole.MANAGER);
        UI.setCurrent(null);
        CustomerPartnerRow before = row();
        int refusals = refusalsIn(account.id());

        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> customerPartners.changeRights(account.id(),
                relationshipId, before.version(), EnumSet.allOf(OrganizationRight.class))))
                .isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> customerPartners.confirmRights(
                account.id(), relationshipId))).isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> policies.change(account.id(), false,
                false))).isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> customerPartners.revoke(account.id(),
                relationshipId))).isInstanceOf(KontorException.class);

        CustomerPartnerRow after = row();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.grantedRights()).isEqualTo(Set.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS));
        assertThat(refusalsIn(account.id())).isGreaterThanOrEqualTo(refusals + 4);
        // the account's own managers still decide
        fixtures.as(account.email("Alice"), () -> customerPartners.confirmRights(account.id(), relationshipId));
    }

    private CustomerPartnerRow row() {
        return fixtures.as(account.email("Alice"), () -> customerPartners.partnersOf(account.id())).stream()
                .filter(r -> r.relationshipId() == relationshipId).findFirst().orElseThrow();
    }

    private int refusalsIn(long organizationId) {
        return jdbc.queryForObject("select count(*) from audit_event where organization_id = ? and outcome = 'DENIED'",
                Integer.class, organizationId);
    }

    private int membershipsOf(long userId, long organizationId) {
        return jdbc.queryForObject("select count(*) from membership where user_id = ? and organization_id = ?",
                Integer.class, userId, organizationId);
    }

    private long membershipOf(long userId, long organizationId) {
        return jdbc.queryForObject("select id from membership where user_id = ? and organization_id = ?",
                Long.class, userId, organizationId);
    }

    private String stateOf(long membershipId) {
        return jdbc.queryForObject("select state from membership where id = ?", String.class, membershipId);
    }
}
