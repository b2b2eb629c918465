package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One row of the managed-customers grid: a customer, its relationship with the partner, and who works on it. */
public record ManagedCustomer(long relationshipId, long customerId, String customerNumber, String name,
                              RelationshipState state, Set<OrganizationRight> grantedRights,
                              Set<OrganizationRight> requestedRights, String contactPersonName, Instant since,
                              boolean reviewPending, boolean paymentMethodOnFile, long version,
                              dev.kontor.organization.OrganizationState accountState, List<Assignee> assignees) {

    /** As the page query reads it, before the assignees are added. */
    public ManagedCustomer(long relationshipId, long customerId, String customerNumber, String name,
                           RelationshipState state, Set<OrganizationRight> grantedRights,
                           Set<OrganizationRight> requestedRights, String contactPersonName, Instant since,
                           boolean reviewPending, boolean paymentMethodOnFile, long version,
                           dev.kontor.organization.OrganizationState accountState) {
        this(relationshipId, customerId, customerNumber, name, state, grantedRights, requestedRights,
                contactPersonName, since, reviewPending, paymentMethodOnFile, version, accountState, List.of());
    }

    ManagedCustomer withAssignees(List<Assignee> people) {
        return new ManagedCustomer(relationshipId, customerId, customerNumber, name, state, grantedRights,
                requestedRights, contactPersonName, since, reviewPending, paymentMethodOnFile, version, accountState,
                people);
    }
}
