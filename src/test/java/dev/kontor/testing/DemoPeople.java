package dev.kontor.testing;

/** The demo logins that tests sign in with; the demo data set is loaded in every test context. */
public final class DemoPeople {

    public static final String PASSWORD = "Kontor-Demo-2026!";
    public static final String SUPPORT = "support@kontor.test";
    public static final String LEGAL = "legal@muster-hosting.test";
    public static final String PARTNER_ADMIN = "admin@muster-hosting.test";
    public static final String EMPLOYEE = "employee@muster-hosting.test";
    public static final String ANNA = "anna@sonnenschein.test";
    public static final String BEN = "ben@sonnenschein.test";
    public static final String CLARA = "clara@weber.test";
    public static final String DORA = "dora@nordlicht.test";

    private DemoPeople() {
    }
}
