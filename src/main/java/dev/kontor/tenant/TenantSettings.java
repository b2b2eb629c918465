package dev.kontor.tenant;

/**
 * A tenant's settings, which a master tenant hands down to its sub-tenants with Copy content: the language its
 * mails and pages start in, its time zone, and the sender name on its mails. Each may be unset (then Kontor's
 * defaults apply).
 */
public record TenantSettings(String defaultLanguage, String timeZone, String senderName) {

    public static final int SENDER_NAME_MAX_LENGTH = 120;

    public static TenantSettings none() {
        return new TenantSettings(null, null, null);
    }
}
