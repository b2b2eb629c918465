package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each right a partnership can grant, against each action in the customer's account: inside an access session the
 * partner may do exactly what its rights allow, checked by the services on every call.
 */
@IntegrationTest
class RightsMatrixTest {

    private UI tab;

    @Autowired
    AccessSessions sessions;

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerService managers;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void aBrowserTab() {
        // Vaadin holds the current UI weakly: the test keeps it, as a browser session would
        tab = new UI();
        UI.setCurrent(tab);
    }

    enum Action {
        READ_ACCOUNT(OrganizationRight.VIEW, (w) -> w.accounts.details(w.number)),
        CHANGE_CONTACT_PERSON(OrganizationRight.MANAGE_USERS, (w) -> w.accounts.changeContactPerson(w.accountId,
                w.version(), w.account.userId("Bob"))),
        CONFIRM_CONTACT_DATA(OrganizationRight.MANAGE_USERS, (w) -> w.accounts.confirmContactData(w.accountId)),
        DEACTIVATE_MANAGER(OrganizationRight.MANAGE_USERS, (w) -> w.managers.deactivate(w.accountId,
                w.membership("Carl"), Locale.ENGLISH)),
        CHANGE_ACCOUNT_DATA(OrganizationRight.ADMIN, (w) -> w.accounts.updateMasterData(w.accountId, w.version(),
                w.details().masterData()));

        final OrganizationRight needs;
        final Consumer<World> attempt;

        Action(OrganizationRight needs, Consumer<World> attempt) {
            this.needs = needs;
            this.attempt = attempt;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OrganizationRight.class)
    void each_right_allows_exactly_its_actions(OrganizationRight granted) {
        for (Action action : Action.values()) {
            World world = world(EnumSet.of(granted));
            Set<OrganizationRight> held = EnumSet.of(OrganizationRight.VIEW, granted);
            boolean allowed = action.needs.isSatisfiedBy(held);
            if (allowed) {
                assertThatCode(() -> world.as(action.attempt)).as(granted + " may " + action).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> world.as(action.attempt)).as(granted + " may not " + action)
                        .isInstanceOf(AccessRefused.class);
            }
        }
    }

    private World world(Set<OrganizationRight> rights) {
        var partner = fixtures.partner("Matrix");
        var account = fixtures.account("Alice", "Bob", "Carl");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(), rights,
                account.email("Alice"), account.userId("Alice"));
        World world = new World(this, partner, account);
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), world.number, null));
        return world;
    }

    /** One partner in a session in one account, acting as its administrator. */
    static final class World {
        final AccountService accounts;
        final ManagerService managers;
        final Fixtures fixtures;
        final Fixtures.TestPartner partner;
        final Fixtures.TestAccount account;
        final CustomerNumber number;
        final long accountId;

        World(RightsMatrixTest test, Fixtures.TestPartner partner, Fixtures.TestAccount account) {
            this.accounts = test.accounts;
            this.managers = test.managers;
            this.fixtures = test.fixtures;
            this.partner = partner;
            this.account = account;
            this.number = new CustomerNumber(account.customerNumber());
            this.accountId = account.id();
        }

        void as(Consumer<World> attempt) {
            fixtures.as(partner.adminEmail(), () -> attempt.accept(this));
        }

        AccountDetails details() {
            return fixtures.as(account.email("Alice"), () -> accounts.details(number));
        }

        long version() {
            return details().version();
        }

        long membership(String name) {
            return details().managers().stream().filter(m -> m.displayName().equals(name)).findFirst()
                    .map(Member::membershipId).orElseThrow();
        }
    }
}
