package dev.kontor.user;

/**
 * Role names as Spring Security sees them (without the {@code ROLE_} prefix). A person holds a role when they have
 * at least one active membership with it; which organizations it covers is always checked by the services.
 */
public final class Roles {

    public static final String SUPPORT = "SUPPORT";
    /** Administers the provider organization itself (e.g. sends platform notices); no rights below it. */
    public static final String PROVIDER_ADMINISTRATOR = "PROVIDER_ADMINISTRATOR";
    public static final String LEGAL_REPRESENTATIVE = "LEGAL_REPRESENTATIVE";
    public static final String PARTNER_ADMINISTRATOR = "PARTNER_ADMINISTRATOR";
    public static final String PARTNER_EMPLOYEE = "PARTNER_EMPLOYEE";
    public static final String MANAGER = "MANAGER";
    public static final String TENANT_ADMINISTRATOR = "TENANT_ADMINISTRATOR";

    private Roles() {
    }
}
