package dev.kontor.audit;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.account.AccountService;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A refusal of someone from outside an organization (a partner's employee or another account's manager trying its
 * data) tells the organization's own readers that someone outside tried, never who; the provider's support still reads
 * who it was. A stranger who tries again and again writes one entry per kind and ten minutes into the organization's
 * log; the provider's log keeps every try. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class OutsiderRefusals {

    private static final AuditFilter REFUSALS = new AuditFilter(null, null, "", "", "ACCESS_DENIED");
    private static final String OUTSIDE = "Someone outside your organization";

    @Autowired
    AuditQueries audit;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    AccountService accounts;

    @Autowired
    PartnerProvisioning partnerProvisioning;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    I18NProvider texts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_stranger_partners_employee_is_someone_outside_to_the_account_and_named_to_support() {
        TestAccount account = fixtures.account("Alice");
        String eve = employeeOf(fixtures.partner("Stranger"), "Eve");

        tryToChangeContactPerson(eve, account);

        AuditRow seen = onlyRefusal(account.email("Alice"), account);
        assertThat(seen.actorIn(this::english)).isEqualTo(OUTSIDE);
        assertThat(seen.actorIn(this::german)).isEqualTo("Jemand außerhalb Ihrer Organisation");
        assertThat(seen.actorUserId()).isNull();
        assertThat(seen.actorEmail()).isNull();
        assertThat(seen.onBehalfOf()).isNull();
        assertThat(seen.remoteAddress()).isNull();
        assertThat(seen.summaryIn(this::english)).doesNotContain(eve);

        AuditRow told = onlyRefusal(DemoPeople.SUPPORT, account);
        assertThat(told.actorIn(this::english)).isEqualTo("Eve (" + eve + ")");
    }

    @Test
    void another_accounts_manager_is_someone_outside_and_their_address_in_the_summary_is_withheld_too() {
        TestAccount account = fixtures.account("Alice");
        TestAccount other = fixtures.account("Bob");
        String bob = other.email("Bob");

        tryToChangeContactPerson(bob, account);
        // some refusals name the address that tried (an answer to a partner's request by the wrong person); later,
        // so that the log shows it beside the first
        clock.advance(Duration.ofMinutes(10));
        fixtures.as(bob, () -> auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", account.id(),
                AuditSummary.of("partner-answer-refused-not-manager", 5, bob))));

        List<AuditRow> seen = refusals(account.email("Alice"), account);
        assertThat(seen).hasSize(2).allSatisfy(row -> {
            assertThat(row.actorIn(this::english)).isEqualTo(OUTSIDE);
            assertThat(row.summaryIn(this::english)).doesNotContain(bob).doesNotContain("Bob");
            assertThat(row.summaryIn(this::german)).doesNotContain(bob);
        });
        assertThat(seen.getFirst().summaryIn(this::english)).contains(OUTSIDE);
        assertThat(refusals(DemoPeople.SUPPORT, account).getFirst().summaryIn(this::english)).contains(bob);
    }

    @Test
    void the_accounts_own_people_and_its_partners_people_are_named_as_before() {
        TestAccount account = fixtures.account("Alice", "Bob");
        TestPartner partner = fixtures.partner("Related");
        partnerProvisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                Set.of(OrganizationRight.VIEW), account.email("Alice"), account.userId("Alice"));
        String paul = employeeOf(partner, "Paul");

        fixtures.as(account.email("Bob"), () -> auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED",
                account.id(), AuditSummary.of("refused-lacks-right", AuditSummary.action("change-contact-person"),
                        AuditSummary.term("right.MANAGE_USERS")))));
        tryToChangeContactPerson(paul, account);

        assertThat(refusals(account.email("Alice"), account)).extracting(row -> row.actorIn(this::english))
                .containsExactly("Paul (" + paul + ")", "Bob (" + account.email("Bob") + ")");
    }

    @Test
    void the_providers_administrators_read_who_tried_the_providers_own_organization() {
        long provider = jdbc.queryForObject("""
                select m.organization_id from membership m join app_user u on u.id = m.user_id
                where u.email = ? and m.role = 'PROVIDER_ADMINISTRATOR'""", Long.class, DemoPeople.OPERATOR);
        String eve = fixtures.person("Eve");
        fixtures.as(eve, () -> auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", provider,
                AuditSummary.of("refused-not-provider-administrator", AuditSummary.action("change-contact-person")))));

        List<AuditRow> rows = fixtures.as(DemoPeople.OPERATOR, () -> audit.rows(new AuditFilter(null, null, eve, "",
                "ACCESS_DENIED"), PageRequest.of(0, 10)));
        assertThat(rows).extracting(row -> row.actorIn(this::english)).containsExactly("Eve (" + eve + ")");
    }

    @Test
    void a_stranger_trying_again_and_again_writes_one_entry_per_ten_minutes_into_the_accounts_log() {
        TestAccount account = fixtures.account("Alice");
        String eve = employeeOf(fixtures.partner("Flooding"), "Eve");
        startOfAWindow();

        for (int i = 0; i < 5; i++) {
            tryToChangeContactPerson(eve, account);
        }
        assertThat(refusals(account.email("Alice"), account)).hasSize(1);
        assertThat(fixtures.as(account.email("Alice"), () -> audit.count(REFUSALS))).isEqualTo(1);
        assertThat(refusals(DemoPeople.SUPPORT, account)).hasSize(5);

        clock.advance(Duration.ofMinutes(10));
        tryToChangeContactPerson(eve, account);
        assertThat(refusals(account.email("Alice"), account)).hasSize(2);
        assertThat(refusals(DemoPeople.SUPPORT, account)).hasSize(6);
    }

    @Test
    void strangers_racing_each_other_still_write_one_entry_into_the_accounts_log() throws Exception {
        TestAccount account = fixtures.account("Alice");
        String eve = employeeOf(fixtures.partner("Racing"), "Eve");
        startOfAWindow();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    tryToChangeContactPerson(eve, account);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> racer : done) {
                racer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(refusals(account.email("Alice"), account)).hasSize(1);
        assertThat(refusals(DemoPeople.SUPPORT, account)).hasSize(racers);
    }

    @Test
    void the_csv_export_withholds_the_stranger_from_the_account_and_names_them_to_support() {
        TestAccount account = fixtures.account("Alice");
        String eve = employeeOf(fixtures.partner("Exported"), "Eve");
        tryToChangeContactPerson(eve, account);
        AuditFilter filter = new AuditFilter(null, null, "", account.customerNumber(), "ACCESS_DENIED");

        String forAlice = csv(account.email("Alice"), filter);
        assertThat(forAlice).contains(OUTSIDE).doesNotContain(eve).doesNotContain("Eve");
        String forSupport = csv(DemoPeople.SUPPORT, filter);
        assertThat(forSupport).contains(eve).doesNotContain(OUTSIDE);
    }

    private String csv(String reader, AuditFilter filter) {
        return fixtures.as(reader, () -> {
            StringWriter out = new StringWriter();
            audit.exportCsv(filter, out, Locale.ENGLISH);
            return out.toString();
        });
    }

    /** Moves the clock to just after the start of a ten-minute window, so that quick tries all fall into one. */
    private void startOfAWindow() {
        long into = clock.instant().getEpochSecond() % 600;
        clock.advance(Duration.ofSeconds(600 - into + 5));
    }

    private String employeeOf(TestPartner partner, String name) {
        String email = fixtures.person(name);
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(email), partner.id(), MembershipRole.PARTNER_EMPLOYEE);
        return email;
    }

    private void tryToChangeContactPerson(String who, TestAccount account) {
        long self = fixtures.userIdOf(who);
        assertThatThrownBy(() -> fixtures.as(who, () -> accounts.changeContactPerson(account.id(), 0, self)))
                .isInstanceOf(AccessRefused.class);
    }

    private AuditRow onlyRefusal(String reader, TestAccount account) {
        List<AuditRow> rows = refusals(reader, account);
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private List<AuditRow> refusals(String reader, TestAccount account) {
        return fixtures.as(reader, () -> audit.rows(new AuditFilter(null, null, "", account.customerNumber(),
                "ACCESS_DENIED"), PageRequest.of(0, 50)));
    }

    private String english(String key, Object[] arguments) {
        return texts.getTranslation(key, Locale.ENGLISH, arguments);
    }

    private String german(String key, Object[] arguments) {
        return texts.getTranslation(key, Locale.GERMAN, arguments);
    }
}
