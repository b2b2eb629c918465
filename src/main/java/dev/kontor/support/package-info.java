/**
 * Support lookup: who to call during an incident, in seconds. Read-only, for the provider's support staff only;
 * every card opened is audited on the customer's account, so the customer sees who looked them up.
 */
package dev.kontor.support;
