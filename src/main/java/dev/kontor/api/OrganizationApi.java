package dev.kontor.api;

import dev.kontor.base.StaleData;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.NewTenant;
import dev.kontor.tenant.TenantDetails;
import dev.kontor.tenant.TenantService;
import dev.kontor.tenant.TenantType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
 * Contacts and tenants of one organization (a customer account, a tenant, or the token's own organization), through
 * the services the UI uses: a partner's token reaches a customer's contacts and tenants only with the rights the
 * customer granted; without them, or for an id that names nothing, the answer is the same 404.
 */
@ApiErrors
@RestController
@RequestMapping("/api/v1/organizations/{organizationId}")
class OrganizationApi {

    private static final String CONTACTS = "contacts";

    private final ContactService contacts;
    private final TenantService tenants;
    private final ApiProblems problems;
    private final IdempotentCreates idempotent;

    OrganizationApi(ContactService contacts, TenantService tenants, ApiProblems problems,
                    IdempotentCreates idempotent) {
        this.contacts = contacts;
        this.tenants = tenants;
        this.problems = problems;
        this.idempotent = idempotent;
    }

    /** A contact; {@code version} goes back with a change, so that a change made meanwhile is not overwritten. */
    record ContactItem(long id, String firstName, String lastName, String email, String phone, String jobTitle,
                       Set<ContactType> types, String pendingEmail, boolean linkedToUser, long version) {

        static ContactItem of(ContactRow row) {
            return new ContactItem(row.id(), row.firstName(), row.lastName(), row.email(), row.phone(),
                    row.jobTitle(), row.types(), row.pendingEmail(), row.linked(), row.version());
        }
    }

    /** A contact as a client sends it: a person to notify, without access to Kontor. */
    record ContactInput(String firstName, String lastName, String email, String phone, String jobTitle,
                        Set<ContactType> types) {

        NewContact toNewContact() {
            return new NewContact(null, firstName, lastName, email, phone, jobTitle, types == null ? Set.of() : types);
        }
    }

    /**
     * A change of a contact: its new data as a whole and the version it was read at. It remembers which members the
     * body gave, null or not, as a record cannot: a member left out must not quietly clear what is saved.
     */
    @Schema(description = "The contact as a whole, at the version read: every member must be given (null or an "
            + "empty text clears phone and jobTitle, an empty list the types); a body that leaves any out is a 422 "
            + "naming them all in fields",
            requiredProperties = {"firstName", "lastName", "email", "phone", "jobTitle", "types", "version"})
    static final class ContactChange {

        private static final List<String> MEMBERS = List.of("firstName", "lastName", "email", "phone", "jobTitle",
                "types", "version");

        private final Set<String> given = new java.util.HashSet<>();
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private String jobTitle;
        private Set<ContactType> types;
        private Long version;

        /** The members the body left out, in the order they are listed. */
        List<String> missing() {
            return MEMBERS.stream().filter(member -> !given.contains(member)).toList();
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
            given.add("firstName");
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
            given.add("lastName");
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
            given.add("email");
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
            given.add("phone");
        }

        public String getJobTitle() {
            return jobTitle;
        }

        public void setJobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            given.add("jobTitle");
        }

        public Set<ContactType> getTypes() {
            return types;
        }

        public void setTypes(Set<ContactType> types) {
            this.types = types;
            given.add("types");
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
            given.add("version");
        }
    }

    record TenantInput(String name, TenantType type, Edition edition, String characterSet) {
    }

    record TenantItem(long id, String name, TenantType type, Edition edition, String characterSet) {

        static TenantItem of(TenantDetails details) {
            return new TenantItem(details.id(), details.name(), details.type(), details.edition(),
                    details.characterSet());
        }
    }

    @GetMapping("/contacts")
    @ApiAccessReason
    @ApiResponse(responseCode = "200", description = "One page and the cursor of the next (null on the last)",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "The customer requires a reason: Kontor-Access-Reason is missing "
            + "or invalid (the field names it)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ApiPage<ContactItem> contacts(@PathVariable long organizationId, @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) Integer limit) {
        int size = ApiCursor.limit(limit);
        long offset = ApiCursor.position(CONTACTS, cursor);
        List<ContactRow> rows = contacts.page(organizationId, new OffsetPage(offset, size + 1));
        return new ApiPage<>(rows.stream().limit(size).map(ContactItem::of).toList(),
                rows.size() > size ? ApiCursor.of(CONTACTS, offset + size) : null);
    }

    @PostMapping("/contacts")
    @ApiAccessReason
    @ApiCreate
    @ApiResponse(responseCode = "201", description = "The contact added",
            content = @Content(schema = @Schema(implementation = ContactItem.class)))
    ResponseEntity<Object> addContact(@PathVariable long organizationId, @RequestBody ContactInput input,
                                      HttpServletRequest request) {
        return idempotent.create(request, List.of("contact", organizationId, input),
                () -> ContactItem.of(contacts.add(organizationId, input.toNewContact())));
    }

    @PutMapping("/contacts/{contactId}")
    @ApiAccessReason
    @ApiResponse(responseCode = "200", description = "The contact as changed",
            content = @Content(schema = @Schema(implementation = ContactItem.class)))
    @ApiResponse(responseCode = "409", description = "Changed meanwhile: nothing saved; currentVersion tells the version now",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Invalid input, with its field; a body that leaves members out "
            + "names them all in fields, and nothing is saved",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @io.swagger.v3.oas.annotations.Operation(description = "Replaces the contact as a whole: send firstName, lastName, "
            + "email, phone, jobTitle, types and version every time; null or an empty text clears phone and jobTitle, "
            + "an empty list the types. A body that leaves any member out is a 422 naming them all in fields, and "
            + "nothing is saved.")
    ResponseEntity<Object> changeContact(@PathVariable long organizationId, @PathVariable long contactId,
                                         @RequestBody ContactChange change, HttpServletRequest request) {
        List<String> missing = change.missing();
        if (!missing.isEmpty()) {
            // who may not change this contact learns nothing from the body: an id that is not there stays a 404
            if (currentVersion(organizationId, contactId).isEmpty()) {
                throw new ApiExceptionHandler.NotFound();
            }
            throw new IncompleteReplacement(missing, "api.error.contact-put-incomplete");
        }
        if (change.getVersion() == null) {
            throw new dev.kontor.base.InvalidInput("version", "validation.required");
        }
        NewContact data = new ContactInput(change.getFirstName(), change.getLastName(), change.getEmail(),
                change.getPhone(), change.getJobTitle(), change.getTypes()).toNewContact();
        try {
            return ResponseEntity.ok(ContactItem.of(contacts.change(organizationId, contactId, data,
                    change.getVersion(), ApiProblems.languageOf(request))));
        } catch (dev.kontor.base.RuleViolation gone) {
            // a contact id of another organization answers as an unknown one does: nothing there for this caller
            if ("contact.gone".equals(gone.messageKey())) {
                throw new ApiExceptionHandler.NotFound();
            }
            throw gone;
        } catch (StaleData stale) {
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "conflict", stale.messageKey(),
                    ApiProblems.languageOf(request));
            currentVersion(organizationId, contactId).ifPresent(v -> problem.setProperty("currentVersion", v));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
    }

    @PostMapping("/tenants")
    @ApiAccessReason
    @ApiCreate
    @ApiResponse(responseCode = "201", description = "The tenant created below the organization",
            content = @Content(schema = @Schema(implementation = TenantItem.class)))
    ResponseEntity<Object> createTenant(@PathVariable long organizationId, @RequestBody TenantInput input,
                                        HttpServletRequest request) {
        return idempotent.create(request, List.of("tenant", organizationId, input),
                () -> TenantItem.of(tenants.create(new NewTenant(organizationId, input.name(), input.type(),
                        input.edition(), input.characterSet(), null))));
    }

    /** The version a contact has now, read through the same service (and rights) as the change. */
    private Optional<Long> currentVersion(long organizationId, long contactId) {
        for (long offset = 0; ; offset += ApiCursor.MAX_LIMIT) {
            List<ContactRow> rows = contacts.page(organizationId, new OffsetPage(offset, ApiCursor.MAX_LIMIT));
            Optional<Long> found = rows.stream().filter(row -> row.id() == contactId).map(ContactRow::version)
                    .findFirst();
            if (found.isPresent() || rows.size() < ApiCursor.MAX_LIMIT) {
                return found;
            }
        }
    }

    /** Rows by id from any offset (the service keeps a sort it is given, and Spring Data honours the offset). */
    private record OffsetPage(long offset, int size) implements Pageable {
        @Override public int getPageNumber() { return (int) (offset / size); }
        @Override public int getPageSize() { return size; }
        @Override public long getOffset() { return offset; }
        @Override public Sort getSort() { return Sort.by("id"); }
        @Override public Pageable next() { return new OffsetPage(offset + size, size); }
        @Override public Pageable previousOrFirst() { return new OffsetPage(Math.max(0, offset - size), size); }
        @Override public Pageable first() { return new OffsetPage(0, size); }
        @Override public Pageable withPage(int pageNumber) { return new OffsetPage((long) pageNumber * size, size); }
        @Override public boolean hasPrevious() { return offset > 0; }
    }
}
