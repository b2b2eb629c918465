package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.util.Set;

/** What a legal representative enters to add a customer: the company, its first manager, the rights asked for. */
public record NewCustomer(String companyName, String managerEmail, String managerName,
                          Set<OrganizationRight> requestedRights) {
}
