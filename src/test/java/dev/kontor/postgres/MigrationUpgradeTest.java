package dev.kontor.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a database that holds data from before the tenant tree (the embedded default's demo data, say): the
 * later migrations fill in paths, owners, tenant profiles, search keys and the out-of-hours numbers' search form,
 * on H2 and on PostgreSQL alike.
 */
class MigrationUpgradeTest {

    @Test
    void an_h2_database_with_tenants_upgrades() {
        upgrade(UpgradingDatabase.h2("upgrade"));
    }

    @Test
    void a_postgresql_database_with_tenants_upgrades() throws SQLException {
        upgrade(UpgradingDatabase.postgres("upgrade"));
    }

    private static void upgrade(UpgradingDatabase database) {
        JdbcTemplate jdbc = database.migrateTo("8");
        long provider = insert(jdbc, "PROVIDER", "Kontor Platform", null, null);
        long partner = insert(jdbc, "PARTNER", "Muster Hosting GmbH", null, provider);
        long customer = insert(jdbc, "CUSTOMER", "Bäckerei Sonnenschein", "CN-10001", partner);
        long north = insert(jdbc, "TENANT", "Filiale Nord", null, customer);
        long cafe = insert(jdbc, "TENANT", "Café am Markt", null, north);
        long templates = insert(jdbc, "TENANT", "Vorlagen", null, partner);
        long lawyers = insert(jdbc, "CUSTOMER", "Kanzlei Weber", "CN-10002", partner);
        jdbc.update("insert into customer_account (organization_id, emergency_phone) values (?, ?), (?, ?)",
                customer, "05251 / 99 88-0", lawyers, "Pforte");

        database.upgrade();

        Map<String, Object> row = jdbc.queryForMap("select ancestor_path, account_id, sibling_key, search_key "
                + "from organization where id = ?", cafe);
        assertThat(row.get("ancestor_path")).isEqualTo("/" + provider + "/" + partner + "/" + customer + "/"
                + north + "/");
        assertThat(((Number) row.get("account_id")).longValue()).isEqualTo(customer);
        assertThat(row.get("sibling_key")).isEqualTo("café am markt");
        assertThat(row.get("search_key")).isEqualTo("cafe am markt");
        assertThat(jdbc.queryForObject("select account_id from organization where id = ?", Long.class, templates))
                .isEqualTo(partner);
        assertThat(jdbc.queryForObject("select search_key from organization where id = ?", String.class, customer))
                .isEqualTo("backerei sonnenschein");
        assertThat(jdbc.queryForObject("select count(*) from tenant where organization_id in (?, ?, ?)",
                Integer.class, north, cafe, templates)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select ancestor_path from organization where id = ?", String.class,
                provider)).isEqualTo("/");
        assertThat(jdbc.queryForObject("select emergency_phone_e164 from customer_account where organization_id = ?",
                String.class, customer)).isEqualTo("+49525199880");
        assertThat(jdbc.queryForObject("select emergency_phone_e164 from customer_account where organization_id = ?",
                String.class, lawyers)).isNull();
    }

    private static long insert(JdbcTemplate jdbc, String kind, String name, String number, Long parent) {
        jdbc.update("insert into organization (kind, name, customer_number, parent_id, created_at) values ('" + kind
                + "', ?, " + (number == null ? "null" : "'" + number + "'") + ", " + parent + ", current_timestamp)",
                name);
        return jdbc.queryForObject("select max(id) from organization", Long.class);
    }
}
