package dev.kontor.organization;

import java.util.Collection;
import java.util.Set;

/**
 * Who has a second factor, answered by the feature that keeps them (security), which depends on this one and not the
 * other way round. Only {@link SecondFactorPolicy} calls it, after its own check of the caller's rights.
 */
public interface SecondFactorRecords {

    /** Of these people, those with an active second factor; one statement however many they are. */
    Set<Long> withSecondFactor(Collection<Long> userIds);

    /**
     * Removes the person's second factor, its recovery codes and remembered browsers; whether there was one. Runs in
     * the caller's transaction.
     */
    boolean reset(long userId);
}
