package dev.kontor.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a database whose partnerships ended before relationships kept the customer as it was: each closed
 * relationship gets the customer's data as it is at the upgrade (nothing of the time it ended is left to be had);
 * open ones get none. On H2 and on PostgreSQL alike.
 */
class FormerCustomerSnapshotMigrationTest {

    @Test
    void an_h2_database_with_ended_partnerships_upgrades() {
        upgrade(UpgradingDatabase.h2("snapshot"));
    }

    @Test
    void a_postgresql_database_with_ended_partnerships_upgrades() throws SQLException {
        upgrade(UpgradingDatabase.postgres("snapshot"));
    }

    private static void upgrade(UpgradingDatabase database) {
        JdbcTemplate jdbc = database.migrateTo("18");
        long provider = organization(jdbc, "PROVIDER", "Kontor Platform", null, null, "/");
        long partner = organization(jdbc, "PARTNER", "Muster Hosting GmbH", null, provider, "/" + provider + "/");
        String belowPartner = "/" + provider + "/" + partner + "/";
        long ended = organization(jdbc, "CUSTOMER", "Bäckerei Sonnenschein", "CN-10001", partner, belowPartner);
        long active = organization(jdbc, "CUSTOMER", "Kanzlei Weber", "CN-10002", partner, belowPartner);
        jdbc.update("insert into app_user (email, display_name, created_at) values ('anna@example.test',"
                + " 'Anna Becker', current_timestamp)");
        long anna = jdbc.queryForObject("select id from app_user where email = 'anna@example.test'", Long.class);
        jdbc.update("insert into membership (user_id, organization_id, role, state, created_at)"
                + " values (?, ?, 'MANAGER', 'ACTIVE', current_timestamp)", anna, ended);
        jdbc.update("insert into customer_account (organization_id, contact_person_id, payment_method_on_file)"
                + " values (?, ?, true), (?, null, false)", ended, anna, active);
        long terminated = relationship(jdbc, partner, ended, "TERMINATED");
        long open = relationship(jdbc, partner, active, "ACTIVE");

        database.upgrade();

        Map<String, Object> kept = jdbc.queryForMap("select snapshot_at, snapshot_customer_name,"
                + " snapshot_customer_number, snapshot_contact_person, snapshot_payment_method_on_file"
                + " from partner_relationship where id = ?", terminated);
        assertThat(kept.get("snapshot_at")).isNotNull();
        assertThat(kept.get("snapshot_customer_name")).isEqualTo("Bäckerei Sonnenschein");
        assertThat(kept.get("snapshot_customer_number")).isEqualTo("CN-10001");
        assertThat(kept.get("snapshot_contact_person")).isEqualTo("Anna Becker");
        assertThat(kept.get("snapshot_payment_method_on_file")).isEqualTo(true);
        assertThat(jdbc.queryForObject("select count(*) from partner_relationship where id = ? and snapshot_at is null"
                + " and snapshot_customer_name is null", Integer.class, open)).isEqualTo(1);
        // V0039: the grid's sort keys, the closed one's from its snapshot, the open one's from the customer
        assertThat(jdbc.queryForMap("select customer_number_key, customer_name_key from partner_relationship"
                + " where id = ?", terminated)).containsValues("CN-10001", "backerei sonnenschein");
        assertThat(jdbc.queryForMap("select customer_number_key, customer_name_key from partner_relationship"
                + " where id = ?", open)).containsValues("CN-10002", "kanzlei weber");
    }

    private static long organization(JdbcTemplate jdbc, String kind, String name, String number, Long parent,
                                     String ancestorPath) {
        jdbc.update("insert into organization (kind, name, customer_number, parent_id, created_at, ancestor_path,"
                + " search_key) values (?, ?, ?, ?, current_timestamp, ?, ?)", kind, name, number, parent,
                ancestorPath, name.toLowerCase(java.util.Locale.ROOT));
        return jdbc.queryForObject("select max(id) from organization", Long.class);
    }

    private static long relationship(JdbcTemplate jdbc, long partner, long customer, String state) {
        boolean open = state.equals("ACTIVE");
        jdbc.update("""
                insert into partner_relationship (partner_id, customer_id, state, requested_rights, granted_rights,
                  request_email, requested_at, request_expires_at, answered_at, ended_at, open_customer_id)
                values (?, ?, ?, 'VIEW', 'VIEW', 'anna@example.test', current_timestamp, current_timestamp,
                  current_timestamp, ?, ?)""", partner, customer, state,
                open ? null : java.sql.Timestamp.from(java.time.Instant.now()), open ? customer : null);
        return jdbc.queryForObject("select max(id) from partner_relationship", Long.class);
    }
}
