package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

@IntegrationTest
class AuditQueriesTest {

    private static final AuditFilter EVERYTHING = new AuditFilter(null, null, "", "", "");

    @Autowired
    AuditQueries audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog log;

    @Test
    void support_reads_every_organizations_events() {
        // one organization at a time: the shared test database holds many more newer events than a page
        for (String organization : List.of("Bäckerei Sonnenschein", "Kanzlei Weber", "Nordlicht Reisen",
                "Muster Hosting GmbH")) {
            List<AuditRow> rows = fixtures.as(DemoPeople.SUPPORT, () -> audit.rows(new AuditFilter(null, null, "",
                    organization, "ORGANIZATION_CREATED"), PageRequest.of(0, 100)));

            assertThat(rows).extracting(AuditRow::organization).contains(organization);
        }
    }

    @Test
    void a_manager_reads_only_her_own_accounts_events() {
        List<AuditRow> rows = fixtures.as(DemoPeople.ANNA, () -> audit.rows(EVERYTHING, PageRequest.of(0, 500)));

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.customerNumber()).isEqualTo("CN-10001"));
        long count = fixtures.as(DemoPeople.ANNA, () -> audit.count(EVERYTHING));
        assertThat(count).isEqualTo(rows.size());
    }

    @Test
    void an_employee_reads_nothing() {
        assertThat(fixtures.as(DemoPeople.EMPLOYEE, () -> audit.rows(EVERYTHING, PageRequest.of(0, 10)))).isEmpty();
        assertThat(fixtures.as(DemoPeople.EMPLOYEE, () -> audit.count(EVERYTHING))).isZero();
    }

    @Test
    void an_attempt_against_an_invented_organization_id_stays_hidden_from_a_reader_of_no_organization() {
        // a refused attempt is audited with the id that was asked for, which may be any number, -1 as well
        for (long invented : List.of(-1L, 0L, Long.MAX_VALUE)) {
            fixtures.as(DemoPeople.EMPLOYEE, () -> log.recordIndependently(AuditEntry.denied("ACCESS_DENIED", invented,
                    AuditSummary.of("audit.summary.refused-lacks-right"))));
        }

        assertThat(fixtures.as(DemoPeople.EMPLOYEE, () -> audit.rows(EVERYTHING, PageRequest.of(0, 10)))).isEmpty();
        assertThat(fixtures.as(DemoPeople.EMPLOYEE, () -> audit.count(EVERYTHING))).isZero();
        assertThat(fixtures.as(DemoPeople.EMPLOYEE, () -> audit.rowsBefore(EVERYTHING, Long.MAX_VALUE, 10))).isEmpty();
    }

    @Test
    void the_filter_narrows_by_actor_organization_and_kind_in_one_statement() {
        List<AuditRow> rows = fixtures.as(DemoPeople.SUPPORT, () -> {
            SqlStatements.reset();
            List<AuditRow> found = audit.rows(new AuditFilter(null, null, "system", "weber", "MEMBERSHIP_GRANTED"),
                    PageRequest.of(0, 50));
            // the filtered page in one statement, and the people its summaries name in one more for the whole page
            assertThat(SqlStatements.count()).isLessThanOrEqualTo(3);
            return found;
        });

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.organization()).isEqualTo("Kanzlei Weber");
            assertThat(row.kind()).isEqualTo("MEMBERSHIP_GRANTED");
        });
    }

    @Test
    void the_csv_export_holds_the_filtered_rows_with_a_header_and_defuses_formulas() {
        String csv = fixtures.as(DemoPeople.SUPPORT, () -> {
            StringWriter out = new StringWriter();
            audit.exportCsv(new AuditFilter(null, null, "", "nordlicht", ""), out, java.util.Locale.ENGLISH);
            return out.toString();
        });

        assertThat(csv.lines().findFirst()).contains(
                "id,time,kind,outcome,actor,on behalf of,organization,customer number,summary,old value,new value,address");
        assertThat(csv).contains("Nordlicht Reisen").doesNotContain("Kanzlei Weber");
        assertThat(AuditQueries.neutralized("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(AuditQueries.neutralized("Plain")).isEqualTo("Plain");
    }

    @Test
    void a_german_reader_gets_the_csv_headings_in_german() {
        String csv = fixtures.as(DemoPeople.SUPPORT, () -> {
            StringWriter out = new StringWriter();
            audit.exportCsv(new AuditFilter(null, null, "", "nordlicht", ""), out, java.util.Locale.GERMAN);
            return out.toString();
        });

        // separated by ";", as a German spreadsheet reads it (a "," file lands in one column there)
        assertThat(csv.lines().findFirst()).contains("ID;Zeit;Art;Ergebnis;Handelnde Person;im Auftrag von;"
                + "Organisation;Kundennummer;Zusammenfassung;alter Wert;neuer Wert;Adresse");
        assertThat(csv.lines().skip(1).findFirst()).hasValueSatisfying(row -> assertThat(row).contains(";CN-"));
    }
}
