package dev.kontor.audit;

import dev.kontor.audit.AuditNames.OrganizationSeen;
import dev.kontor.audit.AuditNames.PersonKey;
import dev.kontor.audit.AuditNames.Seen;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks up, for one page of the audit log that the reader may read, the people and organizations its events name:
 * one statement for the people and one for the organizations, however many rows the page has. Only
 * {@link AuditQueries} calls it, with rows it has already limited to the reader's scope.
 */
@Component
class AuditNameLookup {

    private static final List<Long> NO_ORGANIZATION = List.of(-1L);

    private final JdbcClient jdbc;

    AuditNameLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AuditNames namesIn(List<AuditRow> rows) {
        Set<PersonKey> wanted = new HashSet<>();
        Set<Long> organizationIds = new HashSet<>();
        Set<Long> actorIds = new HashSet<>();
        for (AuditRow row : rows) {
            if (row.actorUserId() != null) {
                actorIds.add(row.actorUserId());
            }
            AuditSummary summary = AuditSummary.stored(row.summaryKey(), row.summaryArgs());
            if (summary != null) {
                summary.people().forEach(person -> wanted.add(new PersonKey(row.organizationId(), person.userId())));
                summary.organizationIds().forEach(organization -> organizationIds.add(organization.id()));
            }
            for (String value : new String[] {row.oldValue(), row.newValue()}) {
                AuditValue.personIn(row.kind(), value)
                        .ifPresent(person -> wanted.add(new PersonKey(row.organizationId(), person.userId())));
            }
        }
        Map<Long, String> actors = new HashMap<>();
        return AuditNames.of(people(wanted, actorIds, actors), organizations(organizationIds), actors);
    }

    /**
     * The people the page's summaries and values name, as their organizations know them, and (into {@code actors})
     * the own name of each who acted: one statement for both.
     */
    private Map<PersonKey, Seen> people(Set<PersonKey> wanted, Set<Long> actorIds, Map<Long, String> actors) {
        if (wanted.isEmpty() && actorIds.isEmpty()) {
            return Map.of();
        }
        Set<Long> userIds = new HashSet<>(actorIds);
        Set<Long> organizations = new HashSet<>();
        wanted.forEach(key -> {
            userIds.add(key.userId());
            if (key.organizationId() != null) {
                organizations.add(key.organizationId());
            }
        });
        Map<Long, String> emails = new HashMap<>();
        Map<PersonKey, String> names = new HashMap<>();
        jdbc.sql("""
                        SELECT u.id, u.email, u.display_name, m.organization_id, m.state, m.invited_name
                        FROM app_user u
                          LEFT JOIN membership m ON m.user_id = u.id AND m.organization_id IN (:organizations)
                        WHERE u.id IN (:users)""")
                .param("organizations", organizations.isEmpty() ? NO_ORGANIZATION : organizations)
                .param("users", userIds)
                .query(rs -> {
                    long userId = rs.getLong(1);
                    emails.put(userId, rs.getString(2));
                    if (actorIds.contains(userId)) {
                        String own = rs.getString(3);
                        actors.put(userId, own == null ? "" : own);
                    }
                    long organizationId = rs.getLong(4);
                    if (rs.wasNull()) {
                        return;
                    }
                    PersonKey key = new PersonKey(organizationId, userId);
                    // someone who belongs (or belonged, deactivated) goes by their own name; an invited person by
                    // the name the inviter typed, which tells nothing about who has an account
                    if ("INVITED".equals(rs.getString(5))) {
                        String typed = rs.getString(6);
                        if (typed != null && !typed.isBlank()) {
                            names.putIfAbsent(key, typed);
                        }
                    } else {
                        names.put(key, rs.getString(3));
                    }
                });
        Map<PersonKey, Seen> seen = new HashMap<>();
        for (PersonKey key : wanted) {
            String email = emails.get(key.userId());
            if (email != null) {
                seen.put(key, new Seen(names.get(key), email));
            }
        }
        return seen;
    }

    private Map<Long, OrganizationSeen> organizations(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, OrganizationSeen> seen = new HashMap<>();
        jdbc.sql("SELECT id, name, customer_number FROM organization WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    seen.put(rs.getLong(1), new OrganizationSeen(rs.getString(2), rs.getString(3)));
                });
        return seen;
    }
}
