package dev.kontor.access;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.audit.AuditEvent;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.partner.CustomerPartnerService;
import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Working inside a customer's account: only through a session of this tab, with the relationship's rights. */
@IntegrationTest
class AccessSessionsTest {

    private UI tab;

    private static final CustomerNumber BAECKEREI = new CustomerNumber("CN-10001");
    private static final CustomerNumber KANZLEI = new CustomerNumber("CN-10002");

    @Autowired
    AccessSessions sessions;

    @Autowired
    AccountService accounts;

    @Autowired
    OrganizationService organizations;

    @Autowired
    CustomerPartnerService customerPartners;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    AccessActivity activity;

    private long partnerId;

    @BeforeEach
    void aBrowserTab() {
        // the access session belongs to one browser tab, i.e. one Vaadin UI
        // Vaadin holds the current UI weakly: the test keeps it, as a browser session would
        tab = new UI();
        UI.setCurrent(tab);
        partnerId = fixtures.as(DemoPeople.PARTNER_ADMIN,
                () -> organizations.myOrganizationsOfKind(OrganizationKind.PARTNER).getFirst().organizationId());
    }

    @AfterEach
    void closeTheTab() {
        clock.reset();
    }

    @Test
    void entering_an_account_with_a_password_alone_is_refused_audited_and_opens_nothing() {
        long before = auditTrail.latest(AccessSessions.STARTED).stream()
                .mapToLong(AuditEvent::getId).max().orElse(0);

        assertThatThrownBy(() -> fixtures.asWithPasswordOnly(DemoPeople.PARTNER_ADMIN,
                () -> sessions.start(partnerId, BAECKEREI, "TICKET-2FA")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("access.second-factor-required");

        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.current())).isEmpty();
        assertThat(auditTrail.latest(AccessSessions.REFUSED))
                .anyMatch(event -> DemoPeople.PARTNER_ADMIN.equals(event.getActorEmail())
                        && event.getOrganizationId() == partnerId
                        && event.getSummary().contains("Bäckerei Sonnenschein (CN-10001)")
                        && event.getSummary().contains("without a second factor"));
        assertThat(auditTrail.latest(AccessSessions.STARTED))
                .noneMatch(event -> event.getId() > before);
        // the same person, with the code given in this sign-in, enters
        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null))
                .customerNumber()).isEqualTo(BAECKEREI.value());
    }

    @Test
    void without_the_right_to_enter_the_refusal_is_the_usual_one_whatever_the_factors() {
        assertThatThrownBy(() -> fixtures.asWithPasswordOnly(DemoPeople.EMPLOYEE,
                () -> sessions.start(partnerId, BAECKEREI, null)))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void outside_a_session_the_partner_has_no_right_in_the_customers_account() {
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI)))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void inside_a_session_the_partner_holds_the_relationships_rights_and_no_more() {
        CurrentAccess access = fixtures.as(DemoPeople.PARTNER_ADMIN,
                () -> sessions.start(partnerId, BAECKEREI, "TICKET-4711"));
        assertThat(access.rights()).contains(OrganizationRight.MANAGE_USERS).doesNotContain(OrganizationRight.ADMIN);

        AccountDetails details = fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI));
        assertThat(details.viewerMayManageUsers()).isTrue();
        assertThat(details.viewerMayEditMasterData()).isFalse();
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.updateMasterData(
                details.accountId(), details.version(), details.masterData())))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(KANZLEI)))
                .as("another customer is outside this session").isInstanceOf(AccessRefused.class);

        List<AuditEvent> started = auditTrail.latest(AccessSessions.STARTED);
        assertThat(started).anySatisfy(event -> {
            assertThat(event.getOrganizationId()).isEqualTo(details.accountId());
            assertThat(event.getActorEmail()).isEqualTo(DemoPeople.PARTNER_ADMIN);
            assertThat(event.getSummary()).contains("TICKET-4711");
        });
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.leave());
    }

    @Test
    void changes_inside_a_session_are_recorded_on_behalf_of_the_partner() {
        var account = fixtures.account("Alice", "Bob");
        // no partnership with this account: entering it is refused and audited
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN,
                () -> sessions.start(partnerId, new CustomerNumber(account.customerNumber()), null)))
                .isInstanceOf(AccessRefused.class);

        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null));
        AccountDetails details = fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI));
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.confirmContactData(details.accountId()));

        assertThat(auditTrail.latest("CONTACT_DATA_CONFIRMED"))
                .anySatisfy(event -> {
                    assertThat(event.getActorEmail()).isEqualTo(DemoPeople.PARTNER_ADMIN);
                    assertThat(event.getOnBehalfOfId()).isEqualTo(partnerId);
                });
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.leave());
    }

    @Test
    void an_employee_enters_only_the_customers_assigned_to_them() {
        assertThatThrownBy(() -> fixtures.as(DemoPeople.EMPLOYEE, () -> sessions.start(partnerId, BAECKEREI, null)))
                .isInstanceOf(AccessRefused.class);

        CurrentAccess access = fixtures.as(DemoPeople.EMPLOYEE, () -> sessions.start(partnerId, KANZLEI, null));

        assertThat(access.rights()).containsExactly(OrganizationRight.VIEW);
        AccountDetails details = fixtures.as(DemoPeople.EMPLOYEE, () -> accounts.details(KANZLEI));
        assertThat(details.viewerMayManageUsers()).isFalse();
        fixtures.as(DemoPeople.EMPLOYEE, () -> sessions.leave());
    }

    @Test
    void thirty_idle_minutes_end_the_session() {
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null));
        clock.advance(Duration.ofMinutes(31));

        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI)))
                .isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.current())).isEmpty();
        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.endReason())).contains("TIMED_OUT");
    }

    @Test
    void a_session_whose_tab_was_closed_ends_audited_once_its_idle_time_has_passed() {
        long sessionId = fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null))
                .sessionId();
        // the tab is closed: nothing is ever called in the session again
        UI.setCurrent(null);

        clock.advance(Duration.ofMinutes(29));
        expiry.endAllIdle();
        assertThat(endedRow(sessionId)).as("still within its idle time").isNull();

        clock.advance(Duration.ofMinutes(2));
        long before = auditTrail.latest(AccessSessions.ENDED).stream().mapToLong(AuditEvent::getId).max().orElse(0);
        assertThat(expiry.endAllIdle()).isPositive();

        assertThat(endedRow(sessionId)).isEqualTo("TIMED_OUT");
        List<String> endedNow = endedSince(before);
        // sessions other tests left open idle out with it; each is said the same way
        assertThat(endedNow).allMatch(summary -> summary.matches(
                "Access session of user \\d+ in .+ \\(CN-\\d+\\) for .+ ended: idle for too long"));
        assertThat(endedNow).as("on the customer's and on the partner's side")
                .filteredOn(summary -> summary.contains("(CN-10001)")).hasSizeGreaterThanOrEqualTo(2);
        // ended once: a second check finds nothing of it left to end
        expiry.endAllIdle();
        assertThat(endedSince(before)).isEqualTo(endedNow);
    }

    private List<String> endedSince(long eventId) {
        return auditTrail.latest(AccessSessions.ENDED).stream().filter(event -> event.getId() > eventId)
                .map(AuditEvent::getSummary).toList();
    }

    @Autowired
    AccessSessionExpiry expiry;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String endedRow(long sessionId) {
        return jdbc.queryForObject("select end_reason from access_session where id = ?", String.class, sessionId);
    }

    @Test
    void what_the_partner_user_does_in_the_tab_keeps_the_session_going_and_checking_rights_writes_nothing() {
        long id = fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null)).sessionId();
        clock.advance(Duration.ofMinutes(20));
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI));
        activity.noteActivity(id);
        clock.advance(Duration.ofMinutes(20));

        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI))).isNotNull();
        // 25 minutes after that call, 45 after the last activity: only a check that wrote would have kept it
        clock.advance(Duration.ofMinutes(25));
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI)))
                .as("the checks of the last call noted no activity").isInstanceOf(AccessRefused.class);
    }

    @Test
    void a_request_after_the_idle_timeout_does_not_bring_the_session_back() {
        long id = fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null)).sessionId();
        clock.advance(Duration.ofMinutes(31));
        activity.noteActivity(id);

        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI)))
                .isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.endReason())).contains("TIMED_OUT");
    }

    @Test
    void leaving_ends_the_session_and_the_rights_with_it() {
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null));
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.leave());

        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI)))
                .isInstanceOf(AccessRefused.class);
        assertThat(auditTrail.latest(AccessSessions.ENDED))
                .anySatisfy(event -> assertThat(event.getSummary())
                        .matches("Access session of user \\d+ in .+ \\(CN-10001\\) for .+ ended: left the account"));
    }

    @Test
    void a_revocation_by_the_customer_ends_the_session_at_the_next_action() {
        var partner = fixtures.partner("Revocable");
        var account = fixtures.account("Alice");
        long relationship = provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                java.util.EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS),
                account.email("Alice"), account.userId("Alice"));
        CustomerNumber number = new CustomerNumber(account.customerNumber());
        fixtures.as(partner.adminEmail(), () -> sessions.start(partner.id(), number, null));
        assertThat(fixtures.as(partner.adminEmail(), () -> accounts.details(number)).viewerMayManageUsers()).isTrue();

        fixtures.as(account.email("Alice"), () -> customerPartners.revoke(account.id(), relationship));

        assertThatThrownBy(() -> fixtures.as(partner.adminEmail(), () -> accounts.details(number)))
                .isInstanceOf(AccessRefused.class);
        assertThat(fixtures.as(partner.adminEmail(), () -> sessions.endReason())).contains("RIGHTS_ENDED");
    }

    @Autowired
    dev.kontor.partner.PartnerProvisioning provisioning;

    @Test
    void signing_out_ends_the_session() {
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null));
        var signedIn = fixtures.as(DemoPeople.PARTNER_ADMIN,
                () -> org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());

        events.publishEvent(new org.springframework.security.authentication.event.LogoutSuccessEvent(signedIn));

        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.endReason())).contains("SIGNED_OUT");
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void another_tab_is_outside_the_session() {
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partnerId, BAECKEREI, null));
        UI first = UI.getCurrent();
        UI other = new UI();
        UI.setCurrent(other);

        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI)))
                .isInstanceOf(AccessRefused.class);

        UI.setCurrent(first);
        assertThat(fixtures.as(DemoPeople.PARTNER_ADMIN, () -> accounts.details(BAECKEREI)).customerNumber())
                .isEqualTo("CN-10001");
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.leave());
    }
}
