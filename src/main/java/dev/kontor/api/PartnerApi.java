package dev.kontor.api;

import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.RelationshipState;
import dev.kontor.user.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a partner's token does as its partner: through the very services the partner's people use. */
@RestController
@RequestMapping("/api/v1/partner")
class PartnerApi {

    private static final String CUSTOMERS = "customers";

    private final ManagedCustomerService customers;

    PartnerApi(ManagedCustomerService customers) {
        this.customers = customers;
    }

    /** A managed customer and the rights its customer granted the partner. */
    record CustomerItem(long customerId, String customerNumber, String name, RelationshipState state,
                        Set<OrganizationRight> grantedRights, Instant since) {

        static CustomerItem of(ManagedCustomer row) {
            return new CustomerItem(row.customerId(), row.customerNumber(), row.name(), row.state(),
                    row.grantedRights(), row.since());
        }
    }

    @GetMapping("/customers")
    ApiPage<CustomerItem> customers(@RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer limit) {
        int size = ApiCursor.limit(limit);
        long after = ApiCursor.position(CUSTOMERS, cursor);
        // one more than asked tells whether another page follows, without counting
        List<ManagedCustomer> rows = customers.rowsAfter(partnerOfCaller(), after, size + 1);
        List<CustomerItem> items = rows.stream().limit(size).map(CustomerItem::of).toList();
        return new ApiPage<>(items, rows.size() > size
                ? ApiCursor.of(CUSTOMERS, rows.get(size - 1).relationshipId()) : null);
    }

    private static long partnerOfCaller() {
        return CurrentUser.require().apiToken().filter(token -> !token.provider())
                .orElseThrow(ApiExceptionHandler.NotFound::new).organizationId();
    }
}
