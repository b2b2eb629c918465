package dev.kontor.partner;

import dev.kontor.user.TestTasks;
import static dev.kontor.organization.OrganizationRight.BILLING;
import static dev.kontor.organization.OrganizationRight.MANAGE_CONTACTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.MANAGE_USERS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.TestRequests.Request;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.NewCustomer;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class RelationshipAnswersTest extends CustomerSideTest {

    private static final String STRONG = "blue harbour lanterns sing quietly";

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    dev.kontor.organization.OrganizationOnboarding onboarding;

    RelationshipAnswersTest() {
        super("Helpful Hosting");
    }

    @Test
    void a_valid_link_names_the_partner_the_account_the_rights_and_the_addressee() {
        Request request = request(EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS));

        RequestPreview preview = answers.preview(request.token());

        assertThat(preview.state()).isEqualTo(RequestLinkState.OPEN);
        assertThat(preview.partnerName()).isEqualTo(partner.name());
        assertThat(preview.customerLabel()).isEqualTo(account.label());
        assertThat(preview.requestedRights()).containsExactly(VIEW, MANAGE_USERS, MANAGE_CONTACTS);
        assertThat(preview.addresseeEmail()).isEqualTo(account.email("Alice"));
        assertThat(preview.needsPassword()).isFalse();
        assertThat(preview.answerPath()).isEqualTo(AnswerPath.SIGN_IN);
        assertThat(fixtures.as(account.email("Bob"), () -> answers.preview(request.token())).answerPath())
                .isEqualTo(AnswerPath.SIGNED_IN_MANAGER);
    }

    @Test
    void forged_and_mistyped_links_are_unknown_and_refused_and_audited() {
        assertThat(answers.preview("forged").state()).isEqualTo(RequestLinkState.UNKNOWN);
        assertThat(answers.preview("A".repeat(43)).state()).isEqualTo(RequestLinkState.UNKNOWN);
        assertThat(answers.preview("<script>alert(1)</script>").state()).isEqualTo(RequestLinkState.UNKNOWN);

        int before = audit.withoutOrganization(RelationshipAnswers.REQUEST_LINK_REFUSED).size();
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> answers.accept("A".repeat(43), Set.of(VIEW), null)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("partner-answer.link.unknown");
        assertThatThrownBy(() -> answers.decline("forged"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("partner-answer.link.unknown");

        assertThat(audit.withoutOrganization(RelationshipAnswers.REQUEST_LINK_REFUSED)).hasSize(before + 2)
                .first().satisfies(event -> assertThat(event.outcome()).isEqualTo("DENIED"));
    }

    @Test
    void an_expired_link_shows_as_expired_and_accepting_it_changes_nothing() {
        Request request = request(EnumSet.of(MANAGE_USERS));
        clock.advance(TestRequests.VALIDITY.plusMinutes(1));

        assertThat(answers.preview(request.token()).state()).isEqualTo(RequestLinkState.EXPIRED);
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"),
                () -> answers.accept(request.token(), Set.of(VIEW), null)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("partner-answer.link.expired");

        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        assertThat(audit.of(RelationshipAnswers.REQUEST_LINK_REFUSED, account.id()))
                .singleElement().satisfies(event -> assertThat(event.summary()).contains("the request has expired"));
    }

    @Test
    void a_signed_in_manager_accepts_with_fewer_rights_and_both_organizations_record_it() {
        Request request = request(EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS, BILLING));

        fixtures.as(account.email("Bob"), () -> answers.accept(request.token(), Set.of(MANAGE_CONTACTS), null));

        assertThat(requests.state(request.id())).isEqualTo("ACTIVE");
        assertThat(requests.grantedRights(request.id())).isEqualTo("VIEW,MANAGE_CONTACTS");
        for (long organization : new long[] {account.id(), partner.id()}) {
            assertThat(audit.of(CustomerDecisions.REQUEST_ACCEPTED, organization)).singleElement()
                    .satisfies(event -> {
                        assertThat(event.outcome()).isEqualTo("SUCCESS");
                        assertThat(event.summary()).contains(partner.name(), account.label());
                        assertThat(event.oldValue()).isEqualTo("REQUESTED VIEW,MANAGE_USERS,MANAGE_CONTACTS,BILLING");
                        assertThat(event.newValue()).isEqualTo("ACTIVE VIEW,MANAGE_CONTACTS");
                    });
        }
        assertThat(outbox.to(partner.adminEmail())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(account.label() + " accepted your partner request");
            assertThat(mail.body()).contains("Rights granted: See the account, Manage contacts",
                    "Rights asked for: See the account, Manage users, Manage contacts, Billing", "/partner/customers");
        });
        assertThat(outbox.to(partner.legalEmail())).isEmpty();
        assertThat(answers.preview(request.token()).state()).isEqualTo(RequestLinkState.ANSWERED);
    }

    @Test
    void a_manager_who_belongs_to_the_requesting_partner_cannot_answer_its_request() {
        Request request = request(EnumSet.of(MANAGE_USERS, dev.kontor.organization.OrganizationRight.ADMIN));
        // however he became a manager of the account, he belongs to the partner asking
        onboarding.grant(TestTasks.setUp(), partner.adminUserId(), account.id(),
                dev.kontor.organization.MembershipRole.MANAGER);
        int refusals = jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and actor_email = ?",
                Integer.class, partner.adminEmail());

        assertThat(fixtures.as(partner.adminEmail(), () -> answers.preview(request.token())).answerPath())
                .isEqualTo(AnswerPath.SIGNED_IN_OTHER);
        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> answers.accept(request.token(),
                Set.of(MANAGE_USERS, dev.kontor.organization.OrganizationRight.ADMIN), null)))
                .isInstanceOf(dev.kontor.base.AccessRefused.class);

        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where outcome = 'DENIED' and actor_email = ?",
                Integer.class, partner.adminEmail())).isGreaterThan(refusals);
    }

    @Test
    void the_customer_may_grant_other_rights_than_requested_and_view_is_always_included() {
        Request request = request(EnumSet.of(MANAGE_USERS));

        fixtures.as(account.email("Alice"), () -> answers.accept(request.token(), Set.of(MANAGE_TENANTS), null));

        assertThat(requests.grantedRights(request.id())).isEqualTo("VIEW,MANAGE_TENANTS");
    }

    @Test
    void a_new_manager_sets_a_password_accepts_and_becomes_the_contact_person() {
        NewCustomer customer = fixtures.newCustomerOf(partner, "Nina");
        Request request = requests.request(partner.id(), customer.id(), customer.managerEmail(),
                EnumSet.of(MANAGE_USERS, MANAGE_CONTACTS), partner.legalUserId());
        RequestPreview preview = answers.preview(request.token());
        assertThat(preview.needsPassword()).isTrue();
        assertThat(preview.answerPath()).isEqualTo(AnswerPath.SET_PASSWORD);

        answers.accept(request.token(), Set.of(MANAGE_CONTACTS), STRONG);

        assertThat(requests.grantedRights(request.id())).isEqualTo("VIEW,MANAGE_CONTACTS");
        assertThat(userDetails.loadUserByUsername(customer.managerEmail()).isEnabled()).isTrue();
        AccountDetails details = fixtures.as(customer.managerEmail(),
                () -> accounts.details(new CustomerNumber(customer.customerNumber())));
        assertThat(details.contactPerson()).map(Member::email).contains(customer.managerEmail());
        assertThat(details.activeManagers()).extracting(Member::email).containsExactly(customer.managerEmail());
        assertThat(outbox.to(partner.legalEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).contains("accepted your partner request"));
        // signed out, proven by the link: the audit log names the new manager for becoming one, not "system"
        assertThat(jdbc.queryForList("select actor_email from audit_event where organization_id = ?"
                + " and kind = 'MEMBERSHIP_STATE_CHANGED' and old_value = ?", String.class, customer.id(),
                dev.kontor.audit.AuditValue.membershipState(dev.kontor.organization.MembershipState.INVITED)))
                .containsExactly(customer.managerEmail());
    }

    @Test
    void a_weak_password_is_refused_and_changes_nothing() {
        NewCustomer customer = fixtures.newCustomerOf(partner, "Nina");
        Request request = requests.request(partner.id(), customer.id(), customer.managerEmail(),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());

        for (String weak : new String[] {"short", "password1234", "qwertzuiop123", customer.managerEmail(), ""}) {
            assertThatThrownBy(() -> answers.accept(request.token(), Set.of(MANAGE_USERS), weak)).as(weak)
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("password"));
        }
        assertThatThrownBy(() -> answers.accept(request.token(), Set.of(MANAGE_USERS), null))
                .isInstanceOf(InvalidInput.class);

        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        assertThat(answers.preview(request.token()).needsPassword()).isTrue();
        assertThat(jdbc.queryForObject("select state from membership where user_id = ?", String.class,
                customer.managerUserId())).isEqualTo("INVITED");
        assertThat(outbox.to(partner.legalEmail())).isEmpty();
    }

    @Test
    void someone_signed_in_who_does_not_manage_the_account_cannot_set_the_new_managers_password() {
        NewCustomer customer = fixtures.newCustomerOf(partner, "Nina");
        Request request = requests.request(partner.id(), customer.id(), customer.managerEmail(),
                EnumSet.of(MANAGE_USERS), partner.legalUserId());

        assertThat(fixtures.as(partner.legalEmail(), () -> answers.preview(request.token())).answerPath())
                .isEqualTo(AnswerPath.SIGNED_IN_OTHER);
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(),
                () -> answers.accept(request.token(), Set.of(MANAGE_USERS), STRONG)))
                .isInstanceOf(AccessRefused.class);

        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        assertThat(answers.preview(request.token()).needsPassword()).isTrue();
    }

    @Test
    void nobody_answers_for_an_account_whose_addressee_has_a_password_without_signing_in() {
        Request request = request(EnumSet.of(MANAGE_USERS));

        assertThatThrownBy(() -> answers.accept(request.token(), Set.of(MANAGE_USERS), STRONG))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("partner-answer.sign-in-required");
        assertThatThrownBy(() -> answers.decline(request.token()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("partner-answer.sign-in-required");

        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        assertThat(audit.of(RelationshipAnswers.ANSWER_REFUSED, account.id())).hasSize(2)
                .allSatisfy(event -> assertThat(event.summary()).contains("not signed in"));
    }

    @Test
    void a_manager_of_another_account_is_refused_and_the_attempt_audited() {
        Request request = request(EnumSet.of(MANAGE_USERS));
        TestAccount other = fixtures.account("Mallory");

        assertThat(fixtures.as(other.email("Mallory"), () -> answers.preview(request.token())).answerPath())
                .isEqualTo(AnswerPath.SIGNED_IN_OTHER);
        assertThatThrownBy(() -> fixtures.as(other.email("Mallory"),
                () -> answers.accept(request.token(), Set.of(MANAGE_USERS), null)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(other.email("Mallory"), () -> answers.decline(request.token())))
                .isInstanceOf(AccessRefused.class);

        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        assertThat(audit.of(RelationshipAnswers.ANSWER_REFUSED, account.id())).hasSize(2)
                .allSatisfy(event -> {
                    assertThat(event.outcome()).isEqualTo("DENIED");
                    assertThat(event.summary()).contains(other.email("Mallory"), "no active manager");
                });
    }

    @Test
    void declining_tells_the_partner_records_it_on_both_sides_and_closes_the_link() {
        Request request = request(EnumSet.of(MANAGE_USERS));

        fixtures.as(account.email("Alice"), () -> answers.decline(request.token()));

        assertThat(requests.state(request.id())).isEqualTo("DECLINED");
        assertThat(audit.of(CustomerDecisions.REQUEST_DECLINED, account.id())).hasSize(1);
        assertThat(audit.of(CustomerDecisions.REQUEST_DECLINED, partner.id())).singleElement()
                .satisfies(event -> assertThat(event.newValue()).isEqualTo("DECLINED"));
        assertThat(outbox.to(partner.adminEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo(account.label()
                        + " declined your partner request"));
        assertThat(answers.preview(request.token()).state()).isEqualTo(RequestLinkState.ANSWERED);
    }

    @Test
    void an_answered_link_cannot_be_used_again() {
        Request request = request(EnumSet.of(MANAGE_USERS));
        fixtures.as(account.email("Alice"), () -> answers.accept(request.token(), Set.of(MANAGE_USERS), null));

        assertThatThrownBy(() -> fixtures.as(account.email("Bob"), () -> answers.decline(request.token())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("partner-answer.link.answered");

        assertThat(requests.state(request.id())).isEqualTo("ACTIVE");
        assertThat(audit.of(RelationshipAnswers.REQUEST_LINK_REFUSED, account.id())).singleElement()
                .satisfies(event -> assertThat(event.summary()).contains("answered already"));
    }

    @Test
    void without_a_requester_still_in_the_partner_its_legal_representatives_are_told() {
        Request request = requests.request(partner.id(), account.id(), account.email("Alice"),
                EnumSet.of(MANAGE_USERS), null);

        fixtures.as(account.email("Alice"), () -> answers.accept(request.token(), Set.of(MANAGE_USERS), null));

        assertThat(outbox.to(partner.legalEmail())).hasSize(1);
        assertThat(outbox.to(partner.adminEmail())).isEmpty();
    }

    private Request request(Set<OrganizationRight> rights) {
        return requests.request(partner.id(), account.id(), account.email("Alice"), rights, partner.adminUserId());
    }
}
