package dev.kontor.provider;

import dev.kontor.organization.OrganizationState;

/** What the list of partners shows: names containing the text (any case and accents), in one state or any. */
public record PartnerFilter(String text, OrganizationState state) {

    public static PartnerFilter all() {
        return new PartnerFilter(null, null);
    }
}
