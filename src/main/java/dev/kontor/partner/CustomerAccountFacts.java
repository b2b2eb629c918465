package dev.kontor.partner;

import dev.kontor.base.AskedOnlyBy;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;

/**
 * What the partner feature's lists and mails need of customer accounts (the contact person, whether a payment method
 * is on file), in the same statement as the relationships, answered by the account feature: the account feature
 * shows the partners in its dialog and so depends on this one, which must therefore not read the accounts' table
 * itself. Each method is one statement, however many rows it returns.
 */
@AskedOnlyBy({ManagedCustomerService.class, CustomerSnapshots.class, RightsReviewJob.class})
public interface CustomerAccountFacts {

    /**
     * One page of the managed-customers grid. A closed relationship shows (and is filtered and sorted by) the customer
     * as it was when it closed, kept on the relationship; an open one shows the customer as it is. {@code pattern}
     * matches the customer number, {@code nameKey} the folded name; without {@code everyone} only the customers
     * assigned to {@code userId}.
     */
    List<ManagedCustomer> findRows(long partnerId, Collection<RelationshipState> states, String pattern,
                                   String nameKey, boolean everyone, long userId, Pageable pageable);

    /** As {@link #findRows}, unfiltered, in the order of the relationships' ids from one on: a page of a keyset. */
    List<ManagedCustomer> findRowsAfter(long partnerId, Collection<RelationshipState> states, boolean everyone,
                                        long userId, long afterId, Limit limit);

    /** The claimed relationships with everything their review e-mails need; the contact person may be missing. */
    List<DueReview> findDueReviews(Collection<Long> relationshipIds);

    /** The contact persons of the customers that have one, keyed by customer id. */
    List<NotifiedPerson> findContactPersons(Collection<Long> customerIds);

    /** The customers as their partners' lists show them now, for relationships about to close. */
    List<CustomerSnapshot> findSnapshots(Collection<Long> customerIds);
}
