package dev.kontor.replace;

/** A kind of place a person can hold in an organization, in the order in which a replacement deals with them. */
public enum Place {
    CONTACT_PERSON, DEPUTY, MANAGER, TENANT_ADMINISTRATOR, PARTNER_STAFF, CONTACT
}
