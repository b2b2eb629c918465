package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.AccountService;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationState;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.SqlStatements;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class AccountAdministrationTest {

    private static final Set<OrganizationRight> RIGHTS = EnumSet.of(OrganizationRight.VIEW,
            OrganizationRight.MANAGE_CONTACTS);

    @Autowired
    AccountAdministration administration;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    AccountService accountService;

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

    @BeforeEach
    void aProviderOfItsOwn() {
        world = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        UI.setCurrent(new UI());
    }

    @AfterEach
    void closeTheTab() {
        UI.setCurrent(null);
    }

    @Test
    void a_new_account_gets_the_next_number_its_address_and_a_first_manager_who_accepts_by_the_link() {
        String email = address("first");

        CreatedAccount created = create(new NewAccount(null, "Gärtnerei Grün", "Blumenweg 1", "12345", "Berlin", "DE",
                email, "Greta Grün", null, null));

        assertThat(created.customerNumber()).matches("CN-\\d+");
        assertThat(jdbc.queryForObject("select city from customer_account where organization_id = ?", String.class,
                created.id())).isEqualTo("Berlin");
        assertThat(outbox.to(email)).singleElement().satisfies(mail -> assertThat(mail.subject())
                .isEqualTo("Invitation to manage Gärtnerei Grün (" + created.customerNumber() + ") in Kontor"));
        invitations.accept(outbox.invitationTokenFor(email), "a long enough password for the gardener");
        var details = fixtures.as(email, () -> accountService.details(new CustomerNumber(created.customerNumber())));
        assertThat(details.activeManagers()).hasSize(1);
        AccountRow row = fixtures.as(world.admin(), () -> administration.account(created.id()));
        assertThat(row.state()).isEqualTo(OrganizationState.ACTIVE);
        assertThat(row.partnerName()).isNull();
    }

    @Test
    void a_given_number_is_checked_for_form_and_uniqueness_and_drawn_numbers_skip_it() {
        assertField(new NewAccount("ABC", "X", null, null, null, null, address("a"), "A", null, null),
                "customerNumber");
        assertField(new NewAccount(world.account().customerNumber(), "X", null, null, null, null, address("b"), "B",
                null, null), "customerNumber");
        CreatedAccount drawn = create(new NewAccount(null, "Drawn", null, null, null, null, address("c"), "C", null,
                null));
        String next = "CN-" + (Long.parseLong(drawn.customerNumber().substring(3)) + 1);

        CreatedAccount given = create(new NewAccount(next.toLowerCase(Locale.ROOT), "Given", null, null, null, null,
                address("d"), "D", null, null));
        CreatedAccount after = create(new NewAccount(null, "After", null, null, null, null, address("e"), "E", null,
                null));

        assertThat(given.customerNumber()).isEqualTo(next);
        assertThat(after.customerNumber()).isNotEqualTo(next);
    }

    @Test
    void bad_input_anywhere_saves_nothing() {
        long before = jdbc.queryForObject("select count(*) from organization", Long.class);

        assertField(new NewAccount(null, "", null, null, null, null, address("f"), "F", null, null), "name");
        assertField(new NewAccount(null, "Y", null, "!!", null, null, address("g"), "G", null, null), "postalCode");
        assertField(new NewAccount(null, "Y", null, null, null, null, "nope", "G", null, null), "managerEmail");
        assertField(new NewAccount(null, "Y", null, null, null, null, address("h"), " ", null, null), "managerName");
        assertField(new NewAccount(null, "Y", null, null, null, null, address("i"), "I", world.account().id(), RIGHTS),
                "partnerId");
        assertField(new NewAccount(null, "Y", null, null, null, null, address("j"), "J", world.partner().id(), Set.of()),
                "partnerRights");

        assertThat(jdbc.queryForObject("select count(*) from organization", Long.class)).isEqualTo(before);
    }

    @Test
    void attached_to_a_partner_the_first_manager_gets_the_partners_request_and_decides() {
        String email = address("attached");

        CreatedAccount created = create(new NewAccount(null, "Attached GmbH", null, null, null, null, email, "Ann",
                world.partner().id(), RIGHTS));

        assertThat(jdbc.queryForObject("select state from partner_relationship where partner_id = ? and customer_id = ?",
                String.class, world.partner().id(), created.id())).isEqualTo("REQUESTED");
        assertThat(outbox.to(email)).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains("/partner-request/"));
    }

    @Test
    void the_list_finds_accounts_by_name_or_number_in_the_database_and_pages_alike_at_any_size() {
        for (int i = 0; i < 6; i++) {
            create(new NewAccount(null, "Listed " + i, null, null, null, null, address("l" + i), "L", null, null));
        }

        assertThat(count(new AccountFilter("listed", null))).isEqualTo(6);
        assertThat(count(new AccountFilter(world.account().customerNumber(), null))).isOne();
        assertThat(fixtures.as(world.admin(), () -> administration.accounts(new AccountFilter("listed", null),
                PageRequest.of(1, 4)))).hasSize(2);
        AccountRow managed = fixtures.as(world.admin(), () -> administration.account(world.account().id()));
        assertThat(managed.partnerName()).isEqualTo(world.partner().name());
        assertThat(managed.partners()).isOne();
        long page = fixtures.as(world.admin(), () -> {
            SqlStatements.reset();
            administration.accounts(AccountFilter.all(), PageRequest.of(0, 50));
            return SqlStatements.count();
        });
        // the caller's provider, the page with every partner name in it
        assertThat(page).isEqualTo(2);
        ProviderWorld other = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        assertThat(fixtures.as(other.admin(), () -> administration.countAccounts(AccountFilter.all()))).isOne();
    }

    @Test
    void a_suspended_account_grants_nobody_anything_and_its_access_sessions_end_and_a_closed_one_stays_closed() {
        CustomerNumber number = new CustomerNumber(world.account().customerNumber());
        fixtures.as(world.partner().adminEmail(), () -> sessions.start(world.partner().id(), number, null));
        AccountRow row = fixtures.as(world.admin(), () -> administration.account(world.account().id()));

        fixtures.as(world.admin(), () -> administration.suspend(row.id(), row.version(), "fraud check"));

        assertThat(jdbc.queryForObject("select end_reason from access_session where customer_id = ?", String.class,
                row.id())).isEqualTo("ACCOUNT_SUSPENDED");
        assertThatThrownBy(() -> fixtures.as(world.account().email("Alice"), () -> accountService.details(number)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(world.partner().adminEmail(),
                () -> sessions.start(world.partner().id(), number, null))).isInstanceOf(RuleViolation.class)
                .hasMessage("access.account-not-active");

        AccountRow suspended = fixtures.as(world.admin(), () -> administration.account(row.id()));
        fixtures.as(world.admin(), () -> administration.reactivate(row.id(), suspended.version()));
        assertThat(fixtures.as(world.account().email("Alice"), () -> accountService.details(number))).isNotNull();

        AccountRow active = fixtures.as(world.admin(), () -> administration.account(row.id()));
        fixtures.as(world.admin(), () -> administration.close(row.id(), active.version(), null));
        AccountRow closed = fixtures.as(world.admin(), () -> administration.account(row.id()));
        assertThat(closed.state()).isEqualTo(OrganizationState.CLOSED);
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.reactivate(row.id(),
                closed.version()))).isInstanceOf(RuleViolation.class).hasMessage("organization.state.not-allowed");
    }

    @Test
    void moving_to_another_partner_asks_the_customers_manager_who_decides() {
        var newPartner = fixtures.partner("New");
        jdbc.update("update organization set parent_id = ?, ancestor_path = ? where id = ?", world.providerId(),
                "/" + world.providerId() + "/", newPartner.id());

        long request = fixtures.as(world.admin(), () -> administration.requestPartner(world.account().id(),
                newPartner.id(), RIGHTS, Locale.ENGLISH));

        assertThat(jdbc.queryForObject("select state from partner_relationship where id = ?", String.class, request))
                .isEqualTo("REQUESTED");
        assertThat(outbox.to(world.account().email("Alice"))).last().satisfies(mail -> assertThat(mail.body())
                .contains("/partner-request/"));
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> administration.requestPartner(world.account().id(),
                newPartner.id(), RIGHTS, Locale.ENGLISH))).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.field()).isEqualTo("partnerId"));
    }

    @Test
    void everyone_but_the_providers_administrators_is_refused_and_audited() {
        ProviderWorld other = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        for (String person : List.of(DemoPeople.SUPPORT, DemoPeople.LEGAL, world.account().email("Alice"),
                world.partner().legalEmail(), other.admin())) {
            long before = refusals();
            assertThatThrownBy(() -> fixtures.as(person, () -> administration.account(world.account().id())))
                    .isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> fixtures.as(person, () -> administration.close(world.account().id(), 0, null)))
                    .isInstanceOf(AccessRefused.class);
            assertThat(refusals()).as(person).isEqualTo(before + 2);
        }
    }

    private CreatedAccount create(NewAccount account) {
        return fixtures.as(world.admin(), () -> administration.createAccount(account, Locale.ENGLISH));
    }

    private void assertField(NewAccount account, String field) {
        assertThatThrownBy(() -> create(account)).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }

    private long count(AccountFilter filter) {
        return fixtures.as(world.admin(), () -> administration.countAccounts(filter));
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private long refusals() {
        return jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED'", Long.class);
    }
}
