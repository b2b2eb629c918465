package dev.kontor.api;

import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.RelationshipState;
import dev.kontor.user.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import dev.kontor.partner.PartnerService;
import dev.kontor.partner.RequestDraft;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a partner's token does as its partner: through the very services the partner's people use. */
@ApiErrors
@RestController
@RequestMapping("/api/v1/partner")
class PartnerApi {

    private static final String CUSTOMERS = "customers";

    private final ManagedCustomerService customers;
    private final PartnerService partners;
    private final IdempotentCreates idempotent;

    PartnerApi(ManagedCustomerService customers, PartnerService partners, IdempotentCreates idempotent) {
        this.customers = customers;
        this.partners = partners;
        this.idempotent = idempotent;
    }

    /** A request to a customer: its number, the address of one of its active managers, the rights asked for. */
    record RelationshipRequestInput(String customerNumber, String managerEmail, Set<OrganizationRight> rights) {
    }

    record RelationshipRequestItem(long relationshipId, String recipient) {
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
    @ApiResponse(responseCode = "200", description = "One page and the cursor of the next (null on the last)",
            useReturnTypeSchema = true)
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

    /**
     * Asks a customer for a partnership: the same request (and e-mail to the customer's manager) as Request
     * relationship in the UI, sent at once. Only a customer number and one of its active managers' addresses that
     * match are accepted, with the same answer for any mismatch.
     */
    @PostMapping("/relationship-requests")
    @ApiCreate
    @ApiResponse(responseCode = "201", description = "The request, sent to the customer's manager",
            content = @Content(schema = @Schema(implementation = RelationshipRequestItem.class)))
    ResponseEntity<Object> requestRelationship(@RequestBody RelationshipRequestInput input,
                                               HttpServletRequest request) {
        long partnerId = partnerOfCaller();
        Locale language = ApiProblems.languageOf(request);
        return idempotent.create(request, List.of("relationship-request", partnerId, input), () -> {
            RequestDraft draft = partners.prepareRequest(partnerId, input.customerNumber(), input.managerEmail(),
                    input.rights() == null ? Set.of() : input.rights(), language);
            partners.sendRequest(partnerId, draft.relationshipId(), draft.token(), language);
            return new RelationshipRequestItem(draft.relationshipId(), draft.recipient());
        });
    }

    private static long partnerOfCaller() {
        return CurrentUser.require().apiToken().filter(token -> !token.provider())
                .orElseThrow(ApiExceptionHandler.NotFound::new).organizationId();
    }
}
