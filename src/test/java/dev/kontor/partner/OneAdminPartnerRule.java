package dev.kontor.partner;

import static dev.kontor.testing.Races.race;

import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Races.Outcome;
import static dev.kontor.organization.OrganizationRight.ADMIN;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.KontorException;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.TestRequests.Request;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At most one active relationship per customer holds ADMIN: the service refuses a second one and names the partner
 * that holds it; the database's unique constraint holds even against two grants at the very same moment. Run on H2
 * and on PostgreSQL by the subclasses.
 */
abstract class OneAdminPartnerRule {

    @Autowired
    RelationshipAnswers answers;

    @Autowired
    CustomerPartnerService partners;

    @Autowired
    TestRequests requests;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    private TestAccount account;
    private TestPartner first;
    private TestPartner second;

    @BeforeEach
    void data() {
        account = fixtures.account("Alice", "Bob");
        first = fixtures.partner("First Admin");
        second = fixtures.partner("Second Admin");
    }

    @Test
    void a_second_partner_is_refused_admin_and_told_which_partner_holds_it() {
        Request holder = request(first, EnumSet.of(ADMIN));
        fixtures.as(account.email("Alice"), () -> answers.accept(holder.token(), Set.of(ADMIN), null));
        Request other = request(second, EnumSet.of(ADMIN, MANAGE_USERS));

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> answers.accept(other.token(), Set.of(ADMIN, MANAGE_USERS), null)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("customer-partners.admin-held");
                    assertThat(refusal.arguments()).containsExactly(first.name());
                });
        assertThat(requests.state(other.id())).isEqualTo("REQUESTED");
        assertThat(audit.of(CustomerDecisions.DECISION_REFUSED, account.id())).singleElement()
                .satisfies(event -> assertThat(event.summary()).contains("held by " + first.name()));

        fixtures.as(account.email("Alice"), () -> answers.accept(other.token(), Set.of(MANAGE_USERS), null));
        long version = requests.version(other.id());
        assertThatThrownBy(() -> fixtures.as(account.email("Bob"),
                () -> partners.changeRights(account.id(), other.id(), version, Set.of(ADMIN))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.arguments()).containsExactly(first.name()));
        assertThat(requests.grantedRights(other.id())).isEqualTo("VIEW,MANAGE_USERS");
        assertThat(adminHolders()).isOne();
    }

    @Test
    void once_the_holder_gives_up_admin_another_partner_may_hold_it() {
        Request holder = request(first, EnumSet.of(ADMIN));
        Request other = request(second, EnumSet.of(ADMIN));
        fixtures.as(account.email("Alice"), () -> {
            answers.accept(holder.token(), Set.of(ADMIN), null);
            answers.accept(other.token(), Set.of(VIEW), null);
            partners.changeRights(account.id(), holder.id(), requests.version(holder.id()), Set.of(MANAGE_USERS));
            partners.changeRights(account.id(), other.id(), requests.version(other.id()), Set.of(ADMIN));
        });

        assertThat(requests.grantedRights(holder.id())).isEqualTo("VIEW,MANAGE_USERS");
        assertThat(requests.grantedRights(other.id())).isEqualTo("VIEW,ADMIN");
        assertThat(adminHolders()).isOne();
    }

    @Test
    void the_database_itself_allows_one_admin_partner_per_customer() {
        Request holder = request(first, EnumSet.of(ADMIN));
        Request other = request(second, EnumSet.of(VIEW));
        fixtures.as(account.email("Alice"), () -> {
            answers.accept(holder.token(), Set.of(ADMIN), null);
            answers.accept(other.token(), Set.of(VIEW), null);
        });

        assertThatThrownBy(() -> jdbc.update("update partner_relationship set admin_customer_id = customer_id, "
                + "granted_rights = 'VIEW,ADMIN' where id = ?", other.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @RepeatedTest(3)
    void two_partners_granted_admin_at_the_same_moment_leave_exactly_one_holder() throws Exception {
        Request one = request(first, EnumSet.of(ADMIN));
        Request two = request(second, EnumSet.of(ADMIN));

        List<Outcome> outcomes = race(
                () -> fixtures.as(account.email("Alice"), () -> answers.accept(one.token(), Set.of(ADMIN), null)),
                () -> fixtures.as(account.email("Bob"), () -> answers.accept(two.token(), Set.of(ADMIN), null)));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        // the loser is refused, whether the service's check or (at the very same moment) the database caught it
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(loser -> assertThat(loser.refusal()).isInstanceOfAny(KontorException.class,
                        ConcurrencyFailureException.class));
        assertThat(adminHolders()).isOne();
        assertThat(List.of(requests.state(one.id()), requests.state(two.id())))
                .containsExactlyInAnyOrder("ACTIVE", "REQUESTED");
    }

    private Request request(TestPartner partner, Set<OrganizationRight> rights) {
        return requests.request(partner.id(), account.id(), account.email("Alice"), rights, partner.legalUserId());
    }

    private int adminHolders() {
        return jdbc.queryForObject("select count(*) from partner_relationship where admin_customer_id = ?",
                Integer.class, account.id());
    }

}
