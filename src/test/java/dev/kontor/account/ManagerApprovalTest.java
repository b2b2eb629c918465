package dev.kontor.account;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipApproval;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.partner.RelationshipAnswers;
import dev.kontor.partner.TestRequests;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import dev.kontor.user.UserAccountService;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager whom a partner invites from inside an access session becomes a manager only when they have accepted and
 * one of the customer's own managers approves; until then the membership waits, grants nothing, and everyone who
 * can undo it has been told where to decide.
 */
@IntegrationTest
class ManagerApprovalTest {

    private static final String PASSWORD = "lantern orbit quietly folds seven maps";

    @Autowired
    ManagerService managers;

    @Autowired
    AccountService accounts;

    @Autowired
    AccessSessions sessions;

    @Autowired
    InvitationService invitations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    dev.kontor.user.Callers callers;

    @Autowired
    PartnerProvisioning provisioning;

    @Autowired
    RelationshipAnswers answers;

    @Autowired
    TestRequests requests;

    @Autowired
    UserAccountService users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    private UI tab;
    private TestPartner partner;
    private TestAccount account;
    private String mailbox;

    @BeforeEach
    void aPartnerWithManageUsers() {
        tab = new UI();
        partner = fixtures.partner("Approval");
        account = fixtures.account("Alice", "Bob");
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS), account.email("Alice"),
                account.userId("Alice"));
        mailbox = "mailbox-" + account.tag() + "@private.example";
    }

    @Test
    void a_manager_the_partner_invites_waits_for_approval_after_accepting_and_holds_no_right() {
        long waiting = invitedByThePartnerAndAccepted(mailbox, "Max Private");

        assertThat(stateOf(waiting)).isEqualTo("APPROVAL_PENDING");
        assertThat(managersAsAlice()).filteredOn(m -> m.email().equals(mailbox)).singleElement()
                .satisfies(m -> {
                    assertThat(m.state()).isEqualTo(MembershipState.APPROVAL_PENDING);
                    assertThat(m.isActive()).isFalse();
                });
        assertThat(fixtures.as(mailbox, () -> accounts.myAccounts(null, PageRequest.of(0, 10))).getContent())
                .isEmpty();
        assertThat(fixtures.as(mailbox, () -> organizations.myOrganizations(PageRequest.of(0, 10))).getContent())
                .isEmpty();
        assertThat(organizations.activeRolesOf(callers.task("test"), fixtures.userIdOf(mailbox))).isEmpty();
        assertThatThrownBy(() -> fixtures.as(mailbox, () -> accounts.details(new CustomerNumber(
                account.customerNumber())))).isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(account.email("Alice"), () -> managers.approvals(account.id()))).singleElement()
                .isEqualTo(new MembershipApproval(waiting, partner.name(), MembershipState.APPROVAL_PENDING, true));
    }

    @Test
    void the_waiting_person_learns_which_memberships_wait_for_approval_and_nobody_learns_anyone_elses() {
        invitedByThePartnerAndAccepted(mailbox, "Max Private");

        assertThat(fixtures.as(mailbox, () -> organizations.myMembershipsAwaitingApproval())).singleElement()
                .satisfies(waiting -> {
                    assertThat(waiting.organizationId()).isEqualTo(account.id());
                    assertThat(waiting.customerNumber()).isEqualTo(account.customerNumber());
                    assertThat(waiting.role()).isEqualTo(MembershipRole.MANAGER);
                });
        assertThat(fixtures.as(account.email("Alice"), () -> organizations.myMembershipsAwaitingApproval()))
                .isEmpty();
        assertThat(fixtures.as(partner.adminEmail(), () -> organizations.myMembershipsAwaitingApproval())).isEmpty();
    }

    @Test
    void the_managers_are_told_at_the_invitation_that_approval_is_needed_and_where_in_their_own_language() {
        fixtures.as(account.email("Bob"), () -> users.rememberLanguage(Locale.GERMAN));

        invitedByThePartner(mailbox, "Max Private");

        String link = "/accounts/" + account.customerNumber();
        assertThat(outbox.to(account.email("Alice"))).anySatisfy(mail -> assertThat(mail.body())
                .contains(mailbox, "has been invited as Manager", "for the partner " + partner.name(),
                        "on behalf of the partner " + partner.name(), "only once one of the account's own managers "
                                + "approves them", "Approve or refuse them under Managers", link));
        assertThat(outbox.to(account.email("Bob"))).anySatisfy(mail -> assertThat(mail.body())
                .contains(mailbox, "im Auftrag des Partners " + partner.name(), "wenn einer der eigenen Manager "
                        + "des Kontos sie freigibt", link));
    }

    @Test
    void the_invitation_and_the_resent_invitation_tell_the_person_that_the_accounts_own_managers_approve_them() {
        invitedByThePartner(mailbox, "Max Private");
        long invited = membershipOf(mailbox);
        inSession(() -> managers.resendInvitation(account.id(), invited, Locale.GERMAN));

        assertThat(outbox.to(mailbox)).hasSize(2);
        assertThat(outbox.to(mailbox).getFirst().body()).contains("Hello Max Private",
                "A partner of the account asked for this invitation", "After you accept, one of the account's own managers has "
                        + "to approve you before you can work in the account");
        assertThat(outbox.to(mailbox).getLast().body()).contains("Hallo Max Private", "Ein Partner des Kontos hat diese Einladung veranlasst",
                "Nachdem Sie angenommen haben, muss einer der eigenen Manager des Kontos Sie freigeben, bevor Sie im "
                        + "Konto arbeiten können");
    }

    @Test
    void a_known_person_invited_by_the_partner_is_told_the_same_in_the_mail_for_signing_in() {
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), mailbox, "Former",
                Locale.ENGLISH));
        accept(mailbox);
        long former = membershipOf(mailbox);
        fixtures.as(account.email("Alice"), () -> managers.removeManagerRole(account.id(), former, Locale.ENGLISH));

        invitedByThePartner(mailbox, "Former");

        assertThat(outbox.to(mailbox).getLast().body()).contains("sign in with your Kontor account",
                "one of the account's own managers has to approve you");
    }

    @Test
    void an_invitation_by_the_customers_own_manager_says_nothing_about_approval() {
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), mailbox, "Own Hire",
                Locale.ENGLISH));

        assertThat(outbox.to(mailbox)).singleElement().satisfies(mail -> assertThat(mail.body())
                .doesNotContain("approve"));
    }

    @Test
    void only_someone_working_for_a_partner_is_told_beforehand_that_the_invitee_will_need_approval() {
        assertThat(fixtures.as(account.email("Alice"), () -> managers.invitationsNeedApproval(account.id())))
                .isFalse();
        boolean[] inTheSession = {false};
        inSession(() -> inTheSession[0] = managers.invitationsNeedApproval(account.id()));
        assertThat(inTheSession[0]).isTrue();
        TestAccount elsewhere = fixtures.account("Eve");
        assertThatThrownBy(() -> fixtures.as(elsewhere.email("Eve"),
                () -> managers.invitationsNeedApproval(account.id()))).isInstanceOf(AccessRefused.class);
    }

    @Test
    void accepting_tells_the_managers_that_the_person_waits_for_their_approval() {
        invitedByThePartnerAndAccepted(mailbox, "Max Private");

        assertThat(outbox.to(account.email("Alice"))).last().satisfies(mail -> assertThat(mail.body())
                .contains("has accepted the invitation as Manager", "waits for approval",
                        "/accounts/" + account.customerNumber()));
        assertThat(outbox.to(mailbox)).singleElement().satisfies(mail -> assertThat(mail.subject())
                .startsWith("Invitation"));
    }

    @Test
    void approving_makes_the_manager_active_audits_it_and_tells_the_person_and_the_other_managers() {
        long waiting = invitedByThePartnerAndAccepted(mailbox, "Max Private");
        int mailsToBob = outbox.to(account.email("Bob")).size();

        fixtures.as(account.email("Alice"), () -> managers.approve(account.id(), waiting));

        assertThat(stateOf(waiting)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select approved_by_user_id from membership where id = ?", Long.class,
                waiting)).isEqualTo(account.userId("Alice"));
        assertThat(fixtures.as(mailbox, () -> accounts.myAccounts(null, PageRequest.of(0, 10))).getContent())
                .hasSize(1);
        assertThat(audited("MEMBERSHIP_APPROVED", "SUCCESS")).singleElement().asString()
                .contains(mailbox, "approved as Manager", partner.name());
        assertThat(outbox.to(mailbox)).last().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your role in " + account.label() + " has been approved");
            assertThat(mail.body()).contains("Alice <" + account.email("Alice") + "> has approved you as Manager");
        });
        assertThat(outbox.to(account.email("Bob"))).hasSize(mailsToBob + 1).last().satisfies(mail ->
                assertThat(mail.body()).contains(mailbox, "has been approved and is now Manager",
                        "Done by Alice"));
        assertThat(fixtures.as(account.email("Alice"), () -> managers.approvals(account.id()))).isEmpty();
    }

    @Test
    void refusing_ends_the_waiting_membership_audits_it_and_tells_the_person_and_the_other_managers() {
        long waiting = invitedByThePartnerAndAccepted(mailbox, "Max Private");

        fixtures.as(account.email("Bob"), () -> managers.refuse(account.id(), waiting));

        assertThat(jdbc.queryForObject("select count(*) from membership where id = ?", Integer.class, waiting))
                .isZero();
        assertThat(audited("MEMBERSHIP_REFUSED", "SUCCESS")).singleElement().asString()
                .contains(mailbox, "refused as Manager", partner.name());
        assertThat(outbox.to(mailbox)).last().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your role in " + account.label() + " has not been approved");
            assertThat(mail.body()).contains("has refused your role as Manager", "You have no role there");
        });
        assertThat(outbox.to(account.email("Alice"))).last().satisfies(mail -> assertThat(mail.body())
                .contains(mailbox, "has been refused as Manager", "Done by Bob"));
    }

    @Test
    void approving_someone_another_manager_refused_meanwhile_says_so_clearly() {
        long waiting = invitedByThePartnerAndAccepted(mailbox, "Max Private");
        fixtures.as(account.email("Bob"), () -> managers.refuse(account.id(), waiting));

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> managers.approve(account.id(), waiting)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("membership.approval.closed"));
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> managers.refuse(account.id(), waiting)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("membership.approval.closed"));
    }

    @Test
    void approving_twice_or_before_the_person_accepted_says_why_not() {
        long invited = invitedByThePartner(mailbox, "Max Private");

        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> managers.approve(account.id(), invited)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("membership.approval.not-accepted-yet"));
        assertThat(fixtures.as(account.email("Alice"), () -> managers.approvals(account.id()))).singleElement()
                .satisfies(approval -> {
                    assertThat(approval.state()).isEqualTo(MembershipState.INVITED);
                    assertThat(approval.mayDecide()).isFalse();
                });

        accept(mailbox);
        fixtures.as(account.email("Alice"), () -> managers.approve(account.id(), invited));
        assertThatThrownBy(() -> fixtures.as(account.email("Bob"), () -> managers.approve(account.id(), invited)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("membership.approval.already-approved"));
    }

    @Test
    void a_manager_the_customer_invites_itself_needs_no_approval() {
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), mailbox, "Own Hire",
                Locale.ENGLISH));
        accept(mailbox);
        long own = membershipOf(mailbox);

        assertThat(stateOf(own)).isEqualTo("ACTIVE");
        assertThat(outbox.to(account.email("Bob"))).isNotEmpty().allSatisfy(mail -> assertThat(mail.body())
                .doesNotContain("approve"));
        assertThatThrownBy(() -> fixtures.as(account.email("Bob"), () -> managers.approve(account.id(), own)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("membership.approval.not-needed"));
    }

    @Test
    void each_refused_decider_gets_a_clear_message_and_the_attempt_is_audited() {
        long waiting = invitedByThePartnerAndAccepted(mailbox, "Max Private");
        // the partner's legal representative manages the account as well: the customer invited her, she accepted
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), partner.legalEmail(), "Lea",
                Locale.ENGLISH));
        fixtures.as(partner.legalEmail(), () -> invitations.accept(outbox.invitationTokenFor(partner.legalEmail()),
                null));
        // a second mailbox of the partner, approved by mistake, may not vouch for the first
        String accomplice = "accomplice-" + account.tag() + "@private.example";
        long approvedByMistake = invitedByThePartnerAndAccepted(accomplice, "Accomplice");
        fixtures.as(account.email("Alice"), () -> managers.approve(account.id(), approvedByMistake));

        refusedWith(partner.legalEmail(), waiting, "membership.approval.not-by-partner");
        refusedWith(accomplice, waiting, "membership.approval.not-by-partner-invitee");
        UI.setCurrent(tab);
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(),
                new CustomerNumber(account.customerNumber()), null));
        refusedWith(partner.adminEmail(), waiting, "membership.approval.not-for-a-partner");
        fixtures.as(partner.adminEmail(), () -> sessions.leave());
        UI.setCurrent(null);
        TestAccount elsewhere = fixtures.account("Eve");
        assertThatThrownBy(() -> fixtures.as(elsewhere.email("Eve"), () -> managers.approve(account.id(), waiting)))
                .isInstanceOf(AccessRefused.class);

        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where organization_id = ? and outcome = 'DENIED'
                  and kind = 'MEMBERSHIP_APPROVAL_DENIED'""", Integer.class, account.id())).isEqualTo(3);
        assertThat(stateOf(waiting)).isEqualTo("APPROVAL_PENDING");
    }

    @Test
    void a_manager_the_partner_reactivates_waits_for_approval_again() {
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), mailbox, "Former", Locale.ENGLISH));
        accept(mailbox);
        long former = membershipOf(mailbox);
        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), former, Locale.ENGLISH));

        inSession(() -> managers.reactivate(account.id(), former));

        assertThat(stateOf(former)).isEqualTo("APPROVAL_PENDING");
        assertThat(outbox.to(account.email("Bob"))).last().satisfies(mail -> assertThat(mail.body())
                .contains("has been reactivated as Manager", "waits for approval", partner.name()));
        fixtures.as(account.email("Bob"), () -> managers.approve(account.id(), former));
        assertThat(stateOf(former)).isEqualTo("ACTIVE");
    }

    @Test
    void a_partner_invitee_cannot_accept_another_partners_request_in_the_customers_name() {
        // once a real manager, the request was addressed to her; the customer deactivated her, and a partner
        // invited her again from inside the account
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), mailbox, "Former", Locale.ENGLISH));
        accept(mailbox);
        long former = membershipOf(mailbox);
        TestPartner other = fixtures.partner("Asking");
        TestRequests.Request request = requests.request(other.id(), account.id(), mailbox,
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.ADMIN), null);
        fixtures.as(account.email("Alice"), () -> managers.deactivate(account.id(), former, Locale.ENGLISH));
        inSession(() -> managers.addManager(account.id(), mailbox, "Former", Locale.ENGLISH));

        assertThatThrownBy(() -> fixtures.as(mailbox, () -> answers.accept(request.token(),
                EnumSet.allOf(OrganizationRight.class), null))).isInstanceOf(AccessRefused.class);

        assertThat(requests.state(request.id())).isEqualTo("REQUESTED");
        assertThat(stateOf(former)).isEqualTo("INVITED");
    }

    private void refusedWith(String decider, long membership, String messageKey) {
        assertThatThrownBy(() -> fixtures.as(decider, () -> managers.approve(account.id(), membership)))
                .as(decider).isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo(messageKey));
    }

    /** The partner's administrator, inside an access session, invites the address; returns the membership. */
    private long invitedByThePartner(String email, String name) {
        inSession(() -> managers.addManager(account.id(), email, name, Locale.ENGLISH));
        return membershipOf(email);
    }

    private long invitedByThePartnerAndAccepted(String email, String name) {
        long membership = invitedByThePartner(email, name);
        accept(email);
        return membership;
    }

    private void inSession(Runnable work) {
        UI.setCurrent(tab);
        try {
            fixtures.as(partner.adminEmail(), () -> {
                sessions.start(partner.id(), new CustomerNumber(account.customerNumber()), null);
                try {
                    work.run();
                } finally {
                    sessions.leave();
                }
            });
        } finally {
            UI.setCurrent(null);
        }
    }

    /** The person accepts by the link: someone new sets a password, someone known answers signed in. */
    private void accept(String email) {
        String token = outbox.invitationTokenFor(email);
        boolean hasPassword = jdbc.queryForObject("select password_hash is not null from app_user where email = ?",
                Boolean.class, email);
        if (hasPassword) {
            fixtures.as(email, () -> invitations.accept(token, null));
        } else {
            invitations.accept(token, PASSWORD);
        }
    }

    private List<Member> managersAsAlice() {
        return fixtures.as(account.email("Alice"), () -> accounts.details(new CustomerNumber(
                account.customerNumber()))).managers();
    }

    private long membershipOf(String email) {
        return jdbc.queryForObject("""
                select m.id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.organization_id = ?""", Long.class, email, account.id());
    }

    private String stateOf(long membershipId) {
        return jdbc.queryForObject("select state from membership where id = ?", String.class, membershipId);
    }

    private List<String> audited(String kind, String outcome) {
        return jdbc.queryForList("""
                select summary from audit_event where organization_id = ? and kind = ? and outcome = ?""",
                String.class, account.id(), kind, outcome);
    }
}
