package dev.kontor.organization;

/**
 * What a list of an organization's people is narrowed to: text in the name or address (empty for all), one role
 * (null for all the list's roles) and one state (null for all).
 */
public record StaffFilter(String text, MembershipRole role, MembershipState state) {

    public static StaffFilter all() {
        return new StaffFilter("", null, null);
    }
}
