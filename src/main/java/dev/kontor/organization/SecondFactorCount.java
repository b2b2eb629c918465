package dev.kontor.organization;

import java.util.Set;

/**
 * An organization's active members, how many, and which of their users have no second factor: "every active member
 * has one" is true only where there is a member at all (a tenant just created has none).
 */
public record SecondFactorCount(int activeMembers, Set<Long> without) {
}
