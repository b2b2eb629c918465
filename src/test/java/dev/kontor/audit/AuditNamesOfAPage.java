package dev.kontor.audit;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.SqlStatements;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * A page of the audit log names the people and organizations its events mention, never by id, in a fixed number of
 * statements however many rows and people it has, and names an invited person only as the inviter typed them. Run on
 * H2 and on PostgreSQL by the subclasses.
 */
abstract class AuditNamesOfAPage {

    private static final AuditFilter CONTACT_PERSON_CHANGES = new AuditFilter(null, null, "", "",
            "CONTACT_PERSON_CHANGED");

    @Autowired
    AuditQueries audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog auditLog;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    I18NProvider texts;

    @Autowired
    PartnerProvisioning partnerships;

    @Test
    void a_page_names_its_people_in_the_same_few_statements_whether_it_names_two_or_twenty() {
        TestAccount few = fixtures.account("Alice", "Bob");
        TestAccount many = fixtures.account(IntStream.range(0, 20).mapToObj(i -> "Person" + i)
                .toArray(String[]::new));
        // as the earlier events kept them, and as they are written now; each by another person, so that the page
        // names as many people who acted as people changed
        fixtures.as(few.email("Bob"), () -> auditLog.recordIndependently(AuditEntry.change("CONTACT_PERSON_CHANGED",
                few.id(), AuditSummary.of("account-contact-person-changed"), "user " + few.userId("Alice"),
                AuditValue.person(few.userId("Bob")))));
        for (int i = 1; i < 20; i++) {
            int changed = i;
            fixtures.as(many.email("Person" + i), () -> auditLog.recordIndependently(AuditEntry.change(
                    "CONTACT_PERSON_CHANGED", many.id(), AuditSummary.of("account-contact-person-changed"),
                    AuditValue.person(many.userId("Person" + (changed - 1))),
                    AuditValue.person(many.userId("Person" + changed)))));
        }

        long forFew = statementsOfOnePage(few.email("Alice"), CONTACT_PERSON_CHANGES, 2);
        long forMany = statementsOfOnePage(many.email("Person0"), CONTACT_PERSON_CHANGES, 20);

        assertThat(forMany).isEqualTo(forFew);
        List<AuditRow> rows = fixtures.as(few.email("Alice"), () -> audit.rows(CONTACT_PERSON_CHANGES,
                PageRequest.of(0, 10)));
        assertThat(rows.getFirst().oldValueIn(this::english)).isEqualTo("Alice (" + few.email("Alice") + ")");
        assertThat(rows.getFirst().newValueIn(this::english)).isEqualTo("Bob (" + few.email("Bob") + ")");
        assertThat(rows.getFirst().actorIn(this::english)).isEqualTo("Bob (" + few.email("Bob") + ")");
    }

    @Test
    void an_invited_person_is_named_as_the_inviter_typed_them_until_they_accept() {
        TestAccount account = fixtures.account("Alice");
        String stored = fixtures.person("Storedname");
        long storedId = fixtures.userIdOf(stored);
        onboarding.invite(TestTasks.setUp(), storedId, account.id(), MembershipRole.MANAGER, "Typed Name");

        List<AuditRow> rows = fixtures.as(account.email("Alice"), () -> audit.rows(new AuditFilter(null, null, "",
                "", "MEMBERSHIP_GRANTED"), PageRequest.of(0, 10)));

        assertThat(rows).extracting(row -> row.summaryIn(this::english))
                .contains("Typed Name (" + stored + ") invited as Manager")
                .noneMatch(summary -> summary.contains("Storedname ("));
    }

    @Test
    void a_member_given_a_role_is_named_in_the_summary_as_in_the_who_column_not_by_address_alone() {
        TestAccount account = fixtures.account("Alice");

        List<AuditRow> rows = fixtures.as(account.email("Alice"), () -> audit.rows(new AuditFilter(null, null, "",
                "", "MEMBERSHIP_GRANTED"), PageRequest.of(0, 10)));

        assertThat(rows).extracting(row -> row.summaryIn(this::english))
                .contains("Alice (" + account.email("Alice") + ") became Manager");
    }

