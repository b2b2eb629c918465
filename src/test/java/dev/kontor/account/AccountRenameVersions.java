package dev.kontor.account;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.CustomerNumber;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer account's name lives on its organization, whose version is the account's state's (a billing system
 * suspends at it); the name is guarded by the account's data version. A change of name and address, by the managers
 * or by the provider, raises the data version by exactly one and leaves the state version alone. Run on H2 and on
 * PostgreSQL by the subclasses (the name is written by a statement of its own).
 */
abstract class AccountRenameVersions {

    @Autowired
    AccountService accounts;

    @Autowired
    AccountProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_managers_new_name_and_address_raise_the_data_version_by_one_and_leave_the_state_version() {
        TestAccount account = fixtures.account("Alice");
        long state = stateVersion(account);
        long data = dataVersion(account);

        fixtures.as(account.email("Alice"), () -> accounts.updateMasterData(account.id(), data, new MasterData(
                "Umbenannt " + account.tag(), "Hauptstraße 1", "10115", "Berlin", "DE", null, null)));

        assertThat(dataVersion(account)).isEqualTo(data + 1);
        assertThat(stateVersion(account)).isEqualTo(state);
        assertThat(details(account).masterData().companyName()).isEqualTo("Umbenannt " + account.tag());
        assertThat(jdbc.queryForObject("select search_key from organization where id = ?", String.class,
                account.id())).isEqualTo(dev.kontor.base.SearchKeys.fold("Umbenannt " + account.tag()));
    }

    @Test
    void the_providers_new_name_alone_raises_the_data_version_by_one_and_leaves_the_state_version() {
        TestAccount account = fixtures.account("Alice");
        long state = stateVersion(account);
        long data = dataVersion(account);

        provisioning.changeNameAndAddress(TestTasks.setUp(), account.id(), data, "Neu " + account.tag(), null,
                null, null, null);
        provisioning.changeNameAndAddress(TestTasks.setUp(), account.id(), data + 1, "Neu " + account.tag(),
                null, null, null, null);

        assertThat(dataVersion(account)).as("the same data again changes nothing").isEqualTo(data + 1);
        assertThat(stateVersion(account)).isEqualTo(state);
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, account.id()))
                .isEqualTo("Neu " + account.tag());
    }

    private AccountDetails details(TestAccount account) {
        return fixtures.as(account.email("Alice"), () -> accounts.details(new CustomerNumber(
                account.customerNumber())));
    }

    private long stateVersion(TestAccount account) {
        return jdbc.queryForObject("select version from organization where id = ?", Long.class, account.id());
    }

    private long dataVersion(TestAccount account) {
        return jdbc.queryForObject("select version from customer_account where organization_id = ?", Long.class,
                account.id());
    }
}
