package dev.kontor.organization;

/** One organization as the signed-in person sees it on the dashboard: where they are, and in which role. */
public record MyOrganization(long organizationId, OrganizationKind kind, String name, String customerNumber,
                             MembershipRole role) {
}
