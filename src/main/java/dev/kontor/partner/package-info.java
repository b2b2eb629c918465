/**
 * Partners and their customers: relationship requests and their answers, the rights a customer grants, the
 * managed-customers list, employees' assignments, reviews and the end of a partnership.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link CustomerAssignmentRepository},
 * {@link CustomerSideRepository}, {@link ManagedCustomerRepository} and {@link PartnerRelationshipRepository} join
 * organizations, memberships and users for names, roles and recipients in the statement that reads the relationships;
 * {@link ContactsOfPartnerTrees} answers the contact feature's question which contacts a partner's tree holds.
 */
@OwnsTables("partner_request_mismatch")
package dev.kontor.partner;

import dev.kontor.base.OwnsTables;
