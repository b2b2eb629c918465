package dev.kontor.account;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.CustomerNumber;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** The dashboard and the dialog send the same number of statements whether a manager has 3 accounts or 300. */
@IntegrationTest
class AccountQueryCountTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AccountProvisioning provisioning;

    @Autowired
    Fixtures fixtures;

    @Test
    void the_dashboard_needs_as_many_statements_for_300_accounts_as_for_3() {
        String few = fixtures.managerOfMany(3, this::twoServices);
        String many = fixtures.managerOfMany(300, this::twoServices);

        long forFew = dashboardStatements(few);
        long forMany = dashboardStatements(many);

        assertThat(forFew).isEqualTo(forMany).isLessThanOrEqualTo(2);
        var firstPage = fixtures.as(many, () -> accounts.myAccounts("", PageRequest.of(0, 24)));
        assertThat(firstPage.getContent()).hasSize(24);
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(firstPage.getContent().getFirst().services()).hasSize(2);
    }

    @Test
    void the_dialog_needs_as_many_statements_for_many_managers_and_services_as_for_few() {
        var small = fixtures.account("Alice");
        var large = fixtures.account("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12");
        for (int i = 0; i < 20; i++) {
            int n = i;
            provisioning.registerService(TestTasks.setUp(), large.id(), "Cluster " + n, ServiceKind.CLUSTER);
        }

        long forSmall = dialogStatements(small.email("Alice"), small.customerNumber());
        long forLarge = dialogStatements(large.email("A1"), large.customerNumber());

        assertThat(forSmall).isEqualTo(forLarge);
    }

    @Test
    void the_dashboard_filter_finds_by_number_or_name_and_only_the_persons_own_accounts() {
        String many = fixtures.managerOfMany(12, id -> { });
        String other = fixtures.managerOfMany(1, id -> { });

        var byName = fixtures.as(many, () -> accounts.myAccounts("many 1", PageRequest.of(0, 50)));
        assertThat(byName.getContent()).extracting(AccountCard::name)
                .containsExactlyInAnyOrder("Many 1", "Many 10", "Many 11");
        String number = byName.getContent().getFirst().customerNumber();
        var byNumber = fixtures.as(many, () -> accounts.myAccounts(number.toLowerCase(), PageRequest.of(0, 50)));
        assertThat(byNumber.getContent()).extracting(AccountCard::customerNumber).contains(number);
        var otherPersons = fixtures.as(other, () -> accounts.myAccounts("many 1", PageRequest.of(0, 50)));
        assertThat(otherPersons.getContent()).extracting(AccountCard::name).doesNotContain("Many 10", "Many 11");
        var wildcard = fixtures.as(many, () -> accounts.myAccounts("%", PageRequest.of(0, 50)));
        assertThat(wildcard.getContent()).isEmpty();
    }

    private void twoServices(long accountId) {
        provisioning.registerService(TestTasks.setUp(), accountId, "Cluster A", ServiceKind.CLUSTER);
        provisioning.registerService(TestTasks.setUp(), accountId, "Backup", ServiceKind.PRODUCT);
    }

    private long dashboardStatements(String manager) {
        return fixtures.as(manager, () -> {
            SqlStatements.reset();
            accounts.myAccounts("", PageRequest.of(0, 24));
            return SqlStatements.count();
        });
    }

    private long dialogStatements(String manager, String customerNumber) {
        return fixtures.as(manager, () -> {
            SqlStatements.reset();
            accounts.details(new CustomerNumber(customerNumber));
            return SqlStatements.count();
        });
    }
}
