package dev.kontor.audit;

import dev.kontor.audit.AuditNames.OrganizationSeen;
import dev.kontor.audit.AuditNames.PersonKey;
import dev.kontor.audit.AuditNames.Seen;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Looks up, for one page of the audit log that the reader may read, the people and organizations its events name:
 * one statement for the people and one for the organizations, however many rows the page has, asked of the
 * {@link AuditLogDirectory}. Only
 * {@link AuditQueries} calls it, with rows it has already limited to the reader's scope.
 */
@Component
class AuditNameLookup {

    private final AuditLogDirectory directory;

    AuditNameLookup(AuditLogDirectory directory) {
        this.directory = directory;
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
        for (AuditLogDirectory.PersonLine line : directory.people(userIds, organizations)) {
            emails.put(line.userId(), line.email());
            if (actorIds.contains(line.userId())) {
                actors.put(line.userId(), line.displayName() == null ? "" : line.displayName());
            }
            if (line.organizationId() == null) {
                continue;
            }
            PersonKey key = new PersonKey(line.organizationId(), line.userId());
            // someone who belongs (or belonged, deactivated) goes by their own name; an invited person by the name
            // the inviter typed, which tells nothing about who has an account
            if ("INVITED".equals(line.membershipState())) {
                if (line.invitedName() != null && !line.invitedName().isBlank()) {
                    names.putIfAbsent(key, line.invitedName());
                }
            } else {
                names.put(key, line.displayName());
            }
        }
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
        for (AuditLogDirectory.OrganizationLine line : directory.organizations(ids)) {
            seen.put(line.id(), new OrganizationSeen(line.name(), line.customerNumber()));
        }
        return seen;
    }
}
