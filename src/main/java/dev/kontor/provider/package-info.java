/**
 * Provider administration: the provider's administrators create, find, suspend and reactivate partners, change their
 * legal representatives, and see each partner's customers and people; every rule is checked here, every change and
 * every refusal audited.
 */
package dev.kontor.provider;
