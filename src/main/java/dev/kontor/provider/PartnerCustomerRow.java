package dev.kontor.provider;

import dev.kontor.organization.OrganizationState;

/** A customer account that a partner manages (an active relationship). */
public record PartnerCustomerRow(long customerId, String customerNumber, String name, OrganizationState state) {
}
