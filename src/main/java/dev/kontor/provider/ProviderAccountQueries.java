package dev.kontor.provider;

import dev.kontor.base.ReadModel;
import dev.kontor.organization.OrganizationState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the provider's customer accounts that join the organization with the account's own row, one statement
 * each; the callers have checked that the caller administers the provider, and every query keeps to its tree.
 */
@Component
@ReadModel(reads = {"app_user", "customer_account", "organization"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class ProviderAccountQueries {

    private static final String ACCOUNT = """
            SELECT o.id, o.customer_number, o.name, o.state, o.version, a.version AS data_version, a.street,
                   a.postal_code, a.city, a.country, a.changed_at
            FROM customer_account a JOIN organization o ON o.id = a.organization_id
            WHERE o.kind = 'CUSTOMER' AND o.ancestor_path LIKE :path
            """;

    private final JdbcClient jdbc;

    ProviderAccountQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProviderAccount> account(String providerPath, long accountId) {
        return jdbc.sql(ACCOUNT + " AND o.id = :id").param("path", providerPath).param("id", accountId)
                .query(ProviderAccountQueries::account).optional();
    }

    /** The accounts changed after the position (changedAt, id), in that order: a keyset page, no offset. */
    List<ProviderAccount> changedAfter(String providerPath, Instant changedAt, long afterId, int limit) {
        OffsetDateTime at = OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC);
        return jdbc.sql(ACCOUNT + """
                          AND (a.changed_at > :at OR (a.changed_at = :at AND a.organization_id > :id))
                        ORDER BY a.changed_at, a.organization_id
                        FETCH FIRST :limit ROWS ONLY""")
                .param("path", providerPath).param("at", at).param("id", afterId).param("limit", limit)
                .query(ProviderAccountQueries::account).list();
    }

    AccountContactPerson contactPerson(long accountId) {
        return jdbc.sql("""
                        SELECT c.display_name, c.email, d.display_name, d.email, a.emergency_phone,
                               a.contact_confirmed_at
                        FROM customer_account a
                        LEFT JOIN app_user c ON c.id = a.contact_person_id
                        LEFT JOIN app_user d ON d.id = a.deputy_id
                        WHERE a.organization_id = :id""")
                .param("id", accountId)
                .query((rs, row) -> new AccountContactPerson(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs, 6)))
                .single();
    }

    private static ProviderAccount account(ResultSet rs, int row) throws SQLException {
        return new ProviderAccount(rs.getLong("id"), rs.getString("customer_number"), rs.getString("name"),
                OrganizationState.valueOf(rs.getString("state")), rs.getLong("version"), rs.getLong("data_version"),
                rs.getString("street"), rs.getString("postal_code"), rs.getString("city"), rs.getString("country"),
                instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
