package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.audit.AuditLog;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationState;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.SqlStatements;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class PartnerAdministrationTest {

    @Autowired
    PartnerAdministration administration;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    AccessSessions sessions;

    @Autowired
    InvitationService invitations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    ProviderWorld world;
    UI tab;

    @BeforeEach
    void aProviderOfItsOwn() {
        world = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        tab = new UI();
        UI.setCurrent(tab);
    }

    @AfterEach
    void closeTheTab() {
        UI.setCurrent(null);
    }

    @Test
    void support_managers_partners_and_other_providers_administrators_are_refused_and_every_refusal_is_audited() {
        ProviderWorld other = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        for (String person : List.of(DemoPeople.SUPPORT, DemoPeople.ANNA, DemoPeople.LEGAL, world.partner().legalEmail(),
                world.account().email("Alice"), other.admin())) {
            long before = refusals();
            assertThatThrownBy(() -> fixtures.as(person, () -> administration.partner(world.partner().id())))
                    .isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> fixtures.as(person, () -> administration.suspend(world.partner().id(), 0, null)))
                    .isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> fixtures.as(person, () -> administration.peopleOf(world.partner().id())))
                    .isInstanceOf(AccessRefused.class);
            assertThat(refusals()).as(person).isEqualTo(before + 3);
        }
        assertThat(state(world.partner().id())).isEqualTo("ACTIVE");
    }

    @Test
    void a_new_partner_invites_its_legal_representative_who_becomes_one_by_accepting_the_link() {
        String email = "rep-" + System.nanoTime() + "@example.test";

        long partnerId = fixtures.as(world.admin(), () -> administration.createPartner(
                new NewPartner("Neue Agentur", email, "Rita Rep"), Locale.GERMAN));

        PartnerRow row = fixtures.as(world.admin(), () -> administration.partner(partnerId));
        assertThat(row.name()).isEqualTo("Neue Agentur");
        assertThat(row.state()).isEqualTo(OrganizationState.ACTIVE);
        assertThat(outbox.to(email)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Einladung: Neue Agentur in Kontor vertreten");
            assertThat(mail.body()).contains("Rita Rep", "Neue Agentur");
        });
        List<PartnerPerson> people = fixtures.as(world.admin(), () -> administration.peopleOf(partnerId));
        assertThat(people).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(MembershipRole.LEGAL_REPRESENTATIVE);
            assertThat(p.state()).isEqualTo(MembershipState.INVITED);
            assertThat(p.name()).isEqualTo("Rita Rep");
        });

        invitations.accept(outbox.invitationTokenFor(email), "a long enough password for the representative");

        assertThat(fixtures.as(world.admin(), () -> administration.peopleOf(partnerId)).getFirst().state())
                .isEqualTo(MembershipState.ACTIVE);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where organization_id = ? and kind = "
                + "'ORGANIZATION_CREATED'", Long.class, partnerId)).isOne();
    }

    @Test
    void a_known_address_gets_the_same_answer_and_an_invitation_like_an_unknown_one() {
        String known = world.account().email("Alice");

        long partnerId = fixtures.as(world.admin(), () -> administration.createPartner(
                new NewPartner("Known Rep GmbH", known, "Whoever"), Locale.ENGLISH));

        assertThat(outbox.to(known)).last().satisfies(mail -> assertThat(mail.subject())
                .isEqualTo("Invitation to represent Known Rep GmbH in Kontor"));
        assertThat(fixtures.as(world.admin(), () -> administration.peopleOf(partnerId))).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(MembershipState.INVITED));
    }

    @Test
    void bad_input_is_refused_at_its_field_and_nothing_is_created() {
        long before = count(null);

        assertField(() -> administration.createPartner(new NewPartner(" ", "a@b.test", "A"), Locale.ENGLISH), "name");
        assertField(() -> administration.createPartner(new NewPartner("<b>x</b>", "a@b.test", "A"), Locale.ENGLISH),
                "name");
        assertField(() -> administration.createPartner(new NewPartner("X", "not an address", "A"), Locale.ENGLISH),
                "representativeEmail");
        assertField(() -> administration.createPartner(new NewPartner("X", "a@b.test", ""), Locale.ENGLISH),
                "representativeName");
        assertField(() -> administration.createPartner(null, Locale.ENGLISH), "name");

        assertThat(count(null)).isEqualTo(before);
    }

    @Test
    void the_list_filters_by_folded_name_and_state_in_the_database_and_pages() {
        for (int i = 0; i < 12; i++) {
            int n = i;
            fixtures.as(world.admin(), () -> administration.createPartner(
                    new NewPartner("Bäckerei-Partner " + n, "p" + n + "-" + System.nanoTime() + "@example.test",
                            "P " + n), Locale.ENGLISH));
        }

        assertThat(count(new PartnerFilter("BAECKEREI", null))).isEqualTo(12);
        assertThat(count(new PartnerFilter("100%", null))).isZero();
        assertThat(count(null)).isEqualTo(13);
        List<PartnerRow> page = fixtures.as(world.admin(), () -> administration.partners(
                new PartnerFilter("backerei", null), PageRequest.of(1, 5)));
        assertThat(page).hasSize(5);
        PartnerRow own = fixtures.as(world.admin(), () -> administration.partner(world.partner().id()));
        assertThat(own.customers()).isOne();
        assertThat(own.people()).isEqualTo(2);
        assertThat(fixtures.as(world.admin(), () -> administration.customersOf(world.partner().id(),
                PageRequest.of(0, 10)))).extracting(PartnerCustomerRow::customerNumber)
                .containsExactly(world.account().customerNumber());

        fixtures.as(world.admin(), () -> administration.suspend(own.id(), own.version(), null));
        assertThat(count(new PartnerFilter(null, OrganizationState.SUSPENDED))).isOne();
        assertThat(count(new PartnerFilter(null, OrganizationState.ACTIVE))).isEqualTo(12);
    }

    @Test
    void a_page_of_partners_costs_the_same_statements_at_3_and_at_30_partners() {
        ProviderWorld large = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        for (int i = 0; i < 29; i++) {
            int n = i;
            fixtures.as(large.admin(), () -> administration.createPartner(new NewPartner("Many " + n,
                    "m" + n + "-" + System.nanoTime() + "@example.test", "M"), Locale.ENGLISH));
        }
        for (int i = 0; i < 2; i++) {
            int n = i;
            fixtures.as(world.admin(), () -> administration.createPartner(new NewPartner("Few " + n,
                    "f" + n + "-" + System.nanoTime() + "@example.test", "F"), Locale.ENGLISH));
        }

        long small = statementsForAPage(world);
        long big = statementsForAPage(large);

        // the caller's provider, the page; the caller's provider, the count
        assertThat(small).isEqualTo(big).isEqualTo(4);
    }

    @Test
    void suspending_a_partner_refuses_its_people_and_ends_their_open_access_sessions_with_the_reason() {
        CustomerNumber number = new CustomerNumber(world.account().customerNumber());
        fixtures.as(world.partner().adminEmail(), () -> sessions.start(world.partner().id(), number, null));
        PartnerRow row = fixtures.as(world.admin(), () -> administration.partner(world.partner().id()));

        fixtures.as(world.admin(), () -> administration.suspend(row.id(), row.version(), "unpaid invoices"));

        assertThat(jdbc.queryForObject("select end_reason from access_session where partner_id = ?", String.class,
                world.partner().id())).isEqualTo("PARTNER_SUSPENDED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'ACCESS_SESSION_ENDED' "
                + "and organization_id = ?", Long.class, world.account().id())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'ORGANIZATION_STATE_CHANGED' "
                + "and organization_id = ?", Long.class, world.partner().id())).isOne();
        assertThat(fixtures.as(world.partner().adminEmail(), () -> sessions.endReason())).contains("PARTNER_SUSPENDED");
        assertThatThrownBy(() -> fixtures.as(world.partner().legalEmail(), () -> managedCustomers.rows(
                world.partner().id(), ManagedCustomerFilter.none(), PageRequest.of(0, 10))))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.partner().adminEmail(),
                () -> sessions.start(world.partner().id(), number, null))).isInstanceOf(AccessRefused.class);

        PartnerRow suspended = fixtures.as(world.admin(), () -> administration.partner(world.partner().id()));
        fixtures.as(world.admin(), () -> administration.reactivate(suspended.id(), suspended.version()));

        assertThat(fixtures.as(world.partner().legalEmail(), () -> managedCustomers.rows(world.partner().id(),
                ManagedCustomerFilter.none(), PageRequest.of(0, 10)))).hasSize(1);
    }

    @Test
    void a_change_on_a_stale_version_says_the_partner_changed_meanwhile() {
        PartnerRow seen = fixtures.as(world.admin(), () -> administration.partner(world.partner().id()));
        fixtures.as(world.admin(), () -> administration.suspend(seen.id(), seen.version(), null));

        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.reactivate(seen.id(), seen.version())))
                .isInstanceOf(StaleData.class);
        assertThat(state(world.partner().id())).isEqualTo("SUSPENDED");
    }

    @Test
    void a_partner_keeps_at_least_one_active_legal_representative() {
        long partnerId = world.partner().id();
        PartnerPerson legal = representatives(partnerId).getFirst();

        assertThatThrownBy(() -> fixtures.as(world.admin(),
                () -> administration.deactivateMember(partnerId, legal.membershipId(), legal.version())))
                .isInstanceOf(RuleViolation.class).hasMessage("partner.representative.last");

        String second = "second-" + System.nanoTime() + "@example.test";
        fixtures.as(world.admin(), () -> administration.inviteRepresentative(partnerId, second, "Second Rep",
                Locale.ENGLISH));
        invitations.accept(outbox.invitationTokenFor(second), "a long enough passphrase nobody guesses");
        fixtures.as(world.admin(), () -> administration.deactivateMember(partnerId, legal.membershipId(),
                legal.version()));

        assertThat(representatives(partnerId)).extracting(PartnerPerson::state)
                .containsExactlyInAnyOrder(MembershipState.DEACTIVATED, MembershipState.ACTIVE);
    }

    private List<PartnerPerson> representatives(long partnerId) {
        return fixtures.as(world.admin(), () -> administration.peopleOf(partnerId)).stream()
                .filter(p -> p.role() == MembershipRole.LEGAL_REPRESENTATIVE).toList();
    }

    private long statementsForAPage(ProviderWorld w) {
        return fixtures.as(w.admin(), () -> {
            SqlStatements.reset();
            administration.partners(PartnerFilter.all(), PageRequest.of(0, 50));
            administration.countPartners(PartnerFilter.all());
            return SqlStatements.count();
        });
    }

    private void assertField(Runnable call, String field) {
        assertThatThrownBy(() -> fixtures.as(world.admin(), call)).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }

    private long count(PartnerFilter filter) {
        return fixtures.as(world.admin(), () -> administration.countPartners(filter));
    }

    private String state(long organizationId) {
        return jdbc.queryForObject("select state from organization where id = ?", String.class, organizationId);
    }

    private long refusals() {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED'", Long.class);
    }
}
