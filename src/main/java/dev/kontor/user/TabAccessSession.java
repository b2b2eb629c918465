package dev.kontor.user;

import java.util.Optional;

/**
 * The access session the current browser tab works in, for {@link Callers} alone: the feature that runs access
 * sessions answers (it keeps the binding in the tab's UI), the user feature cannot know it.
 */
public interface TabAccessSession {

    /** The session bound to the tab serving this request for this person, if any (ended ones included). */
    Optional<Long> ofThisTab(AuthenticatedUser person);
}
