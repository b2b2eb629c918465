package dev.kontor.account;

import dev.kontor.partner.CustomerAccountFacts;
import dev.kontor.partner.CustomerSnapshot;
import dev.kontor.partner.DueReview;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.NotifiedPerson;
import dev.kontor.partner.RelationshipState;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/** The account feature's answers to the partner feature's questions about customer accounts. */
@Component
class PartnerCustomerFacts implements CustomerAccountFacts {

    private final PartnerCustomerQueries queries;

    PartnerCustomerFacts(PartnerCustomerQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<ManagedCustomer> findRows(long partnerId, Collection<RelationshipState> states, String pattern,
                                          String nameKey, boolean everyone, long userId, Pageable pageable) {
        return queries.findRows(partnerId, states, pattern, nameKey, everyone, userId, pageable);
    }

    @Override
    public List<ManagedCustomer> findRowsAfter(long partnerId, Collection<RelationshipState> states,
                                               boolean everyone, long userId, long afterId, Limit limit) {
        return queries.findRowsAfter(partnerId, states, everyone, userId, afterId, limit);
    }

    @Override
    public List<DueReview> findDueReviews(Collection<Long> relationshipIds) {
        return queries.findDueReviews(relationshipIds);
    }

    @Override
    public List<NotifiedPerson> findContactPersons(Collection<Long> customerIds) {
        return queries.findContactPersons(customerIds);
    }

    @Override
    public List<CustomerSnapshot> findSnapshots(Collection<Long> customerIds) {
        return queries.findSnapshots(customerIds);
    }
}
