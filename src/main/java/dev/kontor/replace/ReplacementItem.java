package dev.kontor.replace;

import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationKind;
import java.util.Optional;
import java.util.Set;

/**
 * One place of the preview: the organization (with its customer number, if a customer account), what the leaving
 * person holds there (the role for memberships, the types for a contact), the version of what it names as the preview
 * read it, what will happen, whether it is ticked, and once applied what came of it.
 */
public record ReplacementItem(long id, long organizationId, String organizationName, OrganizationKind organizationKind,
                              String customerNumber, Place place, MembershipRole role, Set<ContactType> contactTypes,
                              long version, Outcome outcome, Refusal refusal, boolean selected, Result result,
                              String resultMessage) {

    /** What applying the place came to: done, or refused with {@code resultMessage} (a message key) saying why. */
    public enum Result { DONE, REFUSED }

    public Optional<Refusal> why() {
        return Optional.ofNullable(refusal);
    }
}
