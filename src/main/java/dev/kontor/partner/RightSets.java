package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Small helpers for sets of rights: kept in their declared order, and written out for the audit log. */
final class RightSets {

    private RightSets() {
    }

    /** An unmodifiable copy in the rights' declared order (VIEW first, ADMIN last). */
    static Set<OrganizationRight> ordered(Collection<OrganizationRight> rights) {
        EnumSet<OrganizationRight> copy = EnumSet.noneOf(OrganizationRight.class);
        if (rights != null) {
            copy.addAll(rights);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** "VIEW,MANAGE_USERS", or "-" for none. */
    static String describe(Collection<OrganizationRight> rights) {
        Set<OrganizationRight> ordered = ordered(rights);
        return ordered.isEmpty() ? "-" : ordered.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
