package dev.kontor.organization;

/** The kinds of node in the organization tree. The provider is the root that holds platform support. */
public enum OrganizationKind {
    PROVIDER, PARTNER, CUSTOMER, TENANT
}
