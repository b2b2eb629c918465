/**
 * Contacts: the people an organization (partner, customer account, tenant) wants notified about billing, technical
 * or business matters, with or without access to Kontor. A user-linked contact's new e-mail address takes effect
 * only once confirmed (rule 7); deleting such a contact leaves the user alone.
 */
package dev.kontor.contact;
