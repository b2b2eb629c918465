package dev.kontor.organization;

/**
 * Whether an organization requires a second factor of everyone in it: by its own setting, or because an organization
 * above it does ({@code requiredBy} names the nearest such, else null). {@code mayChange}: the signed-in person is one
 * of its own leads and may switch its own setting and remind or reset its members.
 */
public record SecondFactorRequirement(long organizationId, boolean ownSetting, String requiredBy, boolean mayChange) {

    /** Whether it applies to the organization's people, whoever set it. */
    public boolean required() {
        return ownSetting || requiredBy != null;
    }

    /** Whether it comes from above, so that it cannot be switched off here. */
    public boolean inherited() {
        return requiredBy != null;
    }
}
