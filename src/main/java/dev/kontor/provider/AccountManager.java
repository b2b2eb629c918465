package dev.kontor.provider;

import dev.kontor.organization.MembershipState;

/** One of a customer account's managers as the provider sees them: name (as invited, until they accept), address, state. */
public record AccountManager(long userId, String name, String email, MembershipState state) {
}
