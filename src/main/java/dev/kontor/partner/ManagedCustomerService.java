package dev.kontor.partner;

import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.CurrentUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.JpaSort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's managed customers, a page at a time: legal representatives and administrators see all of them,
 * employees only those assigned to them. One statement for the page, one for the count, one for the page's
 * assignees, whatever the number of customers.
 */
@Service
@Transactional(readOnly = true)
public class ManagedCustomerService {

    /** The grid's sortable columns and the query paths behind them; nothing else reaches the ORDER BY. */
    private static final Map<String, String> SORTABLE = Map.of(
            "customerNumber", "o.customerNumber",
            "name", "o.name",
            "state", "r.state",
            "since", "r.answeredAt");
    private static final Set<RelationshipState> CURRENT = EnumSet.of(RelationshipState.ACTIVE);
    private static final Set<RelationshipState> WITH_ENDED = EnumSet.of(RelationshipState.ACTIVE,
            RelationshipState.REVOKED, RelationshipState.TERMINATED);

    private final ManagedCustomerRepository customers;
    private final CustomerAssignmentRepository assignments;
    private final PartnerAccess access;

    ManagedCustomerService(ManagedCustomerRepository customers, CustomerAssignmentRepository assignments,
                           PartnerAccess access) {
        this.customers = customers;
        this.assignments = assignments;
        this.access = access;
    }

    public Page<ManagedCustomer> page(long partnerId, ManagedCustomerFilter filter, Pageable pageable) {
        AuthenticatedUser me = CurrentUser.require();
        PartnerMembership membership = access.require(partnerId, PartnerAccess.ANYONE, "List managed customers");
        String text = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.ROOT);
        Page<ManagedCustomer> page = customers.findPage(partnerId, filter.includeEnded() ? WITH_ENDED : CURRENT,
                "%" + escapeLike(text) + "%", membership.seesAllCustomers(), me.userId(), sorted(pageable));
        if (page.isEmpty() || !membership.seesAllCustomers()) {
            return page;
        }
        Map<Long, List<Assignee>> assignees = assignments.findAssignees(partnerId,
                page.getContent().stream().map(ManagedCustomer::customerId).toList()).stream()
                .collect(Collectors.groupingBy(Assignee::customerId));
        return new PageImpl<>(page.getContent().stream()
                .map(row -> row.withAssignees(assignees.getOrDefault(row.customerId(), List.of()))).toList(),
                pageable, page.getTotalElements());
    }

    private static Pageable sorted(Pageable pageable) {
        Sort sort = Sort.unsorted();
        for (Sort.Order order : pageable.getSort()) {
            String path = SORTABLE.get(order.getProperty());
            if (path != null) {
                sort = sort.and(JpaSort.unsafe(order.getDirection(), path));
            }
        }
        if (sort.isUnsorted()) {
            sort = JpaSort.unsafe(Sort.Direction.ASC, "o.customerNumber");
        }
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
