package dev.kontor.account;

import java.util.regex.Pattern;

/**
 * A customer account's master data as the dialog edits it. The limits are the columns' and are reused by the form.
 * Empty optional fields are {@code null}.
 */
public record MasterData(String companyName, String street, String postalCode, String city, String country,
                         String billingEmail, String emergencyPhone) {

    public static final int COMPANY_NAME_MAX = 200;
    public static final int STREET_MAX = 200;
    public static final int POSTAL_CODE_MAX = 20;
    public static final int CITY_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 40;
    /** Letters, digits, spaces and hyphens, as postal codes around the world are written. */
    public static final Pattern POSTAL_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{1,18}[A-Za-z0-9]$");
    /** Digits with the usual separators and an optional leading +; at least five digits' worth. */
    public static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()/.-]{3,38}[0-9]$");
}
