package dev.kontor.organization;

/**
 * A membership of the organization is about to become ACTIVE. Published before the change, so that features which
 * lock a row of their own for the organization (the customer account) take that lock first, in the same order as
 * their own changes do, and never deadlock with them.
 */
public record MembershipActivating(long organizationId) {
}
