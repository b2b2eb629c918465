/**
 * Support lookup: who to call during an incident, in seconds. Read-only, for the provider's support staff only;
 * every card opened is audited on the customer's account, so the customer sees who looked them up.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link LookupQueries} is the support
 * lookup's read model: each search and each part of the card is one statement over the organizations, people,
 * contacts, accounts, services, relationships and audit events.
 */
package dev.kontor.support;
