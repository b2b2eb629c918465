package dev.kontor.tenant;

import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.MembershipState;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import dev.kontor.tenant.TenantTestData.Customer;
import dev.kontor.tenant.TenantTestData.Partner;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tenant administrator whom a partner invites through the partnership's MANAGE_TENANTS administers the tenant only
 * once they have accepted and one of the customer's own people approves: an administrator of the tenant or of a
 * tenant above it, or, where the tenant has none, a manager of the customer account. The partner's own people never
 * decide.
 */
@IntegrationTest
class TenantAdministratorApprovalTest {

    private static final String PASSWORD = "lantern orbit quietly folds seven maps";

    @Autowired
    TenantAdministrators administrators;

    @Autowired
    TenantService tenants;

    @Autowired
    InvitationService invitations;

    @Autowired
    Outbox outbox;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantTestData data;

    private Partner partner;
    private Customer customer;
    private long shop;
    private String mailbox;

    @BeforeEach
    void aPartnerThatManagesTheCustomersTenants() {
        partner = data.partner();
        customer = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        shop = data.tenant(customer.id(), "Shop " + customer.number());
        mailbox = "admin-" + TenantTestData.tag() + "@private.example";
    }

    @Test
    void an_administrator_the_partner_invites_waits_after_accepting_and_the_tenant_stays_not_ready() {
        long waiting = invitedByThePartnerAndAccepted(shop, mailbox);

        assertThat(stateOf(waiting)).isEqualTo("APPROVAL_PENDING");
        assertThat(fixtures.as(customer.managerEmail(), () -> tenants.details(shop)).readyForHandover()).isFalse();
        assertThat(fixtures.as(customer.managerEmail(), () -> administrators.list(shop))).singleElement()
                .satisfies(member -> assertThat(member.state()).isEqualTo(MembershipState.APPROVAL_PENDING));
        assertThatThrownBy(() -> fixtures.as(mailbox, () -> tenants.details(shop)))
                .isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(partner.adminEmail(), () -> administrators.approvals(shop))).singleElement()
                .satisfies(approval -> {
                    assertThat(approval.partnerName()).isEqualTo(partner.name());
                    assertThat(approval.mayDecide()).isFalse();
                });
    }

    @Test
    void a_tenant_without_administrators_of_its_own_is_decided_by_the_customers_managers_who_are_told_where() {
        long waiting = invitedByThePartner(shop, mailbox);

        assertThat(outbox.to(customer.managerEmail())).last().satisfies(mail -> assertThat(mail.body())
                .contains(mailbox, "has been invited as Tenant administrator", "for the partner " + partner.name(),
                        "only once one of its administrators or a manager of its customer account approves",
                        "/tenant/" + shop));
        accept(mailbox);
        assertThat(outbox.to(customer.managerEmail())).last().satisfies(mail -> assertThat(mail.body())
                .contains("waits for approval", "/tenant/" + shop));

        fixtures.as(customer.managerEmail(), () -> administrators.approve(shop, waiting));

        assertThat(stateOf(waiting)).isEqualTo("ACTIVE");
        assertThat(fixtures.as(mailbox, () -> tenants.details(shop)).readyForHandover()).isTrue();
        assertThat(outbox.to(mailbox)).last().satisfies(mail -> assertThat(mail.subject())
                .startsWith("Your role in Shop " + customer.number()).endsWith("has been approved"));
        assertThat(data.audit("MEMBERSHIP_APPROVED", shop)).singleElement()
                .satisfies(row -> assertThat(row.actorEmail()).isEqualTo(customer.managerEmail()));
    }

    @Test
    void an_administrator_of_a_tenant_above_decides_and_one_of_a_sibling_tenant_does_not() {
        String shopAdministrator = data.tenantAdministrator(shop);
        long corner = data.tenant(shop, "Corner " + customer.number());
        long sibling = data.tenant(customer.id(), "Sibling " + customer.number());
        String siblingAdministrator = data.tenantAdministrator(sibling);
        long waiting = invitedByThePartner(corner, mailbox);
        // the corner has no administrator of its own: the shop's administrators hear of it
        assertThat(outbox.to(shopAdministrator)).last().satisfies(mail -> assertThat(mail.body())
                .contains(mailbox, "/tenant/" + corner));
        accept(mailbox);

        assertThatThrownBy(() -> fixtures.as(siblingAdministrator, () -> administrators.approve(corner, waiting)))
                .isInstanceOf(AccessRefused.class);
        fixtures.as(shopAdministrator, () -> administrators.approve(corner, waiting));

        assertThat(stateOf(waiting)).isEqualTo("ACTIVE");
    }

    @Test
    void the_partners_people_never_decide_through_the_partnership() {
        long waiting = invitedByThePartnerAndAccepted(shop, mailbox);
        int denials = data.audit("MEMBERSHIP_APPROVAL_DENIED", shop).size();

        for (String person : new String[] {partner.adminEmail(), partner.legalEmail()}) {
            assertThatThrownBy(() -> fixtures.as(person, () -> administrators.approve(shop, waiting))).as(person)
                    .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                            .isEqualTo("membership.approval.not-for-a-partner"));
            assertThatThrownBy(() -> fixtures.as(person, () -> administrators.refuse(shop, waiting))).as(person)
                    .isInstanceOf(RuleViolation.class);
        }

        assertThat(data.audit("MEMBERSHIP_APPROVAL_DENIED", shop)).hasSize(denials + 4);
        assertThat(stateOf(waiting)).isEqualTo("APPROVAL_PENDING");
    }

    @Test
    void an_administrator_the_partner_brought_in_does_not_vouch_for_the_next_one() {
        long first = invitedByThePartnerAndAccepted(shop, mailbox);
        fixtures.as(customer.managerEmail(), () -> administrators.approve(shop, first));
        String second = "second-" + mailbox;
        long next = invitedByThePartnerAndAccepted(shop, second);

        assertThatThrownBy(() -> fixtures.as(mailbox, () -> administrators.approve(shop, next)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("membership.approval.not-by-partner-invitee"));
        fixtures.as(customer.managerEmail(), () -> administrators.refuse(shop, next));

        assertThat(jdbc.queryForObject("select count(*) from membership where id = ?", Integer.class, next)).isZero();
        assertThat(outbox.to(second)).last().satisfies(mail -> assertThat(mail.subject()).endsWith(
                "has not been approved"));
    }

    @Test
    void the_activation_mail_and_the_resent_one_tell_the_person_that_the_customers_people_approve_them() {
        long invited = invitedByThePartner(shop, mailbox);
        fixtures.as(partner.adminEmail(), () -> administrators.resend(shop, invited, Locale.GERMAN));

        assertThat(outbox.to(mailbox)).hasSize(2);
        assertThat(outbox.to(mailbox).getFirst().body()).contains("Hello Private Admin", "A partner asked for this invitation",
                "After you accept, an administrator of the tenant or a manager of its customer account has to "
                        + "approve you before you can work there");
        assertThat(outbox.to(mailbox).getLast().body()).contains("Hallo Private Admin", "Ein Partner hat diese Einladung veranlasst",
                "muss ein Administrator des Mandanten oder ein Manager seines Kundenkontos Sie freigeben");
        // someone who has a password already gets the mail for signing in, with the same warning
        long other = data.tenant(customer.id(), "Other " + customer.number());
        invitedByThePartner(other, customer.managerEmail());
        assertThat(outbox.to(customer.managerEmail())).filteredOn(mail -> mail.subject().startsWith("Activate"))
                .singleElement().satisfies(mail -> assertThat(mail.body()).contains("existing password",
                        "an administrator of the tenant or a manager of its customer account has to approve you"));
    }

    @Test
    void only_someone_working_for_a_partner_is_told_beforehand_that_the_invitee_will_need_approval() {
        assertThat(fixtures.as(partner.adminEmail(), () -> administrators.invitationsNeedApproval(shop))).isTrue();
        assertThat(fixtures.as(customer.managerEmail(), () -> administrators.invitationsNeedApproval(shop)))
                .isFalse();
        fixtures.as(customer.managerEmail(), () -> administrators.add(shop, mailbox, "Own Admin", Locale.ENGLISH));
        assertThat(outbox.to(mailbox)).singleElement().satisfies(mail -> assertThat(mail.body())
                .doesNotContain("approve"));
    }

    @Test
    void an_administrator_the_customer_adds_itself_needs_no_approval() {
        fixtures.as(customer.managerEmail(), () -> administrators.add(shop, mailbox, "Own Admin", Locale.ENGLISH));
        accept(mailbox);

        assertThat(stateOf(membershipOf(shop, mailbox))).isEqualTo("ACTIVE");
        assertThat(fixtures.as(customer.managerEmail(), () -> administrators.approvals(shop))).isEmpty();
    }

    private long invitedByThePartner(long tenant, String email) {
        fixtures.as(partner.adminEmail(), () -> administrators.add(tenant, email, "Private Admin", Locale.ENGLISH));
        return membershipOf(tenant, email);
    }

    private long invitedByThePartnerAndAccepted(long tenant, String email) {
        long membership = invitedByThePartner(tenant, email);
        accept(email);
        return membership;
    }

    private void accept(String email) {
        invitations.accept(outbox.invitationTokenFor(email), PASSWORD);
    }

    private long membershipOf(long tenant, String email) {
        return jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.organization_id = ?""", Long.class, email, tenant);
    }

    private String stateOf(long membershipId) {
        return jdbc.queryForObject("select state from membership where id = ?", String.class, membershipId);
    }
}
