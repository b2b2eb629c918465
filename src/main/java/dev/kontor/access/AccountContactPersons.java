package dev.kontor.access;

import dev.kontor.base.AskedOnlyBy;
import java.util.Optional;

/**
 * The contact person of a customer account, to tell them that a partner works in it, answered by the account
 * feature: the account feature shows the access rules in its dialog and so depends on this one, which must
 * therefore not read the accounts' table itself. One statement.
 */
@AskedOnlyBy({AccessSessions.class, PartnerTokenAccess.class})
public interface AccountContactPersons {

    Optional<ContactPerson> of(long customerId);

    /** {@code language} is a language tag, or null when the person chose none. */
    record ContactPerson(String email, String name, String language) {
    }
}
