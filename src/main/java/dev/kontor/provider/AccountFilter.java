package dev.kontor.provider;

import dev.kontor.organization.OrganizationState;

/** What the list of accounts shows: number or name containing the text, in one state or any. */
public record AccountFilter(String text, OrganizationState state) {

    public static AccountFilter all() {
        return new AccountFilter(null, null);
    }
}
