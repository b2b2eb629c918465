package dev.kontor.partner;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerTestData.TestCustomer;
import dev.kontor.partner.PartnerTestData.TestPartner;
import dev.kontor.testing.Fixtures;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The managed-customers grid sorts and filters by the customer's number and name as the relationship keeps them: a
 * renamed customer is found and sorted by its new name at once, in the rename's own transaction, while a closed
 * relationship keeps the name the customer had when it closed. On H2 and PostgreSQL (the migration's and the
 * statements' SQL differ between them).
 */
abstract class ManagedCustomerSortKeys {

    private static final Set<OrganizationRight> VIEW = EnumSet.of(OrganizationRight.VIEW);

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    PartnerService partners;

    @Autowired
    ManagedCustomerRepository repository;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    PartnerTestData data;

    @Test
    void a_new_relationship_keeps_the_customers_number_and_folded_name() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.activeCustomer(partner, "Bäckerei Über GmbH", VIEW);

        assertThat(keys(customer.relationshipId())).containsExactly(customer.customerNumber(), "backerei uber gmbh");
    }

    @Test
    void a_renamed_customer_is_found_and_sorted_by_its_new_name_in_the_same_transaction() {
        TestPartner partner = data.partner();
        TestCustomer renamed = data.activeCustomer(partner, "Zeppelin Werke GmbH", VIEW);
        data.activeCustomer(partner, "Mittelstand GmbH", VIEW);

        transaction.executeWithoutResult(status -> {
            onboarding.rename(TestTasks.setUp(), renamed.customerId(), "Ärzte am Anger GmbH");
            assertThat(keys(renamed.relationshipId()).get(1)).isEqualTo("arzte am anger gmbh");
        });

        assertThat(names(partner, "", Sort.by("name"))).containsExactly("Ärzte am Anger GmbH", "Mittelstand GmbH");
        assertThat(names(partner, "aerzte", Sort.by("name"))).containsExactly("Ärzte am Anger GmbH");
        assertThat(names(partner, "zeppelin", Sort.by("name"))).isEmpty();
        assertThat(fixtures.as(partner.legalEmail(), () -> managedCustomers.count(partner.partnerId(),
                new ManagedCustomerFilter("ärzte", false)))).isEqualTo(1);
    }

    @Test
    void a_rename_that_rolls_back_leaves_the_key_as_it_was() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.activeCustomer(partner, "Bleibt GmbH", VIEW);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            onboarding.rename(TestTasks.setUp(), customer.customerId(), "Geht Nicht GmbH");
            throw new IllegalStateException("the rest of the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(keys(customer.relationshipId()).get(1)).isEqualTo("bleibt gmbh");
    }

    @Test
    void an_ended_relationship_keeps_the_name_the_customer_had_when_it_ended() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.activeCustomer(partner, "Alte Firma GmbH", VIEW);
        fixtures.as(partner.legalEmail(), () -> partners.terminate(partner.partnerId(), customer.relationshipId(),
                Locale.ENGLISH));

        transaction.executeWithoutResult(status ->
                onboarding.rename(TestTasks.setUp(), customer.customerId(), "Neue Firma GmbH"));

        assertThat(keys(customer.relationshipId()).get(1)).isEqualTo("alte firma gmbh");
        assertThat(fixtures.as(partner.legalEmail(), () -> managedCustomers.rows(partner.partnerId(),
                new ManagedCustomerFilter("alte firma", true), PageRequest.of(0, 10))))
                .extracting(ManagedCustomer::name).containsExactly("Alte Firma GmbH");
    }

    @Test
    void the_grid_sorts_by_number_both_ways() {
        TestPartner partner = data.partner();
        TestCustomer first = data.activeCustomer(partner, "Erste GmbH", VIEW);
        TestCustomer second = data.activeCustomer(partner, "Zweite GmbH", VIEW);

        assertThat(fixtures.as(partner.legalEmail(), () -> managedCustomers.rows(partner.partnerId(),
                ManagedCustomerFilter.none(), PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "customerNumber")))))
                .extracting(ManagedCustomer::customerNumber)
                .containsExactly(second.customerNumber(), first.customerNumber());
    }

    @Test
    void the_count_stops_at_its_limit_and_the_service_counts_up_to_ten_thousand_and_one() {
        TestPartner partner = data.partner();
        for (String name : List.of("Eins GmbH", "Zwei GmbH", "Drei GmbH", "Vier GmbH")) {
            data.activeCustomer(partner, name, VIEW);
        }

        assertThat(repository.countRowsUpTo(partner.partnerId(), List.of("ACTIVE"), "%%", "%%", true, 0, 3))
                .isEqualTo(3);
        assertThat(repository.countRowsUpTo(partner.partnerId(), List.of("ACTIVE"), "%drei%", "%drei%", true, 0, 3))
                .isEqualTo(1);
        assertThat(fixtures.as(partner.legalEmail(), () -> managedCustomers.count(partner.partnerId(),
                ManagedCustomerFilter.none()))).isEqualTo(4);
        assertThat(ManagedCustomerService.COUNT_LIMIT).isEqualTo(10_000);
    }

    private List<String> keys(long relationshipId) {
        return jdbc.queryForObject("select customer_number_key, customer_name_key from partner_relationship "
                + "where id = ?", (rs, n) -> List.of(rs.getString(1), rs.getString(2)), relationshipId);
    }

    private List<String> names(TestPartner partner, String filter, Sort sort) {
        return fixtures.as(partner.legalEmail(), () -> managedCustomers.rows(partner.partnerId(),
                new ManagedCustomerFilter(filter, false), PageRequest.of(0, 10, sort)))
                .stream().map(ManagedCustomer::name).toList();
    }
}
