/**
 * Contacts: the people an organization (partner, customer account, tenant) wants notified about billing, technical
 * or business matters, with or without access to Kontor. A user-linked contact's new e-mail address takes effect
 * only once confirmed (rule 7); deleting such a contact leaves the user alone.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link ContactCopier} and {@link
 * ContactRecipients} join organizations (the tree paths and names). Which contacts a partner's whole tree holds is
 * asked of the partner feature ({@link PartnerTreeContacts}), which depends on this one.
 */
package dev.kontor.contact;
