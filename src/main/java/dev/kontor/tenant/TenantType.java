package dev.kontor.tenant;

/** STANDARD tenants come with every feature; CUSTOM ones start nearly empty until the provider configures them. */
public enum TenantType {
    STANDARD, CUSTOM
}
