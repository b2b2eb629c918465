package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MembershipState;
import dev.kontor.organization.StaffFilter;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.SqlStatements;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
@Import(StaffTestData.class)
class ProviderStaffTest {

    @Autowired
    ProviderStaff staff;

    @Autowired
    InvitationService invitations;

    @Autowired
    StaffTestData data;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    private StaffTestData.TestProvider provider;

    @BeforeEach
    void provider() {
        provider = data.provider(new String[] {"Ada", "Bert"}, "Sue");
    }

    @Test
    void an_administrator_invites_a_support_person_who_accepts_and_then_holds_the_support_role() {
        String email = "new-support-" + provider.tag() + "@example.test";

        as("Ada", () -> staff.invite(email, "Nina Neu", MembershipRole.SUPPORT, Locale.ENGLISH));

        Member invited = only(new StaffFilter(email, null, null));
        assertThat(invited.displayName()).isEqualTo("Nina Neu");
        assertThat(invited.state()).isEqualTo(MembershipState.INVITED);
        assertThat(invited.role()).isEqualTo(MembershipRole.SUPPORT);
        assertThat(outbox.to(email)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains(provider.name()).contains("Support");
            assertThat(mail.body()).contains("Nina Neu").contains("Ada " + provider.tag());
        });

        invitations.accept(outbox.invitationTokenFor(email), "Kirschbaum blüht im April 77");

        assertThat(only(new StaffFilter(email, null, null)).state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(userDetails.loadUserByUsername(email).getAuthorities())
                .anySatisfy(authority -> assertThat(authority.getAuthority()).isEqualTo("ROLE_SUPPORT"));
        assertThat(audit("MEMBERSHIP_GRANTED")).anySatisfy(summary -> assertThat(summary).contains(email));
    }

    @Test
    void the_answer_is_the_same_for_someone_who_is_staff_already_and_nobody_is_mailed() {
        as("Ada", () -> staff.invite(provider.email("Sue"), "Sue Again", MembershipRole.SUPPORT, Locale.ENGLISH));

        assertThat(outbox.to(provider.email("Sue"))).isEmpty();
        assertThat(as("Ada", () -> staff.count(new StaffFilter(provider.email("Sue"), null, null)))).isOne();
    }

