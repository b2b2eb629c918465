package dev.kontor.organization;

import dev.kontor.user.Roles;

/** A role a person holds in one organization, and the kind of organization it belongs to. */
public enum MembershipRole {
    SUPPORT(Roles.SUPPORT, OrganizationKind.PROVIDER),
    PROVIDER_ADMINISTRATOR(Roles.PROVIDER_ADMINISTRATOR, OrganizationKind.PROVIDER),
    LEGAL_REPRESENTATIVE(Roles.LEGAL_REPRESENTATIVE, OrganizationKind.PARTNER),
    PARTNER_ADMINISTRATOR(Roles.PARTNER_ADMINISTRATOR, OrganizationKind.PARTNER),
    PARTNER_EMPLOYEE(Roles.PARTNER_EMPLOYEE, OrganizationKind.PARTNER),
    MANAGER(Roles.MANAGER, OrganizationKind.CUSTOMER),
    TENANT_ADMINISTRATOR(Roles.TENANT_ADMINISTRATOR, OrganizationKind.TENANT);

    private final String roleName;
    private final OrganizationKind organizationKind;

    MembershipRole(String roleName, OrganizationKind organizationKind) {
        this.roleName = roleName;
        this.organizationKind = organizationKind;
    }

    /** The Spring Security role name, as in {@link Roles}. */
    public String roleName() {
        return roleName;
    }

    /**
     * What the role allows in the organization it belongs to: managers, legal representatives, provider, partner and
     * tenant administrators hold every right there; employees and support may look.
     */
    public java.util.Set<OrganizationRight> rightsInOwnOrganization() {
        return switch (this) {
            case MANAGER, LEGAL_REPRESENTATIVE, PARTNER_ADMINISTRATOR, TENANT_ADMINISTRATOR, PROVIDER_ADMINISTRATOR ->
                    java.util.EnumSet.allOf(OrganizationRight.class);
            case PARTNER_EMPLOYEE, SUPPORT -> java.util.EnumSet.of(OrganizationRight.VIEW);
        };
    }

    public boolean fits(OrganizationKind kind) {
        return organizationKind == kind;
    }
}
