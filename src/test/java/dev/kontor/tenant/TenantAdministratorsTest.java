package dev.kontor.tenant;

import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipRole;
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
 * A tenant's administrators (rule 6): a new one gets an activation link and is INVITED until they use it; a tenant
 * is ready for handover only with an ACTIVE administrator, and the last active one stays.
 */
@IntegrationTest
class TenantAdministratorsTest {

    private static final String STRONG_PASSWORD = "blue harbour lanterns sing quietly";

    @Autowired
    TenantAdministrators administrators;

    @Autowired
    TenantService tenants;

    @Autowired
    TenantTree tree;

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
    private Customer customer;
    private long shop;

    @BeforeEach
    void aTenant() {
        customer = data.customer();
        shop = data.tenant(customer.id(), "Shop " + customer.number());
    }

    @Test
    void a_new_administrator_gets_an_activation_link_and_the_tenant_is_ready_once_they_use_it() {
        String email = newAddress("nina");

        asManager(() -> administrators.add(shop, email, "Nina Neu", Locale.ENGLISH));
        Member added = administratorOf(shop, email);

        assertThat(added.state()).isEqualTo(MembershipState.INVITED);
        assertThat(added.role()).isEqualTo(MembershipRole.TENANT_ADMINISTRATOR);
        assertThat(outbox.to(email)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("Shop " + customer.number());
            assertThat(mail.body()).contains("/invitation/").contains("Nina Neu");
        });
        assertThat(asManager(() -> tenants.details(shop)).readyForHandover()).isFalse();
        assertThat(shopNode().readyForHandover()).isFalse();
        assertThat(shopNode().administrators()).isZero();

        invitations.accept(outbox.invitationTokenFor(email), STRONG_PASSWORD);

