package dev.kontor.support;

import dev.kontor.base.ReadModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lookup's statements, read-only, each served by an index: customer numbers, e-mail addresses and domains, and
 * the last six digits of phone and out-of-hours numbers by b-tree; parts of organization, person and service names
 * by trigram indexes on PostgreSQL. Each takes a limit, so no search ever reads more than a page or two. The
 * card reads the account, its contacts, its partner and the partner's technical contacts, its services and its last
 * changes in one statement each, however many there are.
 */
@Component
@ReadModel(reads = {"app_user", "audit_event", "contact", "customer_account", "membership", "organization", "partner_relationship", "service"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class LookupQueries {

    /** Results on one page of the lookup. */
    static final int LIMIT = 20;
    /** The most results the lookup ever shows for one search: beyond it, the search must be narrowed. */
    static final int MAX_RESULTS = 200;

    // the search statements, named here so that a test can check their plans on PostgreSQL
    static final String BY_CUSTOMER_NUMBER = """
            SELECT o.id, o.customer_number, o.name, o.customer_number AS matched FROM organization o
            WHERE o.kind = 'CUSTOMER' AND (o.customer_number = :exact OR LOWER(o.customer_number) LIKE :prefix)
            ORDER BY o.customer_number LIMIT :limit""";

    /**
     * A whole address, or every address of a domain (one of the two parameters is empty and matches nothing). Each
     * side reads at most the limit before the sort: a domain that tens of thousands of contacts share (a mail
     * provider's) would otherwise be joined and sorted whole; then the page holds some of its accounts, sorted, and
     * says there are more, and support narrows the search.
     */
    static final String BY_EMAIL = """
            SELECT id, customer_number, name, matched FROM (
                SELECT o.id, o.customer_number, o.name, u.display_name AS matched
                FROM app_user u JOIN membership m ON m.user_id = u.id AND m.role = 'MANAGER'
                JOIN organization o ON o.id = m.organization_id
                WHERE u.email = :email OR u.email_domain = :domain
                LIMIT :limit) managers
            UNION
            SELECT id, customer_number, name, matched FROM (
                SELECT o.id, o.customer_number, o.name, c.first_name || ' ' || c.last_name AS matched
                FROM contact c JOIN organization co ON co.id = c.organization_id
                JOIN organization o ON o.id = COALESCE(co.account_id, co.id)
                WHERE (c.email = :email OR c.email_domain = :domain) AND o.kind = 'CUSTOMER'
                LIMIT :limit) contacts
            ORDER BY 2 LIMIT :limit""";

    /**
     * A contact's phone or the account's out-of-hours number ending in the typed digits: the b-tree on the last six
     * digits finds the few candidates, the suffix check keeps those that end in all of them.
     */
    static final String BY_PHONE = """
            SELECT o.id, o.customer_number, o.name, c.first_name || ' ' || c.last_name AS matched,
                   'PHONE' AS match_kind
            FROM contact c JOIN organization co ON co.id = c.organization_id
            JOIN organization o ON o.id = COALESCE(co.account_id, co.id)
            WHERE c.phone_tail = :tail AND c.phone LIKE :suffix AND o.kind = 'CUSTOMER'
            UNION ALL
            SELECT o.id, o.customer_number, o.name, a.emergency_phone AS matched,
                   'OUT_OF_HOURS_NUMBER' AS match_kind
            FROM customer_account a JOIN organization o ON o.id = a.organization_id
            WHERE a.emergency_phone_tail = :tail AND a.emergency_phone_e164 LIKE :suffix
            ORDER BY 2, 5 DESC, 4 LIMIT :limit""";

    /** Part of a manager's or a contact's name, folded like organization names. */
    static final String BY_PERSON = """
            SELECT o.id, o.customer_number, o.name, u.display_name AS matched, 'MANAGER_NAME' AS match_kind
            FROM app_user u JOIN membership m ON m.user_id = u.id AND m.role = 'MANAGER'
            JOIN organization o ON o.id = m.organization_id
            WHERE u.search_key LIKE :pattern ESCAPE '\\' AND o.kind = 'CUSTOMER'
            UNION ALL
            SELECT o.id, o.customer_number, o.name, c.first_name || ' ' || c.last_name AS matched,
                   'CONTACT_NAME' AS match_kind
            FROM contact c JOIN organization co ON co.id = c.organization_id
            JOIN organization o ON o.id = COALESCE(co.account_id, co.id)
            WHERE c.search_key LIKE :pattern ESCAPE '\\' AND o.kind = 'CUSTOMER'
            ORDER BY 4, 2, 5 LIMIT :limit""";

    static final String BY_NAME = """
            SELECT o.id, o.customer_number, o.name, o.name AS matched FROM organization o
            WHERE o.kind = 'CUSTOMER' AND o.search_key LIKE :pattern ESCAPE '\\'
            ORDER BY o.search_key, o.id LIMIT :limit""";

    static final String BY_SERVICE = """
            SELECT o.id, o.customer_number, o.name, s.name AS matched
            FROM service s JOIN organization o ON o.id = s.organization_id
            WHERE LOWER(s.name) LIKE :pattern ESCAPE '\\' AND o.kind = 'CUSTOMER' AND s.ended_at IS NULL
            ORDER BY s.name, o.id LIMIT :limit""";

    private final JdbcClient jdbc;

    LookupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LookupResult> byCustomerNumber(String digits, int limit) {
        return jdbc.sql(BY_CUSTOMER_NUMBER)
                .param("exact", "CN-" + digits).param("prefix", "cn-" + digits + "%").param("limit", limit)
                .query((rs, row) -> result(rs, MatchKind.CUSTOMER_NUMBER)).list();
    }

    /** By a whole address or, with an empty address, by a domain. */
    List<LookupResult> byEmail(String address, String domain, int limit) {
        return jdbc.sql(BY_EMAIL)
                .param("email", address).param("domain", domain).param("limit", limit)
                .query((rs, row) -> result(rs, MatchKind.EMAIL)).list();
    }

    /** By the end of a phone number: {@code digits} as stored in E.164, without its "+", at least six of them. */
    List<LookupResult> byPhoneEnding(String digits, int limit) {
        return jdbc.sql(BY_PHONE)
                .param("tail", digits.substring(digits.length() - 6)).param("suffix", "%" + digits)
                .param("limit", limit)
                .query((rs, row) -> result(rs, MatchKind.valueOf(rs.getString(5).strip()))).list();
    }

    List<LookupResult> byName(String foldedText, int limit) {
        return jdbc.sql(BY_NAME)
                .param("pattern", "%" + escapeLike(foldedText) + "%").param("limit", limit)
                .query((rs, row) -> result(rs, MatchKind.NAME)).list();
    }

    List<LookupResult> byPerson(String foldedText, int limit) {
        return jdbc.sql(BY_PERSON)
                .param("pattern", "%" + escapeLike(foldedText) + "%").param("limit", limit)
                .query((rs, row) -> result(rs, MatchKind.valueOf(rs.getString(5).strip()))).list();
    }

    List<LookupResult> byService(String lowerText, int limit) {
        return jdbc.sql(BY_SERVICE)
                .param("pattern", "%" + escapeLike(lowerText) + "%").param("limit", limit)
                .query((rs, row) -> result(rs, MatchKind.SERVICE)).list();
    }

    Optional<AccountRow> account(long customerId) {
        return jdbc.sql("""
                        SELECT o.id, o.customer_number, o.name, a.emergency_phone, a.contact_confirmed_at,
                               cp.id AS cp_id, cp.display_name AS cp_name, cp.email AS cp_email,
                               cp.preferred_language AS cp_language,
                               d.id AS d_id, d.display_name AS d_name, d.email AS d_email,
                               d.preferred_language AS d_language
                        FROM organization o
                        LEFT JOIN customer_account a ON a.organization_id = o.id
                        LEFT JOIN app_user cp ON cp.id = a.contact_person_id
                        LEFT JOIN app_user d ON d.id = a.deputy_id
                        WHERE o.id = :id AND o.kind = 'CUSTOMER'""")
                .param("id", customerId).query((rs, row) -> new AccountRow(rs.getLong("id"),
                        rs.getString("customer_number"), rs.getString("name"), rs.getString("emergency_phone"),
                        instant(rs.getTimestamp("contact_confirmed_at")), rs.getObject("cp_id", Long.class),
                        rs.getString("cp_name"), rs.getString("cp_email"), rs.getString("cp_language"),
                        rs.getObject("d_id", Long.class), rs.getString("d_name"), rs.getString("d_email"),
                        rs.getString("d_language"))).optional();
    }

    /**
     * The technical contacts of an organization and, with {@code withTenants}, of its tenants (the lookup finds
     * those, too).
     */
    List<ContactLine> technicalContacts(long customerId, boolean withTenants) {
        return jdbc.sql("""
                        SELECT c.user_id, c.first_name, c.last_name, c.email, c.phone, c.job_title, c.technical
                        FROM contact c JOIN organization o ON o.id = c.organization_id
                        WHERE c.technical = TRUE AND (o.id = :id OR (:withTenants = TRUE AND o.account_id = :id))
                        ORDER BY CASE WHEN o.id = :id THEN 0 ELSE 1 END, c.last_name, c.first_name, c.id
                        LIMIT 50""")
                .param("id", customerId).param("withTenants", withTenants)
                .query((rs, row) -> new ContactLine(rs.getObject("user_id", Long.class),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("job_title"), true)).list();
    }

    /** The contact entries of the account's managers (their phones), by user. */
    List<ContactLine> linkedContacts(long organizationId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.user_id, c.first_name, c.last_name, c.email, c.phone, c.job_title, c.technical
                        FROM contact c WHERE c.organization_id = :id AND c.user_id IN (:users)""")
                .param("id", organizationId).param("users", userIds)
                .query((rs, row) -> new ContactLine(rs.getObject("user_id", Long.class),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("job_title"), rs.getBoolean("technical"))).list();
    }

    /** The managing partner: the one holding ADMIN, else the one working with the customer longest. */
    Optional<PartnerLine> partner(long customerId) {
        return jdbc.sql("""
                        SELECT p.id, p.name FROM partner_relationship r JOIN organization p ON p.id = r.partner_id
                        WHERE r.customer_id = :id AND r.state = 'ACTIVE'
                        ORDER BY CASE WHEN r.admin_customer_id IS NULL THEN 1 ELSE 0 END, r.answered_at, r.id
                        LIMIT 1""")
                .param("id", customerId).query((rs, row) -> new PartnerLine(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    List<String> services(long customerId) {
        return jdbc.sql("SELECT s.name FROM service s WHERE s.organization_id = :id AND s.ended_at IS NULL "
                + "ORDER BY s.kind, s.name")
                .param("id", customerId).query(String.class).list();
    }

    List<CardChange> lastChanges(long customerId, List<String> kinds, int count) {
        return jdbc.sql("""
                        SELECT e.occurred_at, e.kind, e.actor_email, e.summary, e.actor_user_id, u.id,
                               u.display_name
                        FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
                        WHERE e.organization_id = :id AND e.kind IN (:kinds)
                        ORDER BY e.occurred_at DESC, e.id DESC LIMIT :count""")
                .param("id", customerId).param("kinds", kinds).param("count", count)
                .query((rs, row) -> new CardChange(instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, Long.class) == null ? CardChange.Actor.NO_USER
                        : rs.getObject(6, Long.class) == null ? CardChange.Actor.DELETED : CardChange.Actor.USER,
                        rs.getString(7))).list();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static LookupResult result(ResultSet rs, MatchKind kind) throws SQLException {
        return new LookupResult(rs.getLong(1), rs.getString(2), rs.getString(3), kind, rs.getString(4));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record AccountRow(long id, String customerNumber, String name, String emergencyPhone,
                      java.time.Instant confirmedAt, Long contactPersonId, String contactPersonName,
                      String contactPersonEmail, String contactPersonLanguage, Long deputyId, String deputyName,
                      String deputyEmail, String deputyLanguage) {
    }

    record ContactLine(Long userId, String name, String email, String phone, String jobTitle, boolean technical) {
    }

    record PartnerLine(long id, String name) {
    }
}