    @Test
    void someone_from_outside_who_acted_is_named_in_the_summary_by_the_name_the_who_column_shows() {
        TestAccount account = fixtures.account("Alice");
        String visitor = fixtures.person("Visitor");
        long visitorId = fixtures.userIdOf(visitor);
        fixtures.as(visitor, () -> auditLog.recordIndependently(AuditEntry.success("ACCESS_SESSION_STARTED",
                account.id(), AuditSummary.of("access-session-started", AuditSummary.person(visitorId),
                        AuditSummary.organization("Customer"), account.customerNumber(),
                        AuditSummary.organization("Partner")))));

        List<AuditRow> rows = fixtures.as(account.email("Alice"), () -> audit.rows(new AuditFilter(null, null, "",
                "", "ACCESS_SESSION_STARTED"), PageRequest.of(0, 10)));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.actorIn(this::english)).isEqualTo("Visitor (" + visitor + ")");
            assertThat(row.summaryIn(this::english)).startsWith("Visitor (" + visitor + ") ");
        });
    }

    @Test
    void a_partnership_taken_over_names_the_customer_in_the_partners_log_and_the_partner_in_the_customers() {
        TestAccount first = fixtures.account("Alice");
        TestAccount second = fixtures.account("Carol");
        TestPartner partner = fixtures.partner("Taking");
        partnerships.importActiveRelationship(TestTasks.setUp(), partner.id(), first.id(),
                Set.of(OrganizationRight.VIEW), first.email("Alice"), first.userId("Alice"));
        partnerships.importActiveRelationship(TestTasks.setUp(), partner.id(), second.id(),
                Set.of(OrganizationRight.VIEW), second.email("Carol"), second.userId("Carol"));
        AuditFilter takenOver = new AuditFilter(null, null, "", "", "RELATIONSHIP_IMPORTED");

        List<AuditRow> partners = fixtures.as(partner.legalEmail(), () -> audit.rows(takenOver,
                PageRequest.of(0, 10)));
        List<AuditRow> customers = fixtures.as(first.email("Alice"), () -> audit.rows(takenOver,
                PageRequest.of(0, 10)));

        assertThat(partners).extracting(row -> row.summaryIn(this::english)).containsExactlyInAnyOrder(
                "Partnership with " + first.label() + " taken over as active, accepted and reviewed",
                "Partnership with " + second.label() + " taken over as active, accepted and reviewed");
        assertThat(customers).extracting(row -> row.summaryIn(this::english)).containsExactly(
                "Partnership with the partner " + partner.name() + " taken over as active, accepted and reviewed");
    }

    private long statementsOfOnePage(String reader, AuditFilter filter, int expectedRows) {
        return fixtures.as(reader, () -> {
            SqlStatements.reset();
            List<AuditRow> rows = audit.rows(filter, PageRequest.of(0, 50));
            long statements = SqlStatements.count();
            assertThat(rows).hasSize(expectedRows).allSatisfy(row -> assertThat(row.newValueIn(this::english))
                    .contains("@example.test)"));
            // every change on the page but the account's first contact person was made by a person, named
            assertThat(rows).filteredOn(row -> row.actorUserId() != null).hasSize(expectedRows - 1)
                    .allSatisfy(row -> assertThat(row.actorIn(this::english)).endsWith("@example.test)"));
            return statements;
        });
    }

    @Test
    void a_user_who_no_longer_exists_is_a_deleted_user_and_an_organization_kept_by_id_is_named() {
        TestAccount account = fixtures.account("Alice");
        auditLog.recordIndependently(AuditEntry.change("CONTACT_PERSON_CHANGED", account.id(),
                AuditSummary.of("account-contact-person-changed"), AuditValue.person(987654321L), null));
        // as events written before organizations were named kept them
        auditLog.recordIndependently(AuditEntry.change("EMPLOYEE_ASSIGNED", account.id(),
                AuditSummary.of("partner-customer-assigned", account.id()), null, null));

        List<AuditRow> rows = fixtures.as(account.email("Alice"), () -> audit.rows(new AuditFilter(null, null, "",
                "", ""), PageRequest.of(0, 50)));

        assertThat(rows).extracting(row -> row.oldValueIn(this::english)).contains("a deleted user");
        assertThat(rows).extracting(row -> row.summaryIn(this::english))
                .contains("Customer " + account.customerNumber() + " assigned");
    }

    String english(String key, Object[] arguments) {
        return texts.getTranslation(key, Locale.ENGLISH, arguments);
    }
}