        assertThat(asManager(() -> administrators.list(shop))).singleElement()
                .satisfies(member -> assertThat(member.state()).isEqualTo(MembershipState.ACTIVE));
        TenantDetails details = asManager(() -> tenants.details(shop));
        assertThat(details.readyForHandover()).isTrue();
        assertThat(details.activeAdministrators()).isOne();
        assertThat(shopNode().readyForHandover()).isTrue();
        TenantDetails asAdministrator = fixtures.as(email, () -> tenants.logIn(shop, null));
        assertThat(asAdministrator.workingAs().role()).isEqualTo(MembershipRole.TENANT_ADMINISTRATOR);
        assertThat(data.audit(TenantService.TENANT_LOGIN, shop)).singleElement()
                .satisfies(event -> assertThat(event.actorEmail()).isEqualTo(email));
    }

    @Test
    void the_activation_mail_is_written_in_the_chosen_language() {
        String email = newAddress("greta");

        asManager(() -> administrators.add(shop, email, "Greta", Locale.GERMAN));

        assertThat(outbox.to(email)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Aktivieren Sie"));
    }

    @Test
    void adding_the_same_person_again_changes_nothing_and_answers_the_same() {
        String email = newAddress("doppelt");
        asManager(() -> administrators.add(shop, email, "Doppelt", Locale.ENGLISH));

        asManager(() -> administrators.add(shop, email.toUpperCase(Locale.ROOT), "Doppelt", Locale.ENGLISH));
        invitations.accept(outbox.invitationTokenFor(email), STRONG_PASSWORD);
        asManager(() -> administrators.add(shop, email, "Doppelt", Locale.ENGLISH));

        assertThat(outbox.to(email).stream().filter(mail -> mail.body().contains("/invitation/"))).hasSize(1);
        assertThat(asManager(() -> administrators.list(shop))).singleElement()
                .extracting(Member::state).isEqualTo(MembershipState.ACTIVE);
    }

    @Test
    void a_person_kontor_knows_is_invited_like_anybody_and_shown_with_the_typed_name() {
        String known = fixtures.person("Karla");

        asManager(() -> administrators.add(shop, known, "Typed Karla", Locale.ENGLISH));

        assertThat(administratorOf(shop, known)).satisfies(member -> {
            assertThat(member.state()).isEqualTo(MembershipState.INVITED);
            assertThat(member.displayName()).isEqualTo("Typed Karla");
        });
        assertThat(jdbc.queryForObject("select display_name from app_user where email = ?", String.class, known))
                .isEqualTo("Karla");
        assertThat(asManager(() -> tenants.details(shop)).readyForHandover()).isFalse();
    }

    @Test
    void an_address_and_a_name_are_required() {
        asManager(() -> {
            assertThatThrownBy(() -> administrators.add(shop, "not an address", "X", Locale.ENGLISH))
                    .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("email");
                        assertThat(refusal.messageKey()).isEqualTo("validation.email");
                    });
            assertThatThrownBy(() -> administrators.add(shop, newAddress("ohne"), " ", Locale.ENGLISH))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            refusal -> assertThat(refusal.field()).isEqualTo("name"));
        });
        assertThat(asManager(() -> administrators.list(shop))).isEmpty();
    }

    @Test
    void the_last_active_administrator_can_be_neither_deactivated_nor_removed() {
        Member first = activeAdministrator("erste");
        Member second = activeAdministrator("zweite");

        asManager(() -> administrators.deactivate(shop, second.membershipId()));

        assertThatThrownBy(() -> asManager(() -> administrators.deactivate(shop, first.membershipId())))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("tenant.admin.last-active"));
        assertThatThrownBy(() -> asManager(() -> administrators.remove(shop, first.membershipId())))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("tenant.admin.last-active"));
        assertThat(asManager(() -> tenants.details(shop)).readyForHandover()).isTrue();

        asManager(() -> administrators.reactivate(shop, second.membershipId()));
        asManager(() -> administrators.remove(shop, first.membershipId()));
        assertThat(asManager(() -> administrators.list(shop))).singleElement()
                .satisfies(member -> assertThat(member.membershipId()).isEqualTo(second.membershipId()));
    }

    @Test
    void an_invited_administrator_can_be_removed_and_their_link_stops_working() {
        activeAdministrator("aktiv");
        String email = newAddress("eingeladen");
        asManager(() -> administrators.add(shop, email, "Eingeladen", Locale.ENGLISH));
        Member invited = administratorOf(shop, email);
        String token = outbox.invitationTokenFor(email);

        asManager(() -> administrators.remove(shop, invited.membershipId()));

        assertThatThrownBy(() -> invitations.accept(token, STRONG_PASSWORD)).isInstanceOf(RuleViolation.class);
        assertThat(asManager(() -> administrators.list(shop))).hasSize(1);
    }

    @Test
    void a_new_link_is_sent_only_to_someone_still_invited_and_replaces_the_old_one() {
        String email = newAddress("vergesslich");
        asManager(() -> administrators.add(shop, email, "Vergesslich", Locale.ENGLISH));
        Member invited = administratorOf(shop, email);
        String oldToken = outbox.invitationTokenFor(email);

        asManager(() -> administrators.resend(shop, invited.membershipId(), Locale.ENGLISH));

        assertThat(outbox.to(email)).hasSize(2);
        String newToken = outbox.invitationTokenFor(email);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThatThrownBy(() -> invitations.accept(oldToken, STRONG_PASSWORD)).isInstanceOf(RuleViolation.class);
        invitations.accept(newToken, STRONG_PASSWORD);
        assertThatThrownBy(() -> asManager(() -> administrators.resend(shop, invited.membershipId(),
                Locale.ENGLISH))).isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("tenant.admin.not-invited"));
        assertThat(outbox.to(email)).hasSize(2);
    }

    @Test
    void a_deactivated_administrator_added_again_is_invited_again_and_active_only_once_they_accept_signed_in() {
        Member keeper = activeAdministrator("bleibt");
        String email = newAddress("zurueck");
        asManager(() -> administrators.add(shop, email, "Zurück", Locale.ENGLISH));
        invitations.accept(outbox.invitationTokenFor(email), STRONG_PASSWORD);
        long membership = administratorOf(shop, email).membershipId();
        asManager(() -> administrators.deactivate(shop, membership));

        asManager(() -> administrators.add(shop, email, "Zurück", Locale.ENGLISH));

        Member again = administratorOf(shop, email);
        assertThat(again.membershipId()).isEqualTo(membership);
        assertThat(again.state()).isEqualTo(MembershipState.INVITED);
        assertThat(asManager(() -> tenants.details(shop)).activeAdministrators()).isEqualTo(1);
        fixtures.as(email, () -> invitations.accept(outbox.invitationTokenFor(email), null));
        assertThat(asManager(() -> tenants.details(shop)).activeAdministrators()).isEqualTo(2);
        assertThat(keeper.isActive()).isTrue();
    }

    @Test
    void an_administrator_of_another_tenant_is_refused_and_the_attempt_audited() {
        long office = data.tenant(customer.id(), "Büro");
        String stranger = newAddress("fremd");
        asManager(() -> administrators.add(office, stranger, "Fremd", Locale.ENGLISH));
        Member foreign = administratorOf(office, stranger);
        activeAdministrator("hier");
        int denials = data.denials(shop);

        assertThatThrownBy(() -> asManager(() -> administrators.remove(shop, foreign.membershipId())))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("tenant.admin.not-found"));
        assertThat(data.denials(shop)).isEqualTo(denials + 1);
        assertThat(asManager(() -> administrators.list(office))).hasSize(1);
    }

    @Test
    void partner_leads_add_administrators_where_the_customer_lets_them_manage_tenants_and_employees_do_not() {
        Partner partner = data.partner();
        Customer managed = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        long tenant = data.tenant(managed.id(), "Verwaltet");
        String email = newAddress("vom-partner");

        fixtures.as(partner.adminEmail(), () -> administrators.add(tenant, email, "Vom Partner", Locale.ENGLISH));

        assertThat(fixtures.as(partner.adminEmail(), () -> administrators.list(tenant))).singleElement()
                .extracting(Member::state).isEqualTo(MembershipState.INVITED);
        assertThat(outbox.to(email)).hasSize(1);
        assertThatThrownBy(() -> fixtures.as(partner.employeeEmail(), () -> administrators.add(tenant,
                newAddress("vom-angestellten"), "Nein", Locale.ENGLISH))).isInstanceOf(AccessRefused.class);
        String tenantAdministrator = data.tenantAdministrator(tenant);
        // a tenant's administrators administer its users, too
        String fromAdmin = newAddress("vom-admin");
        fixtures.as(tenantAdministrator, () -> administrators.add(tenant, fromAdmin, "Vom Admin", Locale.ENGLISH));
        assertThat(fixtures.as(tenantAdministrator, () -> administrators.list(tenant)))
                .filteredOn(member -> member.email().equals(fromAdmin)).singleElement()
                .extracting(Member::state).isEqualTo(MembershipState.INVITED);
    }

    @Test
    void a_partner_adding_an_administrator_where_nobody_administers_tells_the_customers_managers_of_invite_and_acceptance() {
        Partner partner = data.partner();
        Customer managed = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));
        long tenant = data.tenant(managed.id(), "Ohne Admin " + managed.number());
        String email = newAddress("vom-partner");

        fixtures.as(partner.adminEmail(), () -> administrators.add(tenant, email, "Vom Partner", Locale.ENGLISH));
        invitations.accept(outbox.invitationTokenFor(email), STRONG_PASSWORD);

        assertThat(outbox.to(managed.managerEmail())).filteredOn(mail -> mail.subject().contains("Ohne Admin"))
                .satisfiesExactly(
                        invited -> assertThat(invited.body()).contains("has been invited").contains(email)
                                .contains(partner.adminEmail()),
                        accepted -> assertThat(accepted.body()).contains("has accepted").contains(email));
    }

    @Test
    void a_sub_tenant_without_administrators_tells_the_parent_tenants_administrators_not_the_customers_managers() {
        long branch = data.tenant(shop, "Filiale " + customer.number());
        String shopAdministrator = data.tenantAdministrator(shop);
        String email = newAddress("filiale");

        asManager(() -> administrators.add(branch, email, "Fil Iale", Locale.ENGLISH));

        assertThat(outbox.to(shopAdministrator)).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains("has been invited").contains(email).contains("Filiale " + customer.number()));
        assertThat(outbox.to(customer.managerEmail())).noneMatch(mail -> mail.subject().contains("Filiale"));
    }

    @Test
    void a_partners_own_tenant_without_administrators_tells_the_partners_legal_representatives() {
        Partner partner = data.partner();
        long own = data.tenant(partner.id(), "Eigen " + TenantTestData.tag());
        String email = newAddress("eigen");

        fixtures.as(partner.adminEmail(), () -> administrators.add(own, email, "Ei Gen", Locale.ENGLISH));

        assertThat(outbox.to(partner.legalEmail())).filteredOn(mail -> mail.subject().contains("Eigen"))
                .singleElement().satisfies(mail -> assertThat(mail.body()).contains("has been invited", email));
    }

    // --- helpers

    private Member activeAdministrator(String name) {
        String email = newAddress(name);
        asManager(() -> administrators.add(shop, email, name, Locale.ENGLISH));
        Member invited = administratorOf(shop, email);
        invitations.accept(outbox.invitationTokenFor(email), STRONG_PASSWORD);
        return asManager(() -> administrators.list(shop)).stream()
                .filter(member -> member.membershipId() == invited.membershipId()).findFirst().orElseThrow();
    }

    private TreeNode shopNode() {
        return asManager(() -> tree.children(customer.id(), TreeFilter.NONE, 0, 10)).stream()
                .filter(node -> node.id() == shop).findFirst().orElseThrow();
    }

    private Member administratorOf(long tenant, String email) {
        return asManager(() -> administrators.list(tenant)).stream().filter(member -> member.email().equals(email))
                .findFirst().orElseThrow();
    }

    private <T> T asManager(java.util.function.Supplier<T> work) {
        return fixtures.as(customer.managerEmail(), work);
    }

    private void asManager(Runnable work) {
        fixtures.as(customer.managerEmail(), work);
    }

    private static String newAddress(String name) {
        return name + "-" + TenantTestData.tag() + "@example.test";
    }
}
