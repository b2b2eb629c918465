package dev.kontor.partner;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountProvisioning;
import dev.kontor.account.AccountService;
import dev.kontor.account.MasterData;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Once a relationship has closed (terminated by the partner, ended by the customer, withdrawn, declined, expired),
 * the former partner sees the customer as it was at that moment and nothing newer: not its new name, its new contact
 * person, nor whether a payment method is on file now; not in the managed-customers grid (rows, filter, sort,
 * count), nor in the sent requests. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class FormerCustomerAsItWas {

    private static final Set<OrganizationRight> VIEW_AND_USERS = EnumSet.of(OrganizationRight.VIEW,
            OrganizationRight.MANAGE_USERS);

    @Autowired
    PartnerService partners;

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    CustomerPartnerService customerPartners;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountProvisioning accountProvisioning;

    @Autowired
    TestRequests requests;

    @Autowired
    RequestExpiry expiry;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    private TestPartner partner;

    @BeforeEach
    void aPartner() {
        partner = fixtures.partner("Former");
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void a_partnership_the_partner_terminated_shows_the_customer_as_it_was() {
        TestAccount customer = activeCustomer();
        fixtures.as(partner.legalEmail(), () -> partners.terminate(partner.id(), relationshipOf(customer),
                Locale.ENGLISH));

        customerMovesOn(customer);

        assertGridShowsAsItWas(customer, RelationshipState.TERMINATED);
        assertSentRequestShowsAsItWas(customer, RelationshipState.TERMINATED);
    }

    @Test
    void a_partnership_the_customer_ended_shows_the_customer_as_it_was() {
        TestAccount customer = activeCustomer();
        fixtures.as(customer.email("Alice"), () -> customerPartners.revoke(customer.id(), relationshipOf(customer)));

        customerMovesOn(customer);

        assertGridShowsAsItWas(customer, RelationshipState.REVOKED);
        assertSentRequestShowsAsItWas(customer, RelationshipState.REVOKED);
    }

    @Test
    void a_withdrawn_request_shows_the_customer_as_it_was() {
        TestAccount customer = fixtures.account("Alice", "Bob");
        long request = requests.request(partner.id(), customer.id(), customer.email("Alice"), VIEW_AND_USERS,
                partner.legalUserId()).id();
        fixtures.as(partner.legalEmail(), () -> partners.withdrawRequest(partner.id(), request));

        customerMovesOn(customer);

        assertSentRequestShowsAsItWas(customer, RelationshipState.REVOKED);
    }

    @Test
    void a_declined_request_shows_the_customer_as_it_was() {
        TestAccount customer = fixtures.account("Alice", "Bob");
        long request = requests.request(partner.id(), customer.id(), customer.email("Alice"), VIEW_AND_USERS,
                partner.legalUserId()).id();
        fixtures.as(customer.email("Alice"), () -> customerPartners.declineRequest(customer.id(), request));

        customerMovesOn(customer);

        assertSentRequestShowsAsItWas(customer, RelationshipState.DECLINED);
    }

    @Test
    void an_expired_request_shows_the_customer_as_it_was() {
        TestAccount customer = fixtures.account("Alice", "Bob");
        requests.request(partner.id(), customer.id(), customer.email("Alice"), VIEW_AND_USERS, partner.legalUserId());
        clock.advance(TestRequests.VALIDITY.plus(Duration.ofHours(1)));
        expiry.expireAll();

        customerMovesOn(customer);

        assertSentRequestShowsAsItWas(customer, RelationshipState.EXPIRED);
    }

    @Test
    void an_active_partnership_shows_the_customer_as_it_is_now() {
        TestAccount customer = activeCustomer();

        customerMovesOn(customer);

        ManagedCustomer row = gridRows("").stream().filter(r -> r.customerId() == customer.id()).findFirst()
                .orElseThrow();
        assertThat(row.name()).isEqualTo(newName(customer));
        assertThat(row.contactPersonName()).isEqualTo("Bob");
        assertThat(row.paymentMethodOnFile()).isTrue();
    }

    @Test
    void the_filter_the_sort_and_the_count_of_the_grid_go_by_the_name_the_partner_may_see() {
        TestAccount first = activeCustomer();
        TestAccount second = activeCustomer();
        rename(first, "Bb " + first.tag());
        rename(second, "Cc " + second.tag());
        for (TestAccount customer : List.of(first, second)) {
            fixtures.as(partner.legalEmail(), () -> partners.terminate(partner.id(), relationshipOf(customer),
                    Locale.ENGLISH));
        }
        // renamed afterwards so that the new names sort the other way round
        rename(first, "Zz " + first.tag());
        rename(second, "Aa " + second.tag());

        assertThat(gridRows("Bb " + first.tag())).extracting(ManagedCustomer::customerId)
                .containsExactly(first.id());
        assertThat(gridRows("Zz " + first.tag())).isEmpty();
        assertThat(fixtures.as(partner.legalEmail(), () -> managedCustomers.count(partner.id(),
                new ManagedCustomerFilter("Zz " + first.tag(), true)))).isZero();
        assertThat(fixtures.as(partner.legalEmail(), () -> managedCustomers.count(partner.id(),
                new ManagedCustomerFilter("Cc " + second.tag(), true)))).isEqualTo(1);

        List<ManagedCustomer> byName = fixtures.as(partner.legalEmail(), () -> managedCustomers.rows(partner.id(),
                new ManagedCustomerFilter("", true), PageRequest.of(0, 10, Sort.by("name"))));
        assertThat(byName).extracting(ManagedCustomer::name)
                .containsExactly("Bb " + first.tag(), "Cc " + second.tag());
        List<ManagedCustomer> byNumber = fixtures.as(partner.legalEmail(), () -> managedCustomers.rows(partner.id(),
                new ManagedCustomerFilter("", true), PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC,
                        "customerNumber"))));
        assertThat(byNumber).extracting(ManagedCustomer::customerNumber)
                .containsExactly(second.customerNumber(), first.customerNumber());
    }

    private TestAccount activeCustomer() {
        TestAccount customer = fixtures.account("Alice", "Bob");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), customer.id(), VIEW_AND_USERS,
                customer.email("Alice"), customer.userId("Alice"));
        return customer;
    }

    private long relationshipOf(TestAccount customer) {
        return gridRows("").stream().filter(r -> r.customerId() == customer.id()).findFirst()
                .orElseThrow().relationshipId();
    }

    /** The customer renames itself, makes Bob its contact person, and a payment method is now on file. */
    private void customerMovesOn(TestAccount customer) {
        rename(customer, newName(customer));
        edit(customer, details -> accounts.changeContactPerson(details.accountId(), details.version(),
                customer.userId("Bob")));
        accountProvisioning.recordPaymentMethod(TestTasks.setUp(), customer.id(), true);
    }

    private void rename(TestAccount customer, String name) {
        edit(customer, details -> {
            MasterData data = details.masterData();
            accounts.updateMasterData(details.accountId(), details.version(), new MasterData(name, data.street(),
                    data.postalCode(), data.city(), data.country(), data.billingEmail(), data.emergencyPhone()));
        });
    }

    private void edit(TestAccount customer, Consumer<AccountDetails> change) {
        fixtures.as(customer.email("Alice"), () -> change.accept(
                accounts.details(new CustomerNumber(customer.customerNumber()))));
    }

    private void assertGridShowsAsItWas(TestAccount customer, RelationshipState state) {
        ManagedCustomer row = gridRows(customer.tag()).stream().filter(r -> r.customerId() == customer.id())
                .findFirst().orElseThrow();
        assertThat(row.state()).isEqualTo(state);
        assertThat(row.name()).isEqualTo(oldName(customer));
        assertThat(row.customerNumber()).isEqualTo(customer.customerNumber());
        assertThat(row.contactPersonName()).isEqualTo("Alice");
        assertThat(row.paymentMethodOnFile()).isFalse();
        assertThat(gridRows("Renamed " + customer.tag())).as("the new name finds nothing").isEmpty();
    }

    private void assertSentRequestShowsAsItWas(TestAccount customer, RelationshipState state) {
        List<SentRequest> sent = fixtures.as(partner.legalEmail(), () -> partners.sentRequests(partner.id(),
                Set.of(), PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "requestedAt")))).getContent();
        assertThat(sent).filteredOn(request -> request.state() == state).singleElement().satisfies(request -> {
            assertThat(request.customerName()).isEqualTo(oldName(customer));
            assertThat(request.customerNumber()).isEqualTo(customer.customerNumber());
        });
    }

    private List<ManagedCustomer> gridRows(String filter) {
        return fixtures.as(partner.legalEmail(), () -> managedCustomers.rows(partner.id(),
                new ManagedCustomerFilter(filter, true), PageRequest.of(0, 50)));
    }

    private static String oldName(TestAccount customer) {
        return "Customer " + customer.tag();
    }

    private static String newName(TestAccount customer) {
        return "Renamed " + customer.tag();
    }
}
