/**
 * Customer accounts as their managers see them: the dashboard of a person's organizations.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link CustomerAccountRepository} joins
 * organizations, memberships and users for the dashboard and the contact person; {@link PartnerCustomerQueries}
 * answers the partner feature's {@code CustomerAccountFacts} (the managed-customers grid, the access review,
 * snapshots) and, through {@link AccessContactPersons}, the access feature's contact-person question, reading partner
 * relationships beside the accounts.
 */
package dev.kontor.account;
