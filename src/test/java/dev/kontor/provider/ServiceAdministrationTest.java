package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.account.AccountService;
import dev.kontor.account.ServiceInfo;
import dev.kontor.account.ServiceKind;
import dev.kontor.account.ServiceRow;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.support.LookupResult;
import dev.kontor.support.SupportLookup;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ServiceAdministrationTest {

    @Autowired
    ServiceAdministration services;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    AccountService accountService;

    @Autowired
    SupportLookup support;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    ProviderWorld world;
    String tag;

    @BeforeEach
    void aProviderOfItsOwn() {
        world = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_added_service_shows_on_the_dashboard_the_support_card_and_in_the_search_and_an_ended_one_nowhere() {
        long id = asAdmin(() -> services.addService(world.account().id(), "Cluster " + tag, ServiceKind.CLUSTER));

        assertThat(dashboardServices()).containsExactly("Cluster " + tag);
        assertThat(supportCardServices()).containsExactly("Cluster " + tag);
        assertThat(supportSearch("cluster " + tag)).extracting(LookupResult::customerNumber)
                .containsExactly(world.account().customerNumber());

        ServiceRow added = asAdmin(() -> services.servicesOf(world.account().id())).getFirst();
        fixtures.as(world.admin(), () -> services.renameService(world.account().id(), id, added.version(),
                "Renamed " + tag));
        assertThat(dashboardServices()).containsExactly("Renamed " + tag);
        assertThat(supportCardServices()).containsExactly("Renamed " + tag);

        ServiceRow renamed = asAdmin(() -> services.servicesOf(world.account().id())).getFirst();
        fixtures.as(world.admin(), () -> services.endService(world.account().id(), id, renamed.version()));

        assertThat(dashboardServices()).isEmpty();
        assertThat(supportCardServices()).isEmpty();
        assertThat(supportSearch("renamed " + tag)).isEmpty();
        assertThat(asAdmin(() -> services.servicesOf(world.account().id()))).singleElement()
                .satisfies(row -> assertThat(row.running()).isFalse());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where organization_id = ? and kind in "
                + "('SERVICE_REGISTERED', 'SERVICE_RENAMED', 'SERVICE_ENDED')", Long.class, world.account().id()))
                .isEqualTo(3);
    }

    @Test
    void a_concurrent_edit_is_told_the_service_changed_meanwhile_and_names_stay_unique() {
        long id = asAdmin(() -> services.addService(world.account().id(), "Shop " + tag, ServiceKind.PRODUCT));
        ServiceRow seen = asAdmin(() -> services.servicesOf(world.account().id())).getFirst();
        fixtures.as(world.admin(), () -> services.renameService(world.account().id(), id, seen.version(),
                "Webshop " + tag));

        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> services.endService(world.account().id(), id,
                seen.version()))).isInstanceOf(StaleData.class);
        assertField(() -> services.addService(world.account().id(), "WEBSHOP " + tag, ServiceKind.PRODUCT), "name");
        assertField(() -> services.addService(world.account().id(), " ", ServiceKind.PRODUCT), "name");
        assertField(() -> services.addService(world.account().id(), "Ok " + tag, null), "kind");
        assertThat(asAdmin(() -> services.servicesOf(world.account().id()))).extracting(ServiceRow::name)
                .containsExactly("Webshop " + tag);
    }

    @Test
    void a_closed_accounts_services_stay_as_they_were_and_others_are_refused_and_audited() {
        AccountRow row = asAdmin(() -> accounts.account(world.account().id()));
        fixtures.as(world.admin(), () -> accounts.close(row.id(), row.version(), null));
        assertThatThrownBy(() -> fixtures.as(world.admin(), () -> services.addService(world.account().id(),
                "Late " + tag, ServiceKind.PRODUCT))).isInstanceOf(RuleViolation.class);

        ProviderWorld other = ProviderWorld.create(fixtures, onboarding, provisioning, jdbc);
        for (String person : List.of(DemoPeople.SUPPORT, world.account().email("Alice"), world.partner().legalEmail(),
                other.admin())) {
            long before = jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED'", Long.class);
            assertThatThrownBy(() -> fixtures.as(person, () -> services.addService(world.account().id(),
                    "Planted " + tag, ServiceKind.PRODUCT))).isInstanceOf(AccessRefused.class);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED'", Long.class))
                    .isEqualTo(before + 1);
        }
    }

    private List<String> dashboardServices() {
        return fixtures.as(world.account().email("Alice"), () -> accountService.details(
                new CustomerNumber(world.account().customerNumber()))).services().stream().map(ServiceInfo::name)
                .toList();
    }

    private List<String> supportCardServices() {
        return fixtures.as(DemoPeople.SUPPORT, () -> support.card(world.account().id())).services();
    }

    private List<LookupResult> supportSearch(String text) {
        return fixtures.as(DemoPeople.SUPPORT, () -> support.search(text));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return fixtures.as(world.admin(), work);
    }

    private void assertField(Runnable call, String field) {
        assertThatThrownBy(() -> fixtures.as(world.admin(), call)).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
