package dev.kontor.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.MyOrganization;
import dev.kontor.organization.OrganizationService;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.SqlStatements;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The very migrations of the embedded default, and the queries on top of them, on real PostgreSQL. */
@PostgresTest
class PostgresMigrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrganizationService organizations;

    @Test
    void runs_on_postgresql_with_every_migration_applied() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        Integer failed = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success = false", Integer.class);
        assertThat(failed).isZero();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history", Integer.class)).isPositive();
    }

    @Test
    void name_and_number_filters_have_trigram_indexes() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'organization'",
                String.class)).contains("organization_name_trgm_idx", "organization_customer_number_trgm_idx");
    }

    @Test
    @WithUserDetails(DemoPeople.ANNA)
    void the_dashboard_query_finds_a_managers_account_in_one_statement() {
        SqlStatements.reset();

        List<MyOrganization> mine = organizations.myOrganizations(PageRequest.of(0, 20)).getContent();

        assertThat(SqlStatements.count()).isEqualTo(1);
        assertThat(mine).singleElement().satisfies(o -> {
            assertThat(o.customerNumber()).isEqualTo("CN-10001");
            assertThat(o.role()).isEqualTo(MembershipRole.MANAGER);
        });
    }

    @Test
    void the_database_itself_refuses_a_malformed_customer_number_and_an_upper_case_login() {
        assertThatThrownBy(() -> jdbc.update("insert into organization (kind, name, customer_number, created_at) "
                + "values ('CUSTOMER', 'Bad number', 'CN-12a', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into app_user (email, display_name, created_at) "
                + "values ('Anna@Sonnenschein.test', 'Twin', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into organization (kind, name, created_at) "
                + "values ('CUSTOMER', 'No number', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
