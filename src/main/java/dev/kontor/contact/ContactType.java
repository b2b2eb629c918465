package dev.kontor.contact;

/** What a contact is told about: usage reports and invoices, technical changes, business changes. */
public enum ContactType {
    BILLING, TECHNICAL, BUSINESS
}
