/**
 * Provider administration: the first provider administrator of a new installation; the support staff and further
 * provider administrators, invited, deactivated and reactivated by provider administrators; partners (created, found,
 * suspended, reactivated, their legal representatives changed), customer accounts and their services. Every rule is
 * checked here, every change and every refusal audited.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link AccountAdministrationRepository},
 * {@link PartnerAdministrationRepository} and {@link ProviderAccountQueries} read organizations, memberships,
 * relationships, accounts and users for the provider's lists and checks.
 */
package dev.kontor.provider;
