package dev.kontor.organization;

/**
 * Whether an organization requires a second factor of everyone in it: by its own setting, or because an organization
 * above it does, none above a customer account reaching into it ({@code requiredBy} names the nearest such, else
 * null). {@code mayReset}: the signed-in person is one of
 * its own leads (for the provider: its administrators) and may remind or reset its members; {@code mayChange}: and may
 * switch its own setting, which the provider has not: {@code always}, its staff always need a second factor.
 * {@code seesMembers}: the person is one of its own members, who alone learn which of its people have no second
 * factor (a partner working in a customer's account does not: that would point an attacker at the weakest sign-in).
 */
public record SecondFactorRequirement(long organizationId, boolean ownSetting, String requiredBy, boolean mayChange,
                                      boolean mayReset, boolean always, boolean seesMembers) {

    /** Whether it applies to the organization's people, whoever set it. */
    public boolean required() {
        return always || ownSetting || requiredBy != null;
    }

    /** Whether it comes from above, so that it cannot be switched off here. */
    public boolean inherited() {
        return requiredBy != null;
    }
}
