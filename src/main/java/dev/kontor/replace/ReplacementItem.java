package dev.kontor.replace;

import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationKind;
import java.util.Optional;
import java.util.Set;

/**
 * One place of the preview: the organization (with its customer number, if a customer account), what the leaving
 * person holds there (the role for memberships, the types for a contact), the version of what it names as the preview
 * read it, and what will happen.
 */
public record ReplacementItem(long id, long organizationId, String organizationName, OrganizationKind organizationKind,
                              String customerNumber, Place place, MembershipRole role, Set<ContactType> contactTypes,
                              long version, Outcome outcome, Refusal refusal, boolean selected) {

    public Optional<Refusal> why() {
        return Optional.ofNullable(refusal);
    }
}
