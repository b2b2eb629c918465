package dev.kontor.api;

import dev.kontor.account.ServiceKind;
import dev.kontor.account.ServiceRow;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.StaleData;
import dev.kontor.contact.ContactRow;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationState;
import dev.kontor.provider.AccountAdministration;
import dev.kontor.provider.AccountChange;
import dev.kontor.provider.AccountContactPerson;
import dev.kontor.provider.CreatedAccount;
import dev.kontor.provider.NewAccount;
import dev.kontor.provider.NewPartner;
import dev.kontor.provider.PartnerAdministration;
import dev.kontor.provider.ProviderAccount;
import dev.kontor.provider.ServiceAdministration;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the provider's token does as the provider: customer accounts, their services, partners, first managers, and
 * reading whom to call, through the very services the provider's administrators use (so the same checks, rules and
 * audit apply). A partner's token is refused by those services as any non-administrator is, and answered 404.
 */
@ApiErrors
@RestController
@RequestMapping("/api/v1/provider")
class ProviderApi {

    private static final String CHANGED = "changed";
    private static final String CONTACTS = "provider-contacts";

    private final AccountAdministration accounts;
    private final ServiceAdministration services;
    private final PartnerAdministration partners;
    private final IdempotentCreates idempotent;
    private final ApiProblems problems;

    ProviderApi(AccountAdministration accounts, ServiceAdministration services, PartnerAdministration partners,
                IdempotentCreates idempotent, ApiProblems problems) {
        this.accounts = accounts;
        this.services = services;
        this.partners = partners;
        this.idempotent = idempotent;
        this.problems = problems;
    }

    /**
     * A customer account to create: a customer number of the provider's own (CN- and digits) or none for the next
     * free one, the name, the address, and its first manager (invited by e-mail); attached to a partner, the manager
     * gets that partner's request for {@code partnerRights} instead, and decides.
     */
    record AccountInput(String customerNumber, String name, String street, String postalCode, String city,
                        String country, String managerEmail, String managerName, Long partnerId,
                        Set<OrganizationRight> partnerRights) {
    }

    record CreatedAccountItem(long id, String customerNumber) {
    }

    /**
     * A change of name and address, at the {@code dataVersion} it was read at. PUT replaces them as a whole: every
     * member must be given (an empty text clears a line of the address), so that a client sending the name alone
     * cannot clear the address by leaving it out, nor save half an address.
     */
    @Schema(description = "The account's name and address as a whole, at the dataVersion read: every member must be "
            + "given (an empty text clears a line of the address); a member left out or null is a 422 naming it",
            requiredProperties = {"name", "street", "postalCode", "city", "country", "dataVersion"})
    record AccountChangeInput(String name, String street, String postalCode, String city, String country,
                              Long dataVersion) {

        /** The members left out (or null), in the order they are listed. */
        List<String> missing() {
            List<String> missing = new java.util.ArrayList<>();
            java.util.Map<String, Object> given = new java.util.LinkedHashMap<>();
            given.put("name", name);
            given.put("street", street);
            given.put("postalCode", postalCode);
            given.put("city", city);
            given.put("country", country);
            given.put("dataVersion", dataVersion);
            given.forEach((member, value) -> {
                if (value == null) {
                    missing.add(member);
                }
            });
            return missing;
        }
    }

    /** A change of state at the {@code version} it was read at, with an optional reason for the audit log. */
    record StateChangeInput(Long version, String reason) {
    }

    record AccountItem(long id, String customerNumber, String name, OrganizationState state, long version,
                       long dataVersion, String street, String postalCode, String city, String country,
                       Instant changedAt) {

        static AccountItem of(ProviderAccount a) {
            return new AccountItem(a.id(), a.customerNumber(), a.name(), a.state(), a.version(), a.dataVersion(),
                    a.street(), a.postalCode(), a.city(), a.country(), a.changedAt());
        }
    }

    record ServiceInput(String name, ServiceKind kind) {
    }

    record ServiceChangeInput(String name, Long version) {
    }

    record ServiceEndInput(Long version) {
    }

    record ServiceItem(long id, String name, ServiceKind kind, Instant createdAt, Instant endedAt, long version) {

        static ServiceItem of(ServiceRow row) {
            return new ServiceItem(row.id(), row.name(), row.kind(), row.createdAt(), row.endedAt(), row.version());
        }
    }

