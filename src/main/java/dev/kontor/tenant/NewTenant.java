package dev.kontor.tenant;

/** What the New tenant form sends: the logo is the uploaded bytes (or null), checked by the service. */
public record NewTenant(Long masterId, String name, TenantType type, Edition edition, String characterSet,
                        byte[] logo) {
}
