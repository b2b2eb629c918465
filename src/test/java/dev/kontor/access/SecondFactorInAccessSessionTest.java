package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner working inside a customer's account holds every right the customer granted, ADMIN included, yet none of
 * the customer's second-factor decisions: resetting a manager's factor (which would make a stolen password enough
 * again), switching the requirement off or on, reminding, or learning who has none. docs/security.md: these need
 * rights held through one's own memberships.
 */
@IntegrationTest
class SecondFactorInAccessSessionTest {

    @Autowired
    AccessSessions sessions;

    @Autowired
    SecondFactorPolicy policy;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerProvisioning partnerships;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    private long customer;
    private String customerNumber;
    private long partner;
    private String partnerAdmin;
    private String manager;
    private long otherManagerMembership;
    private String otherManager;

    @BeforeEach
    void aPartnerWithEveryRightInACustomer() {
        // the access session belongs to one browser tab, i.e. one Vaadin UI
        UI.setCurrent(new UI());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        partnerAdmin = fixtures.person("Petra");
        manager = fixtures.person("Mia");
        otherManager = fixtures.person("Max");
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + tag);
        Organization partnerOrganization = onboarding.createPartner(TestTasks.setUp(), "Partner " + tag,
                provider.getId());
        Organization customerOrganization = onboarding.createCustomer(TestTasks.setUp(), "Customer " + tag,
                partnerOrganization.getId());
        partner = partnerOrganization.getId();
        customer = customerOrganization.getId();
        customerNumber = customerOrganization.getCustomerNumber().orElseThrow().value();
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(partnerAdmin), partner,
                MembershipRole.PARTNER_ADMINISTRATOR);
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(manager), customer, MembershipRole.MANAGER);
        otherManagerMembership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(otherManager), customer,
                MembershipRole.MANAGER).getId();
        partnerships.importActiveRelationship(TestTasks.setUp(), partner, customer,
                EnumSet.allOf(OrganizationRight.class), manager,
                fixtures.userIdOf(manager));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) values (?, ?, ?, ?)",
                fixtures.userIdOf(otherManager), "sealed", now, now);
    }

    @AfterEach
    void closeTheTab() {
        UI.setCurrent(null);
    }

    @Test
    void a_partner_in_an_access_session_with_admin_rights_cannot_touch_the_customers_second_factors() {
        fixtures.as(partnerAdmin, () -> sessions.start(partner, new dev.kontor.organization.CustomerNumber(
                customerNumber), "TICKET-2FA-ATTACK"));
        assertThat(fixtures.as(partnerAdmin, () -> sessions.current())).isPresent();
        long deniedBefore = denials();

        assertThatThrownBy(() -> fixtures.as(partnerAdmin, () -> {
            policy.resetSecondFactor(customer, otherManagerMembership);
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(partnerAdmin, () -> policy.changeRequirement(customer, true)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(partnerAdmin, () -> policy.remind(customer)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(partnerAdmin, () -> policy.withoutSecondFactor(customer)))
                .isInstanceOf(AccessRefused.class);

        assertThat(jdbc.queryForObject("select count(*) from second_factor where user_id = ?", Integer.class,
                fixtures.userIdOf(otherManager))).isEqualTo(1);
        assertThat(fixtures.as(manager, () -> policy.requirement(customer)).required()).isFalse();
        assertThat(denials()).as("each attempt audited").isGreaterThanOrEqualTo(deniedBefore + 4);
        // the partner sees the requirement itself, and that it may change nothing
        var seen = fixtures.as(partnerAdmin, () -> policy.requirement(customer));
        assertThat(seen.mayChange()).isFalse();
        assertThat(seen.mayReset()).isFalse();
        assertThat(seen.seesMembers()).isFalse();
    }

    private long denials() {
        return auditTrail.latest("ACCESS_DENIED").stream()
                .filter(event -> Long.valueOf(customer).equals(event.getOrganizationId())).count();
    }
}
