package dev.kontor.organization;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rules that must never break are held by the database too, not only by the code (here on H2). */
@IntegrationTest
class SchemaConstraintsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_customer_number_is_cn_and_digits_and_only_customers_have_one() {
        assertThatThrownBy(() -> jdbc.update("insert into organization (kind, name, customer_number, created_at) "
                + "values ('CUSTOMER', 'Bad number', 'CN-12a', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into organization (kind, name, created_at) "
                + "values ('CUSTOMER', 'No number', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into organization (kind, name, customer_number, created_at) "
                + "values ('PARTNER', 'Partner with number', 'CN-99999', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_customer_number_is_unique() {
        assertThatThrownBy(() -> jdbc.update("insert into organization (kind, name, customer_number, created_at) "
                + "values ('CUSTOMER', 'Twin', 'CN-10001', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_login_is_stored_lower_case_so_it_is_unique_without_regard_to_case() {
        assertThatThrownBy(() -> jdbc.update("insert into app_user (email, display_name, created_at) "
                + "values ('Anna@Sonnenschein.test', 'Twin', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into app_user (email, display_name, created_at) "
                + "values ('anna@sonnenschein.test', 'Twin', current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_person_holds_a_role_in_an_organization_once() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into membership (user_id, organization_id, role, state, created_at)
                select m.user_id, m.organization_id, m.role, 'DEACTIVATED', current_timestamp
                from membership m join app_user u on u.id = m.user_id where u.email = 'anna@sonnenschein.test'
                """)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
