package dev.kontor.support;

/** Why a customer account is in the results: what the search text matched. */
public enum MatchKind {
    CUSTOMER_NUMBER, EMAIL, PHONE, OUT_OF_HOURS_NUMBER, NAME, MANAGER_NAME, CONTACT_NAME, SERVICE
}