    record PartnerInput(String name, String representativeEmail, String representativeName) {
    }

    record CreatedPartnerItem(long id) {
    }

    record ManagerInvitationInput(String email, String name) {
    }

    record ContactPersonItem(String name, String email, String deputyName, String deputyEmail,
                             String emergencyPhone, Instant confirmedAt) {

        static ContactPersonItem of(AccountContactPerson p) {
            return new ContactPersonItem(p.name(), p.email(), p.deputyName(), p.deputyEmail(), p.emergencyPhone(),
                    p.confirmedAt());
        }
    }

    // ---- customer accounts

    /**
     * The provider's customer accounts whose own data (name, address, state, contact person, deputy, services)
     * changed at or after {@code changedSince}, oldest change first. A syncing system keeps the last page's
     * {@code nextCursor} (or the newest {@code changedAt} it saw) for its next run.
     */
    @GetMapping("/accounts")
    @ApiResponse(responseCode = "200", description = "One page and the cursor of the next (null on the last)",
            useReturnTypeSchema = true)
    ApiPage<AccountItem> accountsChanged(@RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant changedSince,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Integer limit) {
        int size = ApiCursor.limit(limit);
        Position position = cursor == null || cursor.isEmpty()
                ? new Position(changedSince == null ? Instant.EPOCH : changedSince, 0) : Position.parse(cursor);
        List<ProviderAccount> rows = accounts.changedSince(position.changedAt(), position.afterId(), size + 1);
        List<AccountItem> items = rows.stream().limit(size).map(AccountItem::of).toList();
        return new ApiPage<>(items, rows.size() > size
                ? new Position(rows.get(size - 1).changedAt(), rows.get(size - 1).id()).cursor() : null);
    }

    @PostMapping("/accounts")
    @ApiCreate
    @ApiResponse(responseCode = "201", description = "The account created; its first manager is invited",
            content = @Content(schema = @Schema(implementation = CreatedAccountItem.class)))
    ResponseEntity<Object> createAccount(@RequestBody AccountInput input, HttpServletRequest request) {
        Locale language = ApiProblems.languageOf(request);
        return idempotent.create(request, List.of("account", input), () -> {
            CreatedAccount created = accounts.createAccount(new NewAccount(input.customerNumber(), input.name(),
                    input.street(), input.postalCode(), input.city(), input.country(), input.managerEmail(),
                    input.managerName(), input.partnerId(), input.partnerRights()), language);
            return new CreatedAccountItem(created.id(), created.customerNumber());
        });
    }

    @GetMapping("/accounts/{accountId}")
    @ApiResponse(responseCode = "200", description = "The account", useReturnTypeSchema = true)
    AccountItem account(@PathVariable long accountId) {
        return AccountItem.of(accounts.accountData(accountId));
    }

    @PutMapping("/accounts/{accountId}")
    @ApiResponse(responseCode = "200", description = "The account as changed",
            content = @Content(schema = @Schema(implementation = AccountItem.class)))
    @Conflict
    ResponseEntity<Object> changeAccount(@PathVariable long accountId, @RequestBody AccountChangeInput input,
                                         HttpServletRequest request) {
        // who may not change this account learns nothing from the body: the account is looked for first (404 and
        // audited for any other organization's token), then the body checked
        accounts.accountData(accountId);
        List<String> missing = input.missing();
        if (!missing.isEmpty()) {
            throw new IncompleteReplacement(missing);
        }
        long version = input.dataVersion();
        return changed(request, () -> accounts.accountData(accountId).dataVersion(), () -> {
            accounts.updateAccount(accountId, version, new AccountChange(input.name(), input.street(),
                    input.postalCode(), input.city(), input.country()));
            return AccountItem.of(accounts.accountData(accountId));
        });
    }

    @PostMapping("/accounts/{accountId}/suspend")
    @ApiResponse(responseCode = "200", description = "The account, suspended: nobody acts in it until reactivated",
            content = @Content(schema = @Schema(implementation = AccountItem.class)))
    @Conflict
    ResponseEntity<Object> suspend(@PathVariable long accountId, @RequestBody StateChangeInput input,
                                   HttpServletRequest request) {
        long version = required(input.version(), "version");
        return changed(request, () -> accounts.accountData(accountId).version(), () -> {
            accounts.suspend(accountId, version, input.reason());
            return AccountItem.of(accounts.accountData(accountId));
        });
    }

