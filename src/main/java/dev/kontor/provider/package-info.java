/**
 * Provider administration: the first provider administrator of a new installation; the support staff and further
 * provider administrators, invited, deactivated and reactivated by provider administrators; partners (created, found,
 * suspended, reactivated, their legal representatives changed), customer accounts and their services. Every rule is
 * checked here, every change and every refusal audited.
 */
package dev.kontor.provider;
