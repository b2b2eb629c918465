package dev.kontor.partner;

import dev.kontor.user.Callers;
import dev.kontor.base.SearchKeys;
import dev.kontor.base.TextRules;
import dev.kontor.audit.AuditSummary;
import dev.kontor.user.AuthenticatedUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.JpaSort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's managed customers, a page at a time: legal representatives and administrators see all of them,
 * employees only those assigned to them. Per page one statement for the rows and one for their assignees; one
 * count per filter; plus the check of the caller's role. Never more, whatever the number of customers.
 */
@Service
@Transactional(readOnly = true)
public class ManagedCustomerService {

    /** The grid's sortable columns and the query paths behind them; nothing else reaches the ORDER BY. */
    private static final Map<String, String> SORTABLE = Map.of(
            "customerNumber", "r.customerNumberKey",
            "name", "r.customerNameKey",
            "state", "r.state",
            "since", "r.answeredAt");
    /** Beyond this many rows the count says only "more" (see {@link #count}). */
    public static final int COUNT_LIMIT = 10_000;

    private static final Set<RelationshipState> CURRENT = EnumSet.of(RelationshipState.ACTIVE);
    private static final Set<RelationshipState> WITH_ENDED = EnumSet.of(RelationshipState.ACTIVE,
            RelationshipState.REVOKED, RelationshipState.TERMINATED);

    private final ManagedCustomerRepository customers;
    private final CustomerAccountFacts accounts;
    private final CustomerAssignmentRepository assignments;
    private final PartnerAccess access;

    private final Callers callers;

    ManagedCustomerService(ManagedCustomerRepository customers, CustomerAccountFacts accounts,
                           CustomerAssignmentRepository assignments, PartnerAccess access, Callers callers) {
        this.callers = callers;
        this.customers = customers;
        this.accounts = accounts;
        this.assignments = assignments;
        this.access = access;
    }

    /** One page of rows (sorted by the grid's columns), with the assignees of the page's customers. */
    public List<ManagedCustomer> rows(long partnerId, ManagedCustomerFilter filter, Pageable pageable) {
        AuthenticatedUser me = callers.requirePerson();
        PartnerMembership membership = access.require(partnerId, PartnerAccess.ANYONE, AuditSummary.action("list-managed-customers"));
        if (!TextRules.isPlainLine(filter.text())) {
            // nothing stored holds hidden characters, and a NUL would not even reach PostgreSQL: it matches nothing
            return List.of();
        }
        List<ManagedCustomer> rows = accounts.findRows(partnerId, states(filter), pattern(filter), nameKey(filter),
                membership.seesAllCustomers(), me.userId(), sorted(pageable));
        if (rows.isEmpty() || !membership.seesAllCustomers()) {
            return rows;
        }
        Map<Long, List<Assignee>> assignees = assignments.findAssignees(partnerId,
                rows.stream().map(ManagedCustomer::customerId).toList()).stream()
                .collect(Collectors.groupingBy(Assignee::customerId));
        return rows.stream().map(row -> row.withAssignees(assignees.getOrDefault(row.customerId(), List.of())))
                .toList();
    }

    /**
     * The current customers whose relationship id is above {@code afterRelationshipId}, in that order, at most
     * {@code limit} of them: a keyset page for clients that walk the whole list (the API), stable while rows are added.
     */
    public List<ManagedCustomer> rowsAfter(long partnerId, long afterRelationshipId, int limit) {
        AuthenticatedUser me = callers.requirePerson();
        PartnerMembership membership = access.require(partnerId, PartnerAccess.ANYONE,
                AuditSummary.action("list-managed-customers"));
        return accounts.findRowsAfter(partnerId, CURRENT, membership.seesAllCustomers(), me.userId(),
                afterRelationshipId, org.springframework.data.domain.Limit.of(Math.max(1, Math.min(limit, 500))));
    }

    /**
     * How many rows the filter matches, for the grid's scroll bar, counted up to {@link #COUNT_LIMIT} + 1: more
     * than the limit means "more than 10,000" (the grid then pages on without an exact size), so that a partner with
     * 100,000 customers does not wait for all of them to be counted at every refresh.
     */
    public long count(long partnerId, ManagedCustomerFilter filter) {
        AuthenticatedUser me = callers.requirePerson();
        PartnerMembership membership = access.require(partnerId, PartnerAccess.ANYONE, AuditSummary.action("count-managed-customers"));
        if (!TextRules.isPlainLine(filter.text())) {
            return 0;
        }
        return customers.countRowsUpTo(partnerId, states(filter).stream().map(Enum::name).toList(),
                pattern(filter), nameKey(filter), membership.seesAllCustomers(), me.userId(), COUNT_LIMIT + 1);
    }

    private static Set<RelationshipState> states(ManagedCustomerFilter filter) {
        return filter.includeEnded() ? WITH_ENDED : CURRENT;
    }

    private static String pattern(ManagedCustomerFilter filter) {
        String text = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.ROOT);
        return "%" + escapeLike(text) + "%";
    }

    /** The name filter folded as the names' keys are, so that "Baeckerei" finds "Bäckerei" too. */
    private static String nameKey(ManagedCustomerFilter filter) {
        return "%" + escapeLike(SearchKeys.fold(filter.text())) + "%";
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
            sort = JpaSort.unsafe(Sort.Direction.ASC, SORTABLE.get("customerNumber"));
        }
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
