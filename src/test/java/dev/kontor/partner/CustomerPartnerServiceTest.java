package dev.kontor.partner;

import static dev.kontor.organization.OrganizationRight.BILLING;
import static dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.TestRequests.Request;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.SqlStatements;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CustomerPartnerServiceTest extends CustomerSideTest {

    @Autowired
    CustomerPartnerService partners;

    CustomerPartnerServiceTest() {
        super("Careful Cloud");
    }

    @Test
    void managers_see_the_active_and_ended_partners_and_the_requests_waiting_for_them() {
        long active = active(partner, EnumSet.of(MANAGE_USERS, BILLING));
        TestPartner ended = fixtures.partner("Former Friends");
        long endedId = active(ended, EnumSet.of(MANAGE_CONTACTS));
        fixtures.as(account.email("Alice"), () -> partners.revoke(account.id(), endedId));
        TestPartner asking = fixtures.partner("Eager Agency");
        Request pending = request(asking, EnumSet.of(MANAGE_CONTACTS));

        List<CustomerPartnerRow> rows = fixtures.as(account.email("Bob"), () -> partners.partnersOf(account.id()));
        List<IncomingRequestRow> incoming = fixtures.as(account.email("Bob"),
                () -> partners.incomingRequests(account.id()));

        assertThat(rows).extracting(CustomerPartnerRow::partnerName).containsExactly(partner.name(), ended.name());
        assertThat(rows.get(0)).satisfies(row -> {
            assertThat(row.relationshipId()).isEqualTo(active);
            assertThat(row.state()).isEqualTo(RelationshipState.ACTIVE);
            assertThat(row.grantedRights()).containsExactly(VIEW, MANAGE_USERS, BILLING);
            assertThat(row.since()).isNotNull();
            assertThat(row.endedAt()).isNull();
            assertThat(row.reviewDue()).isFalse();
        });
        assertThat(rows.get(1)).satisfies(row -> {
            assertThat(row.state()).isEqualTo(RelationshipState.REVOKED);
            assertThat(row.endedAt()).isNotNull();
        });
        assertThat(incoming).singleElement().satisfies(request -> {
            assertThat(request.relationshipId()).isEqualTo(pending.id());
            assertThat(request.partnerName()).isEqualTo(asking.name());
            assertThat(request.requestedRights()).containsExactly(VIEW, MANAGE_CONTACTS);
            assertThat(request.requestEmail()).isEqualTo(account.email("Alice"));
        });
        assertThat(fixtures.as(account.email("Bob"), () -> partners.mayDecide(account.id()))).isTrue();
    }

    @Test
    void the_partners_list_costs_the_same_statements_for_one_partner_as_for_five() {
        active(partner, EnumSet.of(MANAGE_USERS));
        long withOne = statementsForPartnersOf();
        for (int i = 0; i < 4; i++) {
            active(fixtures.partner("More " + i), EnumSet.of(MANAGE_CONTACTS));
        }

        assertThat(statementsForPartnersOf()).isEqualTo(withOne).isLessThanOrEqualTo(2);
    }

    @Test
    void reducing_rights_is_recorded_on_both_sides_and_the_partner_is_told() {
        long id = active(partner, EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS));

        fixtures.as(account.email("Bob"), () -> partners.changeRights(account.id(), id, requests.version(id),
                Set.of(MANAGE_CONTACTS)));

        assertThat(requests.grantedRights(id)).isEqualTo("VIEW,MANAGE_CONTACTS");
        for (long organization : new long[] {account.id(), partner.id()}) {
            assertThat(audit.of(CustomerDecisions.RIGHTS_CHANGED, organization)).singleElement()
                    .satisfies(event -> {
                        assertThat(event.oldValue()).isEqualTo("VIEW,MANAGE_USERS,MANAGE_CONTACTS");
                        assertThat(event.newValue()).isEqualTo("VIEW,MANAGE_CONTACTS");
                    });
        }
        assertThat(outbox.to(partner.legalEmail())).filteredOn(mail -> mail.subject().contains("changed the rights"))
                .singleElement().satisfies(mail -> assertThat(mail.body())
                        .contains("Rights before: See the account, Manage users, Manage contacts",
                                "Rights now: See the account, Manage contacts"));
    }

    @Test
    void granting_a_partner_admin_or_ending_the_partnership_is_told_to_the_other_managers_with_who_did_it() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        int alreadyToAlice = partnerRightsMails(account.email("Alice")).size();

        fixtures.as(account.email("Bob"), () -> partners.changeRights(account.id(), id, requests.version(id),
                Set.of(OrganizationRight.ADMIN)));
        fixtures.as(account.email("Bob"), () -> partners.revoke(account.id(), id));

        assertThat(partnerRightsMails(account.email("Alice")).subList(alreadyToAlice,
                partnerRightsMails(account.email("Alice")).size())).satisfiesExactly(
                changed -> assertThat(changed.body()).contains(partner.name(), account.email("Bob"),
                        "from See the account, Manage users to See the account, Administer everything"),
                ended -> assertThat(ended.body()).contains(partner.name(), account.email("Bob"), "ended"));
        assertThat(partnerRightsMails(account.email("Bob"))).noneMatch(mail -> mail.body().contains("Administer"));
    }

    @Test
    void the_manager_who_accepts_a_request_is_not_told_but_the_other_managers_are() {
        Request request = request(partner, EnumSet.of(MANAGE_CONTACTS));

        fixtures.as(account.email("Bob"), () -> partners.acceptRequest(account.id(), request.id(),
                Set.of(MANAGE_CONTACTS)));

        assertThat(partnerRightsMails(account.email("Alice"))).singleElement().satisfies(mail -> assertThat(
                mail.body()).contains(partner.name(), account.email("Bob"), "See the account, Manage contacts"));
        assertThat(partnerRightsMails(account.email("Bob"))).isEmpty();
    }

    @Test
    void a_manager_who_chose_german_is_told_of_a_rights_change_in_german() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        jdbc.update("update app_user set preferred_language = 'de' where id = ?", account.userId("Alice"));

        fixtures.as(account.email("Bob"), () -> partners.changeRights(account.id(), id, requests.version(id),
                Set.of(MANAGE_CONTACTS)));

        assertThat(outbox.to(account.email("Alice"))).filteredOn(mail -> mail.subject().startsWith("Partnerrechte"))
                .singleElement().satisfies(mail -> assertThat(mail.body()).contains("Hallo", partner.name(),
                        account.email("Bob"), "geändert"));
    }

    @Test
    void long_partner_and_company_names_still_make_a_mail_that_can_be_sent() {
        TestPartner longName = fixtures.partner("Very Long Partner Name ".repeat(8).strip());
        long id = active(longName, EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS));

        fixtures.as(account.email("Alice"), () -> partners.changeRights(account.id(), id, requests.version(id),
                Set.of(MANAGE_USERS)));

        assertThat(outbox.to(longName.legalEmail())).filteredOn(mail -> mail.subject().contains("changed the rights"))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.subject()).hasSizeLessThanOrEqualTo(200).endsWith("…");
                    assertThat(mail.body()).contains(longName.name());
                });
    }

    @Test
    void a_change_from_a_stale_view_is_refused_and_changes_nothing() {
        long id = active(partner, EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS));
        long seen = requests.version(id);
        fixtures.as(account.email("Alice"), () -> partners.changeRights(account.id(), id, seen, Set.of(MANAGE_USERS)));

        assertThatThrownBy(() -> fixtures.as(account.email("Bob"),
                () -> partners.changeRights(account.id(), id, seen, Set.of(MANAGE_CONTACTS))))
                .isInstanceOf(StaleData.class);
        assertThat(requests.grantedRights(id)).isEqualTo("VIEW,MANAGE_USERS");
    }

    @Test
    void ending_the_partnership_revokes_every_right_and_tells_the_partner() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));

        fixtures.as(account.email("Alice"), () -> partners.revoke(account.id(), id));

        assertThat(requests.state(id)).isEqualTo("REVOKED");
        assertThat(jdbc.queryForObject("select count(*) from partner_relationship where id = ? "
                + "and open_customer_id is null and admin_customer_id is null", Integer.class, id)).isOne();
        assertThat(audit.of(CustomerDecisions.RELATIONSHIP_REVOKED, partner.id())).singleElement()
                .satisfies(event -> assertThat(event.newValue()).isEqualTo("REVOKED"));
        assertThat(audit.of(CustomerDecisions.RELATIONSHIP_REVOKED, account.id())).hasSize(1);
        assertThat(outbox.to(partner.legalEmail())).filteredOn(mail -> mail.subject().contains("ended the partnership"))
                .singleElement().satisfies(mail -> assertThat(mail.body()).contains("no longer has any rights"));
        assertThatThrownBy(() -> fixtures.as(account.email("Bob"), () -> partners.revoke(account.id(), id)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("customer-partners.not-active");
    }

    @Test
    void a_relationship_of_another_account_changes_nothing_and_the_attempt_is_audited() {
        TestAccount other = fixtures.account("Olga");
        Request foreign = requests.request(partner.id(), other.id(), other.email("Olga"), EnumSet.of(MANAGE_USERS),
                partner.legalUserId());
        fixtures.as(other.email("Olga"), () -> answers.accept(foreign.token(), Set.of(MANAGE_USERS), null));

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> partners.revoke(account.id(), foreign.id())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("customer-partners.not-found");
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> partners.changeRights(account.id(),
                foreign.id(), requests.version(foreign.id()), Set.of(VIEW))))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> partners.revoke(other.id(), foreign.id())))
                .isInstanceOf(AccessRefused.class);

        assertThat(requests.state(foreign.id())).isEqualTo("ACTIVE");
        assertThat(requests.grantedRights(foreign.id())).isEqualTo("VIEW,MANAGE_USERS");
        assertThat(audit.of(CustomerPartnerService.DECISION_DENIED, account.id())).hasSize(2)
                .allSatisfy(event -> {
                    assertThat(event.outcome()).isEqualTo("DENIED");
                    assertThat(event.summary()).contains("does not belong to this account");
                });
        assertThat(audit.of("ACCESS_DENIED", other.id())).isNotEmpty();
    }

    @Test
    void requests_are_accepted_and_declined_from_inside_the_account() {
        Request first = request(partner, EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS));
        TestPartner another = fixtures.partner("Another Agency");
        Request second = request(another, EnumSet.of(MANAGE_USERS));

        fixtures.as(account.email("Bob"), () -> {
            partners.acceptRequest(account.id(), first.id(), Set.of(MANAGE_CONTACTS));
            partners.declineRequest(account.id(), second.id());
        });

        assertThat(requests.grantedRights(first.id())).isEqualTo("VIEW,MANAGE_CONTACTS");
        assertThat(requests.state(second.id())).isEqualTo("DECLINED");
        assertThat(answers.preview(first.token()).state()).isEqualTo(RequestLinkState.ANSWERED);
        assertThat(answers.preview(second.token()).state()).isEqualTo(RequestLinkState.ANSWERED);
        assertThat(audit.of(CustomerDecisions.REQUEST_ACCEPTED, partner.id())).hasSize(1);
        assertThat(audit.of(CustomerDecisions.REQUEST_DECLINED, another.id())).hasSize(1);
        assertThat(fixtures.as(account.email("Bob"), () -> partners.incomingRequests(account.id()))).isEmpty();
    }

    @Test
    void only_the_accounts_own_managers_decide_and_others_are_refused_and_audited() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        String stranger = fixtures.person("Stranger");

        assertThat(fixtures.as(stranger, () -> partners.mayDecide(account.id()))).isFalse();
        assertThat(fixtures.as(partner.legalEmail(), () -> partners.mayDecide(account.id()))).isFalse();
        assertThatThrownBy(() -> fixtures.as(stranger, () -> partners.partnersOf(account.id())))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.changeRights(account.id(), id,
                requests.version(id), EnumSet.allOf(OrganizationRight.class))))
                .isInstanceOf(AccessRefused.class);

        assertThat(requests.grantedRights(id)).isEqualTo("VIEW,MANAGE_USERS");
        // refused by the account's access check, or (once a partner holds rights in the account) by this service
        assertThat(audit.of("ACCESS_DENIED", account.id()).size()
                + audit.of(CustomerPartnerService.DECISION_DENIED, account.id()).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void confirming_the_rights_answers_a_due_review() {
        long id = active(partner, EnumSet.of(MANAGE_USERS));
        clock.advance(Duration.ofDays(91));
        assertThat(row(id).reviewDue()).isTrue();

        fixtures.as(account.email("Bob"), () -> partners.confirmRights(account.id(), id));

        assertThat(row(id).reviewDue()).isFalse();
        assertThat(requests.grantedRights(id)).isEqualTo("VIEW,MANAGE_USERS");
        assertThat(audit.of(CustomerDecisions.RIGHTS_CONFIRMED, account.id())).hasSize(1);
        assertThat(audit.of(CustomerDecisions.RIGHTS_CONFIRMED, partner.id())).hasSize(1);
    }

    @Test
    void an_expired_request_cannot_be_accepted_from_the_account() {
        Request request = request(partner, EnumSet.of(MANAGE_USERS));
        clock.advance(TestRequests.VALIDITY.plusHours(1));

        assertThat(fixtures.as(account.email("Alice"), () -> partners.incomingRequests(account.id()))).isEmpty();
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> partners.acceptRequest(account.id(), request.id(), Set.of(MANAGE_USERS))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("partner-answer.request-closed");
        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
    }

    private CustomerPartnerRow row(long relationshipId) {
        return fixtures.as(account.email("Alice"), () -> partners.partnersOf(account.id())).stream()
                .filter(row -> row.relationshipId() == relationshipId).findFirst().orElseThrow();
    }

    private long statementsForPartnersOf() {
        return fixtures.as(account.email("Alice"), () -> {
            SqlStatements.reset();
            partners.partnersOf(account.id());
            return SqlStatements.count();
        });
    }

    private Request request(TestPartner from, Set<OrganizationRight> rights) {
        return requests.request(from.id(), account.id(), account.email("Alice"), rights, from.legalUserId());
    }

    private List<Outbox.QueuedMail> partnerRightsMails(String manager) {
        return outbox.to(manager).stream().filter(mail -> mail.subject().startsWith("Partner rights in")).toList();
    }

    private long active(TestPartner from, Set<OrganizationRight> rights) {
        Request request = request(from, rights);
        fixtures.as(account.email("Alice"), () -> answers.accept(request.token(), rights, null));
        return request.id();
    }
}
