package dev.kontor.contact;

import dev.kontor.base.ReadModel;
import dev.kontor.user.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The distinct e-mail addresses of the contacts of one type in some organizations and everything below them, in
 * batches along the address (keyset paging): a mailing to tens of thousands of contacts never holds them all. A
 * person who is such a contact of several of these organizations is one recipient. For the system's background jobs
 * (the features that mail them check who may start the mailing): each method takes a task.
 */
@Service
@Transactional(readOnly = true)
@ReadModel(reads = "organization",
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
public class ContactRecipients {

    /** The organizations of a contact that lie in the audience: one of its roots or below one. */
    private static final String IN_AUDIENCE = """
            FROM contact c JOIN organization o ON o.id = c.organization_id
            WHERE c.%s = TRUE
              AND EXISTS (SELECT 1 FROM organization r WHERE r.id IN (:roots)
                          AND (r.id = o.id OR o.ancestor_path LIKE CONCAT(r.ancestor_path, CAST(r.id AS VARCHAR(20)), '/%%')))
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ContactRecipients(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next recipients after {@code afterEmail} ({@code ""} for the first batch), in address order.
     *
     * @param roots organizations whose contacts, and those of every organization below them, are meant
     */
    public List<ContactRecipient> after(Caller.Task task, ContactType type, Collection<Long> roots, String afterEmail,
                                        int limit) {
        Caller.requireTask(task);
        if (roots.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT c.email, MIN(CONCAT(c.first_name, ' ', c.last_name)) AS name,"
                + " MIN(o.name) AS organization_name, COUNT(*) AS organizations "
                + IN_AUDIENCE.formatted(column(type))
                + " AND c.email > :after GROUP BY c.email ORDER BY c.email LIMIT :limit";
        return jdbc.query(sql, Map.of("roots", roots, "after", afterEmail, "limit", limit),
                (rs, row) -> new ContactRecipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    /** How many recipients there are now (one count; the mailing itself goes by {@link #after}). */
    public long count(Caller.Task task, ContactType type, Collection<Long> roots) {
        Caller.requireTask(task);
        if (roots.isEmpty()) {
            return 0;
        }
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT c.email) " + IN_AUDIENCE.formatted(column(type)),
                Map.of("roots", roots), Long.class);
        return count == null ? 0 : count;
    }

    private static String column(ContactType type) {
        return switch (type) {
            case BILLING -> "billing";
            case TECHNICAL -> "technical";
            case BUSINESS -> "business";
        };
    }
}
