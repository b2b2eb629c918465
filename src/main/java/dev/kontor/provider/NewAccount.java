package dev.kontor.provider;

import dev.kontor.organization.OrganizationRight;
import java.util.Set;

/**
 * A customer account to create. {@code customerNumber}: one of the provider's own (CN- and digits), or null for the
 * next free one. The address as the master data has it (street, postal code, city, ISO country code), all optional.
 * The first manager is invited by e-mail. {@code partnerId}: a partner to attach the account to, or null; the
 * manager then gets the partner's request and decides which of {@code partnerRights} to grant.
 */
public record NewAccount(String customerNumber, String name, String street, String postalCode, String city,
                         String country, String managerEmail, String managerName, Long partnerId,
                         Set<OrganizationRight> partnerRights) {
}
