package dev.kontor.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.UI;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditRow;
import dev.kontor.audit.AuditSummary;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.base.ui.AccessDeniedView;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.SqlStatements;
import dev.kontor.testing.ViewTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    ManagerService managers;

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void a_manager_sees_her_accounts_events_and_can_filter_and_export_them() {
        navigate(AuditLogView.class);

        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        assertThat(grid.size()).isPositive();
        for (int row = 0; row < grid.size(); row++) {
            assertThat(text(grid, row, 1)).isEqualTo("Kanzlei Weber\n(CN-10002)");
        }
        test(kindFilter()).selectItem("Contact person changed");
        assertThat(test(grid()).size()).isPositive();
        assertThat(text(test(grid()), 0, 2))
                .isEqualTo("Contact person changed");
        assertThat(find(Anchor.class).withId("audit-export").single().getText()).contains("Export CSV");
        assertThat(kindFilter().getListDataView().getItems().toList()).contains("CONTACT_PERSON_CHANGED")
                .doesNotContain("any");
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void a_manager_is_offered_only_the_kinds_her_log_holds_sorted_by_their_names() {
        navigate(AuditLogView.class);

        List<String> offered = kindFilter().getListDataView().getItems().toList();
        assertThat(offered).contains("CONTACT_PERSON_CHANGED")
                .doesNotContain("SIGN_IN_THROTTLED", "SIGN_IN_FAILED", "SIGN_IN_UNLOCK_SENT", "SIGN_IN_UNLOCKED");
        List<String> labels = offered.stream().map(code -> kindFilter().getItemLabelGenerator().apply(code))
                .toList();
        assertThat(labels).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    @WithUserDetails(DemoPeople.SUPPORT)
    void provider_staff_are_offered_every_kind_sorted_by_their_names() {
        navigate(AuditLogView.class);

        List<String> offered = kindFilter().getListDataView().getItems().toList();
        assertThat(offered).contains("CONTACT_PERSON_CHANGED", "SUPPORT_LOOKUP", "TENANT_CREATED",
                "SIGN_IN_THROTTLED");
        List<String> labels = offered.stream().map(code -> kindFilter().getItemLabelGenerator().apply(code))
                .toList();
        assertThat(labels).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void on_a_laptop_who_acted_stands_under_when_and_on_a_phone_one_column_tells_the_whole_event() {
        AuditLogView view = navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Contact person changed");

        view.fitColumns(1366);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("when", "organization", "kind", "summary", "change");
        String whenAndWho = text(test(grid()), 0, 0);
        String actor = grid().getGenericDataView().getItem(0).actorEmail();
        assertThat(whenAndWho).endsWith("system".equals(actor) ? "System" : actor + ")");
        String summary = text(test(grid()), 0, 3);

        view.fitColumns(390);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("event");
        // the tester counts only the columns shown: the whole event is the first
        String event = text(test(grid()), 0, 0);
        assertThat(event).contains(whenAndWho, "Kanzlei Weber\n(CN-10002)", "Contact person changed", summary, "→");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void kontors_own_work_is_done_by_system_a_service_is_named_once_and_no_code_shows_on_hover() {
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Service registered");

        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        List<String> summaries = new ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            summaries.add(text(grid, row, 3));
            assertThat(text(grid, row, 0)).endsWith("System");
            // the kind by its name alone: no code in the cell, and no cell component that could show one on hover
            assertThat(text(grid, row, 2)).isEqualTo("Service registered");
            assertThat(grid().getColumnByKey("kind").getRenderer())
                    .isNotInstanceOf(com.vaadin.flow.data.renderer.ComponentRenderer.class);
        }
        assertThat(summaries).contains("Cluster C-1043 (kind: Cluster)", "Managed Backup (kind: Product)");
    }

    @Test
    @WithUserDetails(DemoPeople.CLARA)
    void each_reader_sees_the_summary_in_their_own_language() {
        long lawFirm = jdbc.queryForObject("select id from organization where customer_number = 'CN-10002'",
                Long.class);
        auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED", lawFirm,
                AuditSummary.of("refused-lacks-right", AuditSummary.action("move-tenant-below", "T-77"),
                        AuditSummary.term("right.MANAGE_TENANTS"))));

        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Zugriff verweigert");
        assertThat(text(test(grid()), 0, 3))
                .isEqualTo("Mandanten unter T-77 verschieben abgelehnt: Recht „Mandanten verwalten“ fehlt");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Access refused");
        assertThat(text(test(grid()), 0, 3)).isEqualTo("Move tenant below T-77 refused: lacks Manage tenants");
        // the English sentence is stored too, for the CSV export
        assertThat(jdbc.queryForObject("select summary from audit_event where organization_id = ? "
                + "and kind = 'ACCESS_DENIED' order by id desc limit 1", String.class, lawFirm))
                .isEqualTo("Move tenant below T-77 refused: lacks Manage tenants");
    }

    @Test
    @WithUserDetails(DemoPeople.EMPLOYEE)
    void a_partner_employee_is_turned_away() {
        navigate("audit", AccessDeniedView.class);
    }

    @Test
    void before_and_after_name_each_person_by_name_and_e_mail_never_by_an_internal_id() {
        TestAccount account = fixtures.account("Alice", "Bob");
        makeContactPerson(account, "Bob");
        fixtures.signIn(account.email("Alice"));

        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            UI.getCurrent().setLocale(language);
            navigate(AuditLogView.class);
            test(kindFilter()).selectItem(language == Locale.ENGLISH ? "Contact person changed"
                    : "Ansprechpartner geändert");

            List<String> changes = changes();
            String alice = "Alice (" + account.email("Alice") + ")";
            String bob = "Bob (" + account.email("Bob") + ")";
            assertThat(changes).as("in %s", language).containsExactly(alice + " → " + bob, "— → " + alice);
        }
    }

    @Test
    void who_acted_is_named_by_name_and_e_mail_and_a_user_who_is_gone_as_a_deleted_user() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.as(account.email("Bob"), () -> auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED",
                account.id(), AuditSummary.of("refused-lacks-right", AuditSummary.action("move-tenant-below", "T-1"),
                        AuditSummary.term("right.MANAGE_TENANTS")))));
        // as a user removed since acted: the event keeps the id and the address, the user row is gone
        jdbc.update("""
                insert into audit_event (occurred_at, kind, outcome, actor_user_id, actor_email, organization_id,
                  summary)
                values (?, 'ACCESS_DENIED', 'DENIED', 987654321, 'gone@example.test', ?, 'Refused')""",
                java.sql.Timestamp.from(Instant.now()), account.id());
        fixtures.signIn(account.email("Alice"));

        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            UI.getCurrent().setLocale(language);
            navigate(AuditLogView.class);
            test(kindFilter()).selectItem(language == Locale.ENGLISH ? "Access refused" : "Zugriff verweigert");
            GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
            assertThat(grid.size()).isEqualTo(2);
            assertThat(text(grid, 0, 0)).as("in %s", language)
                    .endsWith(language == Locale.ENGLISH ? "a deleted user" : "ein gelöschter Benutzer")
                    .doesNotContain("gone@example.test");
            assertThat(text(grid, 1, 0)).as("in %s", language)
                    .endsWith("Bob (" + account.email("Bob") + ")");
        }

        // the Who filter finds a person by the name the log shows, not only by the address
        jdbc.update("update app_user set display_name = 'Bob Brennecke' where id = ?", account.userId("Bob"));
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Access refused");
        test(find(com.vaadin.flow.component.textfield.TextField.class).withId("audit-actor").single())
                .setValue("brennecke");
        GridTester<Grid<AuditRow>, AuditRow> found = test(grid());
        assertThat(found.size()).isEqualTo(1);
        assertThat(text(found, 0, 0))
                .endsWith("Bob Brennecke (" + account.email("Bob") + ")");
    }

    @Test
    void the_platform_is_named_once_not_after_its_kind() {
        String created = jdbc.queryForObject("select e.summary from audit_event e join organization o "
                + "on o.id = e.organization_id where e.kind = 'ORGANIZATION_CREATED' and o.kind = 'PROVIDER' "
                + "order by e.id limit 1", String.class);

        assertThat(created).isEqualTo("Kontor Platform, operator of this installation")
                .doesNotContain("Platform Kontor Platform");
    }

    @Test
    void a_refusal_is_said_once_by_its_kind_not_again_as_its_outcome() {
        TestAccount account = fixtures.account("Alice", "Bob");
        fixtures.as(account.email("Bob"), () -> auditLog.recordIndependently(AuditEntry.denied("ACCESS_DENIED",
                account.id(), AuditSummary.of("refused-lacks-right", AuditSummary.action("move-tenant-below", "T-1"),
                        AuditSummary.term("right.MANAGE_TENANTS")))));
        fixtures.signIn(account.email("Alice"));

        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            UI.getCurrent().setLocale(language);
            navigate(AuditLogView.class);
            String kind = language == Locale.ENGLISH ? "Access refused" : "Zugriff verweigert";
            test(kindFilter()).selectItem(kind);
            assertThat(text(test(grid()), 0, 2)).as("in %s", language).isEqualTo(kind);
        }
        // an outcome the kind does not name still stands below it
        assertThat(AuditLogView.kindSaysOutcome("CONTACT_PERSON_CHANGED", dev.kontor.audit.AuditOutcome.DENIED))
                .isFalse();
    }

    @Test
    void a_stranger_who_tried_the_account_is_someone_outside_the_organization_in_the_readers_language() {
        TestAccount account = fixtures.account("Alice");
        TestAccount other = fixtures.account("Mallory");
        String mallory = other.email("Mallory");
        long self = fixtures.userIdOf(mallory);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixtures.as(mallory,
                        () -> accounts.changeContactPerson(account.id(), 0, self)))
                .isInstanceOf(dev.kontor.base.AccessRefused.class);
        fixtures.signIn(account.email("Alice"));

        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            UI.getCurrent().setLocale(language);
            AuditLogView view = navigate(AuditLogView.class);
            test(kindFilter()).selectItem(language == Locale.ENGLISH ? "Access refused" : "Zugriff verweigert");
            view.fitColumns(1366);
            GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
            assertThat(grid.size()).isEqualTo(1);
            assertThat(text(grid, 0, 0)).as("in %s", language)
                    .endsWith(language == Locale.ENGLISH ? "Someone outside your organization"
                            : "Jemand außerhalb Ihrer Organisation")
                    .doesNotContain(mallory).doesNotContain("Mallory");
            view.fitColumns(390);
            assertThat(text(test(grid()), 0, 0)).doesNotContain(mallory).doesNotContain("Mallory");
        }
    }

    @Test
    void a_person_who_no_longer_exists_is_a_deleted_user_in_the_readers_language() {
        TestAccount account = fixtures.account("Alice");
        // as events written before people were marked kept them: "user" and the id
        auditLog.recordIndependently(AuditEntry.change("CONTACT_PERSON_CHANGED", account.id(),
                AuditSummary.of("account-contact-person-changed"), "user 987654321", null));
        fixtures.signIn(account.email("Alice"));

        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Contact person changed");
        assertThat(changes()).contains("a deleted user → —");

        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Ansprechpartner geändert");
        assertThat(changes()).contains("ein gelöschter Benutzer → —");
    }

    @Test
    void roles_states_and_the_invitations_validity_read_in_the_readers_words_and_time_never_as_codes() {
        TestAccount account = fixtures.account("Alice");
        String invitee = "invitee-" + account.tag() + "@example.test";
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), invitee, "Ivo Invited",
                Locale.ENGLISH));
        Instant expires = jdbc.queryForObject("""
                select i.expires_at from invitation i join membership m on m.id = i.membership_id
                join app_user u on u.id = m.user_id where u.email = ?""", java.sql.Timestamp.class, invitee)
                .toInstant();
        fixtures.signIn(account.email("Alice"));

        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            boolean english = language == Locale.ENGLISH;
            UI.getCurrent().setLocale(language);
            navigate(AuditLogView.class);
            test(kindFilter()).selectItem(english ? "Role granted" : "Rolle vergeben");
            // newest first: the invitation, then Alice's own role from the start
            assertThat(changes()).as("in %s", language).containsExactly(
                    english ? "— → Manager (Invited)" : "— → Manager (Eingeladen)",
                    english ? "— → Manager (Active)" : "— → Manager (Aktiv)");

            test(kindFilter()).selectItem(english ? "Invitation sent" : "Einladung gesendet");
            // the browser told no zone here: Kontor's stands in, and is named as the When column names it
            String validUntil = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(language)
                    .withZone(ZoneId.of("Europe/Berlin")).format(expires) + " "
                    + DateTimeFormatter.ofPattern("zzz", language).withZone(ZoneId.of("Europe/Berlin")).format(expires);
            assertThat(summaries()).as("in %s", language).singleElement().asString()
                    .endsWith(validUntil).doesNotContainPattern("[0-9]T[0-9]").doesNotContainPattern("[0-9]Z");
        }
    }

    @Test
    void events_written_before_values_were_marked_still_read_in_the_readers_words_and_time() {
        TestAccount account = fixtures.account("Alice");
        String invitee = "earlier-" + account.tag() + "@example.test";
        // as earlier versions wrote them: enum names, and an instant's text with nanoseconds
        auditLog.recordIndependently(AuditEntry.change("MEMBERSHIP_STATE_CHANGED", account.id(),
                AuditSummary.of("membership-of", invitee, AuditSummary.term("membership.role.MANAGER")),
                "INVITED", "APPROVAL_PENDING"));
        auditLog.recordIndependently(AuditEntry.change("MEMBERSHIP_GRANTED", account.id(),
                AuditSummary.of("membership-invited-as", invitee, AuditSummary.term("membership.role.MANAGER")),
                "MANAGER/DEACTIVATED", "MANAGER/INVITED"));
        auditLog.recordIndependently(AuditEntry.success("INVITATION_ISSUED", account.id(),
                AuditSummary.of("invitation-issued", AuditSummary.term("membership.role.MANAGER"), invitee,
                        "2026-12-12T15:03:11.123456789Z")));
        auditLog.recordIndependently(AuditEntry.change("CONTACT_DATA_CONFIRMED", account.id(),
                AuditSummary.of("account-contact-data-confirmed"), "2026-06-01T08:00:00.5Z",
                "2026-12-12T15:03:11.123456789Z"));
        fixtures.signIn(account.email("Alice"));

        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Role state changed");
        assertThat(changes()).containsExactly("Invited → Awaiting approval");
        test(kindFilter()).selectItem("Role granted");
        assertThat(changes()).containsExactly("Manager (Deactivated) → Manager (Invited)", "— → Manager (Active)");
        test(kindFilter()).selectItem("Invitation sent");
        assertThat(summaries()).singleElement().asString().startsWith("Manager invitation for " + invitee
                + ", valid until Dec 12, 2026, 4:03:11").endsWith(" CET").doesNotContain("123456789");
        test(kindFilter()).selectItem("Contact data confirmed");
        assertThat(changes()).singleElement().asString().startsWith("Jun 1, 2026, 10:00:00")
                .contains("CEST → Dec 12, 2026, 4:03:11").endsWith(" CET").doesNotContain("Z");

        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Rollenstatus geändert");
        assertThat(changes()).containsExactly("Eingeladen → Wartet auf Freigabe");
        test(kindFilter()).selectItem("Rolle vergeben");
        assertThat(changes()).containsExactly("Manager (Deaktiviert) → Manager (Eingeladen)", "— → Manager (Aktiv)");
        test(kindFilter()).selectItem("Einladung gesendet");
        assertThat(summaries()).singleElement().asString().endsWith("gültig bis 12.12.2026, 16:03:11 MEZ");
        test(kindFilter()).selectItem("Kontaktdaten bestätigt");
        assertThat(changes()).containsExactly("01.06.2026, 10:00:00 MESZ → 12.12.2026, 16:03:11 MEZ");
    }

    @Test
    void the_audit_page_sends_as_many_statements_for_twenty_people_as_for_two() {
        TestAccount few = fixtures.account("Alice", "Bob");
        makeContactPerson(few, "Bob");
        String[] twenty = new String[20];
        for (int i = 0; i < twenty.length; i++) {
            twenty[i] = "Person" + i;
        }
        TestAccount many = fixtures.account(twenty);
        for (int i = 1; i < twenty.length; i++) {
            // each change by another person, so that the page names twenty people who acted as well
            makeContactPerson(many, twenty[i], twenty[i - 1]);
        }

        long forFew = statementsOfAuditPage(few.email("Alice"), 2);
        long forMany = statementsOfAuditPage(many.email("Person0"), 20);

        assertThat(forMany).isEqualTo(forFew);
    }

    /**
     * Opens the audit log as this person, shows the contact person changes, and counts the SQL of fetching the page
     * that holds them all (the tester fetches a page for each cell it reads, so one cell stands for the page).
     */
    private long statementsOfAuditPage(String reader, int expectedChanges) {
        fixtures.signIn(reader);
        navigate(AuditLogView.class);
        test(kindFilter()).selectItem("Contact person changed");
        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        assertThat(grid.size()).isEqualTo(expectedChanges);
        SqlStatements.reset();
        text(grid, expectedChanges - 1, 4);
        long statements = SqlStatements.count();
        assertThat(changes()).hasSize(expectedChanges).noneMatch(change -> change.matches(".*user \\d+.*"))
                .allMatch(change -> change.contains("@example.test)"));
        // newest first: every change but the first, which setting up the account made, was made by a person
        for (int row = 0; row < expectedChanges - 1; row++) {
            assertThat(text(grid, row, 0)).endsWith("@example.test)");
        }
        return statements;
    }

    private void makeContactPerson(TestAccount account, String manager) {
        makeContactPerson(account, manager, account.managers().keySet().iterator().next());
    }

    private void makeContactPerson(TestAccount account, String manager, String actingManager) {
        fixtures.as(account.email(actingManager), () -> {
            AccountDetails details = accounts.details(new CustomerNumber(account.customerNumber()));
            accounts.changeContactPerson(account.id(), details.version(), account.userId(manager));
        });
    }

    /** The Summary column, newest first. */
    private List<String> summaries() {
        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        List<String> summaries = new ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            summaries.add(text(grid, row, 3));
        }
        return summaries;
    }

    /** The Before → after column, newest first. */
    /** A cell's text; the columns that may hold e-mail addresses are drawn from a template and carry it as a value. */
    private static String text(GridTester<Grid<AuditRow>, AuditRow> grid, int row, int column) {
        String text = grid.getCellText(row, column);
        return text != null ? text : grid.getLitRendererPropertyValue(row, column, "text", String.class);
    }

    private List<String> changes() {
        GridTester<Grid<AuditRow>, AuditRow> grid = test(grid());
        List<String> changes = new ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            changes.add(text(grid, row, 4));
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> kindFilter() {
        return find(ComboBox.class).withId("audit-kind").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditRow> grid() {
        return find(Grid.class).withId("audit-events").single();
    }
}