    @Test
    void a_further_provider_administrator_is_invited_and_a_known_person_is_asked_to_sign_in() {
        String known = fixtures.person("Known");

        as("Ada", () -> staff.invite(known, "Known Person", MembershipRole.PROVIDER_ADMINISTRATOR, Locale.GERMAN));

        Member invited = only(new StaffFilter(known, MembershipRole.PROVIDER_ADMINISTRATOR, MembershipState.INVITED));
        assertThat(invited.role()).isEqualTo(MembershipRole.PROVIDER_ADMINISTRATOR);
        assertThat(outbox.to(known)).singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains("melden Sie sich mit Ihrem Kontor-Zugang an"));
    }

    @Test
    void bad_input_is_refused_next_to_its_field_and_nothing_is_saved() {
        long before = memberships();

        assertThatThrownBy(() -> as("Ada", () -> staff.invite("not an address", "Name", MembershipRole.SUPPORT,
                Locale.ENGLISH))).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.field()).isEqualTo("email"));
        assertThatThrownBy(() -> as("Ada", () -> staff.invite("x-" + provider.tag() + "@example.test", " ",
                MembershipRole.SUPPORT, Locale.ENGLISH))).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.field()).isEqualTo("name"));
        assertThatThrownBy(() -> as("Ada", () -> staff.invite("y-" + provider.tag() + "@example.test", "Name",
                MembershipRole.MANAGER, Locale.ENGLISH))).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.field()).isEqualTo("role"));

        assertThat(memberships()).isEqualTo(before);
    }

    @Test
    void nobody_invites_themselves_or_changes_their_own_role_and_the_attempt_is_audited() {
        assertThatThrownBy(() -> as("Ada", () -> staff.invite(provider.email("Ada"), "Ada",
                MembershipRole.SUPPORT, Locale.ENGLISH))).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("provider-staff.not-yourself"));
        assertThatThrownBy(() -> as("Ada", () -> staff.deactivate(provider.membership("Ada"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("provider-staff.not-yourself"));

        assertThat(state("Ada")).isEqualTo("ACTIVE");
        assertThat(audit(ProviderStaff.STAFF_REFUSED)).hasSize(2)
                .allSatisfy(summary -> assertThat(summary).contains("nobody changes their own role"));
    }

    @Test
    void an_administrator_deactivates_and_reactivates_support_and_another_administrator() {
        as("Ada", () -> staff.deactivate(provider.membership("Sue")));
        as("Ada", () -> staff.deactivate(provider.membership("Bert")));
        assertThat(state("Sue")).isEqualTo("DEACTIVATED");
        assertThat(state("Bert")).isEqualTo("DEACTIVATED");

        as("Ada", () -> staff.reactivate(provider.membership("Bert")));
        assertThat(state("Bert")).isEqualTo("ACTIVE");
        assertThat(audit("MEMBERSHIP_STATE_CHANGED")).hasSize(3);
    }

    @Test
    void a_deactivated_administrator_administers_nothing_any_more() {
        as("Ada", () -> staff.deactivate(provider.membership("Bert")));

        assertThatThrownBy(() -> as("Bert", () -> staff.count(StaffFilter.all()))).isInstanceOf(AccessRefused.class);
    }

    @Test
    void an_invitation_is_resent_with_a_new_link_and_withdrawn_and_its_link_stops_working() {
        String email = "invitee-" + provider.tag() + "@example.test";
        as("Ada", () -> staff.invite(email, "Ivo", MembershipRole.SUPPORT, Locale.ENGLISH));
        String first = outbox.invitationTokenFor(email);
        long membership = only(new StaffFilter(email, null, null)).membershipId();

        as("Bert", () -> staff.resendInvitation(membership, Locale.ENGLISH));
        String second = outbox.invitationTokenFor(email);
        assertThat(second).isNotEqualTo(first);
        assertThat(invitations.preview(first).state().name()).isEqualTo("REVOKED");

        as("Bert", () -> staff.removeInvitation(membership));
        assertThat(as("Ada", () -> staff.count(new StaffFilter(email, null, null)))).isZero();
        // the withdrawn membership takes its invitation with it: the link names nothing any more
        assertThat(invitations.preview(second).state().name()).isIn("REVOKED", "UNKNOWN");
    }

    @Test
    void an_active_person_is_deactivated_not_removed_and_an_accepted_invitation_is_not_resent() {
        assertThatThrownBy(() -> as("Ada", () -> staff.removeInvitation(provider.membership("Bert"))))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("provider-staff.only-invitations-removed"));
        assertThatThrownBy(() -> as("Ada", () -> staff.resendInvitation(provider.membership("Sue"), Locale.ENGLISH)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("provider-staff.not-invited"));
        assertThat(state("Bert")).isEqualTo("ACTIVE");
    }

    @Test
    void a_membership_of_another_organization_is_refused_as_not_on_the_staff_and_audited() {
        StaffTestData.TestProvider other = data.provider(new String[] {"Olaf"}, "Otto");

        assertThatThrownBy(() -> as("Ada", () -> staff.deactivate(other.membership("Otto"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("provider-staff.not-found"));

        assertThat(jdbc.queryForObject("select state from membership where id = ?", String.class,
                other.membership("Otto"))).isEqualTo("ACTIVE");
        assertThat(audit(ProviderStaff.STAFF_REFUSED)).singleElement()
                .satisfies(summary -> assertThat(summary).contains("not a member of the provider staff"));
    }

    @Test
    void support_staff_and_other_people_are_refused_everything_here_and_audited() {
        assertThatThrownBy(() -> as("Sue", () -> staff.list(StaffFilter.all(), PageRequest.of(0, 10))))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> as("Sue", () -> staff.deactivate(provider.membership("Bert"))))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(DemoPeople.ANNA, () -> staff.invite("z@example.test", "Z",
                MembershipRole.PROVIDER_ADMINISTRATOR, Locale.ENGLISH))).isInstanceOf(AccessRefused.class);

        assertThat(audit(ProviderStaff.STAFF_REFUSED)).hasSize(2)
                .allSatisfy(summary -> assertThat(summary).contains("not a provider administrator"));
        assertThat(state("Bert")).isEqualTo("ACTIVE");
    }

    @Test
    void the_list_filters_by_text_role_and_state_in_the_database_and_pages_in_a_fixed_number_of_statements() {
        for (int i = 0; i < 25; i++) {
            String email = "many-" + i + "-" + provider.tag() + "@example.test";
            as("Ada", () -> staff.invite(email, "Many " + email.substring(5, 7), MembershipRole.SUPPORT,
                    Locale.ENGLISH));
        }

        List<Member> page = as("Ada", () -> {
            SqlStatements.reset();
            List<Member> rows = staff.list(StaffFilter.all(), PageRequest.of(0, 20));
            long total = staff.count(StaffFilter.all());
            assertThat(SqlStatements.count()).isLessThanOrEqualTo(8);
            assertThat(total).isEqualTo(28);
            return rows;
        });
        assertThat(page).hasSize(20);
        assertThat(as("Ada", () -> staff.list(StaffFilter.all(), PageRequest.of(1, 20)))).hasSize(8);
        assertThat(as("Ada", () -> staff.count(new StaffFilter("", MembershipRole.PROVIDER_ADMINISTRATOR, null))))
                .isEqualTo(2);
        assertThat(as("Ada", () -> staff.count(new StaffFilter("", null, MembershipState.INVITED)))).isEqualTo(25);
        assertThat(as("Ada", () -> staff.count(new StaffFilter("BERT", null, MembershipState.ACTIVE)))).isOne();
        assertThat(as("Ada", () -> staff.count(new StaffFilter("100%_", null, null)))).isZero();
        assertThat(as("Ada", () -> staff.count(new StaffFilter("", MembershipRole.MANAGER, null)))).isZero();
    }

    @Test
    void with_the_demo_data_a_start_with_an_address_invites_nobody_since_an_administrator_exists() {
        ProviderBootstrap start = new ProviderBootstrap(context.getBean(dev.kontor.organization.ProviderMemberships.class),
                context.getBean(dev.kontor.organization.OrganizationOnboarding.class),
                context.getBean(dev.kontor.organization.OrganizationService.class),
                context.getBean(dev.kontor.user.UserAccountService.class), invitations,
                context.getBean(ProviderMails.class), context.getBean(dev.kontor.audit.AuditLog.class),
                context.getBean(net.javacrumbs.shedlock.core.LockProvider.class),
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                "late-" + provider.tag() + "@example.test", "Another Provider",
                context.getBean(dev.kontor.user.Callers.class));

        assertThat(start.run()).isEqualTo(ProviderBootstrap.Outcome.ADMINISTRATOR_EXISTS);
        assertThat(outbox.to("late-" + provider.tag() + "@example.test")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from organization where name = 'Another Provider'",
                Integer.class)).isZero();
    }

    private Member only(StaffFilter filter) {
        List<Member> rows = as("Ada", () -> staff.list(filter, PageRequest.of(0, 10)));
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private String state(String name) {
        return jdbc.queryForObject("select state from membership where id = ?", String.class,
                provider.membership(name));
    }

    private long memberships() {
        return jdbc.queryForObject("select count(*) from membership where organization_id = ?", Long.class,
                provider.id());
    }

    private List<String> audit(String kind) {
        return jdbc.queryForList("select summary from audit_event where kind = ? and organization_id = ? order by id",
                String.class, kind, provider.id());
    }

    private <T> T as(String name, java.util.function.Supplier<T> work) {
        return fixtures.as(provider.email(name), work);
    }

    private void as(String name, Runnable work) {
        fixtures.as(provider.email(name), work);
    }
}
