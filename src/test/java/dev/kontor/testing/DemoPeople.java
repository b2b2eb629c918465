package dev.kontor.testing;

import java.util.Map;

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
    public static final String OPERATOR = "operator@kontor.test";

    /**
     * The published authenticator secrets of the demo people who have one (README); the customers' people have none.
     * Sign-in codes for them come from {@link SignInCodes#fresh}.
     */
    public static final Map<String, String> AUTHENTICATORS = Map.of(
            SUPPORT, "BJXQ5J5FAVRVSVEZOSWBMLMTJVCI6V2N",
            OPERATOR, "VSLXYFS6JY6KZL42SKS2YXBNRUZIW43F",
            LEGAL, "XALDV2TBTWERB3KLU34QXFUYCVH4NDXG",
            PARTNER_ADMIN, "LCWQE2QPQXVWTVIAVD2T77LD2SAQMFFO",
            EMPLOYEE, "RSASL7ZQ6NAQFEHTMXYN646SJTY3TLTK");

    private DemoPeople() {
    }
}