    @PostMapping("/accounts/{accountId}/reactivate")
    @ApiResponse(responseCode = "200", description = "The account, active again (a closed one stays closed)",
            content = @Content(schema = @Schema(implementation = AccountItem.class)))
    @Conflict
    ResponseEntity<Object> reactivate(@PathVariable long accountId, @RequestBody StateChangeInput input,
                                      HttpServletRequest request) {
        long version = required(input.version(), "version");
        return changed(request, () -> accounts.accountData(accountId).version(), () -> {
            accounts.reactivate(accountId, version);
            return AccountItem.of(accounts.accountData(accountId));
        });
    }

    @PostMapping("/accounts/{accountId}/close")
    @ApiResponse(responseCode = "200", description = "The account, closed for good",
            content = @Content(schema = @Schema(implementation = AccountItem.class)))
    @Conflict
    ResponseEntity<Object> close(@PathVariable long accountId, @RequestBody StateChangeInput input,
                                 HttpServletRequest request) {
        long version = required(input.version(), "version");
        return changed(request, () -> accounts.accountData(accountId).version(), () -> {
            accounts.close(accountId, version, input.reason());
            return AccountItem.of(accounts.accountData(accountId));
        });
    }

    /**
     * Invites a first manager to an account without an active one; they hold nothing until they accept. The same
     * answer whatever the address.
     */
    @PostMapping("/accounts/{accountId}/manager-invitations")
    @ApiResponse(responseCode = "202", description = "The invitation is on its way (the same answer for any address)")
    @ApiResponse(responseCode = "422", description = "Invalid input (with its field), or the account has a manager",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> inviteManager(@PathVariable long accountId, @RequestBody ManagerInvitationInput input,
                                       HttpServletRequest request) {
        accounts.inviteManager(accountId, input.email(), input.name(), ApiProblems.languageOf(request));
        return ResponseEntity.accepted().build();
    }

    /** Whom the provider calls about the account (read with any provider token). */
    @GetMapping("/accounts/{accountId}/contact-person")
    @ApiResponse(responseCode = "200", description = "The contact person and deputy", useReturnTypeSchema = true)
    ContactPersonItem contactPerson(@PathVariable long accountId) {
        return ContactPersonItem.of(accounts.contactPerson(accountId));
    }

    /** The account's contacts, read only (the customer's and its partner's to change). */
    @GetMapping("/accounts/{accountId}/contacts")
    @ApiResponse(responseCode = "200", description = "One page and the cursor of the next (null on the last)",
            useReturnTypeSchema = true)
    ApiPage<OrganizationApi.ContactItem> contacts(@PathVariable long accountId,
                                                  @RequestParam(required = false) String cursor,
                                                  @RequestParam(required = false) Integer limit) {
        int size = ApiCursor.limit(limit);
        long after = ApiCursor.position(CONTACTS, cursor);
        List<ContactRow> rows = accounts.contactsOf(accountId, after, size + 1);
        return new ApiPage<>(rows.stream().limit(size).map(OrganizationApi.ContactItem::of).toList(),
                rows.size() > size ? ApiCursor.of(CONTACTS, rows.get(size - 1).id()) : null);
    }

    // ---- services of an account

    @GetMapping("/accounts/{accountId}/services")
    @ApiResponse(responseCode = "200", description = "Every service of the account, running ones first",
            useReturnTypeSchema = true)
    List<ServiceItem> services(@PathVariable long accountId) {
        return services.servicesOf(accountId).stream().map(ServiceItem::of).toList();
    }

    @PostMapping("/accounts/{accountId}/services")
    @ApiCreate
    @ApiResponse(responseCode = "201", description = "The service added; it shows on the dashboard at once",
            content = @Content(schema = @Schema(implementation = ServiceItem.class)))
    ResponseEntity<Object> addService(@PathVariable long accountId, @RequestBody ServiceInput input,
                                      HttpServletRequest request) {
        return idempotent.create(request, List.of("service", accountId, input), () -> {
            long id = services.addService(accountId, input.name(), input.kind());
            return service(accountId, id).orElseThrow();
        });
    }

    @PutMapping("/accounts/{accountId}/services/{serviceId}")
    @ApiResponse(responseCode = "200", description = "The service, renamed",
            content = @Content(schema = @Schema(implementation = ServiceItem.class)))
    @Conflict
    ResponseEntity<Object> renameService(@PathVariable long accountId, @PathVariable long serviceId,
                                         @RequestBody ServiceChangeInput input, HttpServletRequest request) {
        long version = required(input.version(), "version");
        return changed(request, () -> serviceVersion(accountId, serviceId), () -> {
            services.renameService(accountId, serviceId, version, input.name());
            return service(accountId, serviceId).orElseThrow(ApiExceptionHandler.NotFound::new);
        });
    }

    @PostMapping("/accounts/{accountId}/services/{serviceId}/end")
    @ApiResponse(responseCode = "200", description = "The service, ended: it shows nowhere from now on",
            content = @Content(schema = @Schema(implementation = ServiceItem.class)))
    @Conflict
    ResponseEntity<Object> endService(@PathVariable long accountId, @PathVariable long serviceId,
                                      @RequestBody ServiceEndInput input, HttpServletRequest request) {
        long version = required(input.version(), "version");
        return changed(request, () -> serviceVersion(accountId, serviceId), () -> {
            services.endService(accountId, serviceId, version);
            return service(accountId, serviceId).orElseThrow(ApiExceptionHandler.NotFound::new);
        });
    }

    // ---- partners

    /** Creates a partner; its legal representative is invited (the same answer whatever the address). */
    @PostMapping("/partners")
    @ApiCreate
    @ApiResponse(responseCode = "201", description = "The partner created; its legal representative is invited",
            content = @Content(schema = @Schema(implementation = CreatedPartnerItem.class)))
    ResponseEntity<Object> createPartner(@RequestBody PartnerInput input, HttpServletRequest request) {
        Locale language = ApiProblems.languageOf(request);
        return idempotent.create(request, List.of("partner", input), () -> new CreatedPartnerItem(
                partners.createPartner(new NewPartner(input.name(), input.representativeEmail(),
                        input.representativeName()), language)));
    }

    private Optional<ServiceItem> service(long accountId, long serviceId) {
        return services.servicesOf(accountId).stream().filter(row -> row.id() == serviceId).findFirst()
                .map(ServiceItem::of);
    }

    /** A service that names nothing in the account is "changed meanwhile" to the service: here it is a 404. */
    private long serviceVersion(long accountId, long serviceId) {
        return service(accountId, serviceId).map(ServiceItem::version)
                .orElseThrow(ApiExceptionHandler.NotFound::new);
    }

    private static long required(Long value, String field) {
        if (value == null) {
            throw new InvalidInput(field, "validation.required");
        }
        return value;
    }

    /** Runs a change; changed meanwhile, it answers 409 with the version now, read through the same checks. */
    private ResponseEntity<Object> changed(HttpServletRequest request, LongSupplier currentVersion,
                                           java.util.function.Supplier<Object> change) {
        try {
            return ResponseEntity.ok(change.get());
        } catch (StaleData stale) {
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "conflict", stale.messageKey(),
                    ApiProblems.languageOf(request));
            problem.setProperty("currentVersion", currentVersion.getAsLong());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
    }

    /** Where a syncing client is in the list of changed accounts: the last (changedAt, id) it was given. */
    private record Position(Instant changedAt, long afterId) {

        String cursor() {
            String text = CHANGED + ":" + changedAt.getEpochSecond() + ":" + changedAt.getNano() + ":" + afterId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
        }

        static Position parse(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII)
                        .split(":");
                if (parts.length != 4 || !parts[0].equals(CHANGED)) {
                    throw new ApiExceptionHandler.BadCursor();
                }
                long afterId = Long.parseLong(parts[3]);
                if (afterId < 0) {
                    throw new ApiExceptionHandler.BadCursor();
                }
                return new Position(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                        afterId);
            } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
                throw new ApiExceptionHandler.BadCursor();
            }
        }
    }

    /** A change at a version: what a 409 says. */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "409", description = "Changed meanwhile: nothing saved; currentVersion tells the version now",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Invalid input (with its field), or a rule",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @interface Conflict {
    }
}
