package dev.kontor.api;

import dev.kontor.user.Callers;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationState;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.RelationshipState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import dev.kontor.partner.PartnerService;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import dev.kontor.base.AnswerTimeFloor;
import java.util.Locale;
import org.springframework.http.HttpStatus;
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

    private final dev.kontor.invitation.InvitationSettings invitationSettings;
    private final com.vaadin.flow.i18n.I18NProvider i18n;

    private final Callers callers;

    PartnerApi(ManagedCustomerService customers, PartnerService partners, IdempotentCreates idempotent,
               dev.kontor.invitation.InvitationSettings invitationSettings, com.vaadin.flow.i18n.I18NProvider i18n, Callers callers) {
        this.callers = callers;
        this.invitationSettings = invitationSettings;
        this.i18n = i18n;
        this.customers = customers;
        this.partners = partners;
        this.idempotent = idempotent;
    }

    /** A request to a customer: its number, the address of one of its active managers, the rights asked for. */
    record RelationshipRequestInput(String customerNumber, String managerEmail, Set<OrganizationRight> rights) {
    }

    /** The one answer to a relationship request, whatever became of it. */
    record RelationshipRequestReceipt(String message) {
    }

    /**
     * A managed customer and the rights its customer granted the partner: {@code state} is the partnership's,
     * {@code accountState} the account's own (a suspended or closed account grants nobody anything, whatever the
     * partnership says).
     */
    record CustomerItem(long customerId, String customerNumber, String name, RelationshipState state,
                        OrganizationState accountState, Set<OrganizationRight> grantedRights, Instant since) {

        static CustomerItem of(ManagedCustomer row) {
            return new CustomerItem(row.customerId(), row.customerNumber(), row.name(), row.state(),
                    row.accountState(), row.grantedRights(), row.since());
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
     * relationship in the UI, sent at once when the customer number and one of its active managers' addresses match.
     * The answer is the same (202, the same body, no sooner than the invitation answer time) whether they match,
     * don't, the customer is the partner's already, or Kontor e-mailed this customer for the partner within the
     * last day (then nothing is sent again). The partner's own audit log tells it which, as the request form in the
     * UI does: knowing the number and a manager's address is the proof of acquaintance. What limits guessing is the
     * count of mismatches: after {@code kontor.partner.request-mismatch-limit} a day (UI and API together) every
     * request is refused with 429 and Retry-After, matching or not. Malformed input (no customer number, no address,
     * no rights) is refused at once with 422.
     */
    @PostMapping("/relationship-requests")
    @ApiCreate
    @ApiResponse(responseCode = "202", description = "Taken: sent, if the address manages the customer",
            content = @Content(schema = @Schema(implementation = RelationshipRequestReceipt.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests matched no account today: none is taken "
            + "until Retry-After has passed", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> requestRelationship(@RequestBody RelationshipRequestInput input,
                                               HttpServletRequest request) {
        long partnerId = partnerOfCaller();
        Locale language = ApiProblems.languageOf(request);
        AnswerTimeFloor floor = AnswerTimeFloor.startingNow(invitationSettings.answerTime());
        try {
            return idempotent.create(request, List.of("relationship-request", partnerId, input), HttpStatus.ACCEPTED,
                    () -> {
                        try {
                            partners.requestWhenMatching(partnerId, input.customerNumber(), input.managerEmail(),
                                    input.rights() == null ? Set.of() : input.rights(), language);
                        } catch (org.springframework.dao.DataIntegrityViolationException violation) {
                            // the partner's requests queue on its lock, so this should not happen; should another
                            // request for the pair still win the one-open-request constraint, nothing of this one
                            // was kept (rolled back), and the answer stays the one every request gets
                            if (!String.valueOf(violation.getMostSpecificCause().getMessage())
                                    .toLowerCase(Locale.ROOT).contains("partner_relationship_one_open_per_pair")) {
                                throw violation;
                            }
                        }
                        floor.arm();
                        return new RelationshipRequestReceipt(i18n.getTranslation("api.relationship-request.taken",
                                language));
                    });
        } finally {
            floor.await();
        }
    }

    private long partnerOfCaller() {
        return callers.requirePerson().apiToken().filter(token -> !token.provider())
                .orElseThrow(ApiExceptionHandler.NotFound::new).organizationId();
    }
}
