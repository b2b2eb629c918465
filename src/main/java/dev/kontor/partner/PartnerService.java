package dev.kontor.partner;

import dev.kontor.invitation.InvitationLimit;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.SecretTokens;
import dev.kontor.base.TextRules;
import dev.kontor.mail.MailMessage;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.OrganizationSummary;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner does about its customers: add a new customer, ask an existing one for rights (with a personal
 * link), send the link again or withdraw it, mark granted rights reviewed, assign employees, and end a partnership.
 * Every method checks the caller's role in the partner (rule 4: only legal representatives add customers and end
 * partnerships); every state change is audited on both organizations.
 */
@Service
@Transactional
public class PartnerService {

    static final String CUSTOMER_ADDED = "CUSTOMER_ADDED";
    static final String RELATIONSHIP_REQUESTED = "RELATIONSHIP_REQUESTED";
    static final String REQUEST_WITHDRAWN = "RELATIONSHIP_REQUEST_WITHDRAWN";
    static final String RELATIONSHIP_TERMINATED = "RELATIONSHIP_TERMINATED";
    static final String RIGHTS_REVIEWED = "GRANTED_RIGHTS_REVIEWED";
    static final String EMPLOYEE_ASSIGNED = "EMPLOYEE_ASSIGNED";
    static final String EMPLOYEE_UNASSIGNED = "EMPLOYEE_UNASSIGNED";

    private final PartnerRelationshipRepository relationships;
    private final ManagedCustomerRepository managedCustomers;
    private final CustomerAssignmentRepository assignments;
    private final PartnerAccess access;
    private final OrganizationService organizations;
    private final OrganizationOnboarding onboarding;
    private final MembershipAdministration memberships;
    private final UserAccountService users;
    private final PartnerMails mails;
    private final AuditLog auditLog;
    private final PartnerSettings settings;
    private final Clock clock;
    private final RequestLinkArchive linkArchive;
    private final CustomerSnapshots snapshots;
    private final RequestMismatches mismatches;

    private final Callers callers;
    private final InvitationLimit invitationLimit;

    PartnerService(PartnerRelationshipRepository relationships, ManagedCustomerRepository managedCustomers,
                   CustomerAssignmentRepository assignments, PartnerAccess access,
                   OrganizationService organizations, OrganizationOnboarding onboarding,
                   MembershipAdministration memberships, UserAccountService users, PartnerMails mails,
                   AuditLog auditLog, PartnerSettings settings, Clock clock, RequestLinkArchive linkArchive,
                   CustomerSnapshots snapshots, RequestMismatches mismatches, Callers callers,
            InvitationLimit invitationLimit) {
        this.invitationLimit = invitationLimit;
        this.callers = callers;
        this.relationships = relationships;
        this.managedCustomers = managedCustomers;
        this.assignments = assignments;
        this.access = access;
        this.organizations = organizations;
        this.onboarding = onboarding;
        this.memberships = memberships;
        this.users = users;
        this.mails = mails;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
        this.linkArchive = linkArchive;
        this.snapshots = snapshots;
        this.mismatches = mismatches;
    }

    /**
     * The partners the signed-in person works for (most people: one). Refused with a clear message when their only
     * partners are suspended by the provider.
     */
    @Transactional(readOnly = true)
    public List<PartnerMembership> myPartners() {
        List<PartnerMembership> mine = access.myPartners();
        if (mine.isEmpty() && organizations.memberOfInactive(dev.kontor.organization.OrganizationKind.PARTNER)) {
            // the person signed in before the provider suspended their partner: the page says so
            throw new dev.kontor.base.RuleViolation("partner.suspended-by-provider");
        }
        return mine;
    }

    /**
     * Opens a customer account below the partner (the next free customer number), invites the given person as its
     * first manager (whether Kontor knows them or not; they become active by accepting) and e-mails them a personal
     * link to accept the partner and grant rights.
     */
    public long addCustomer(long partnerId, NewCustomer input, Locale language) {
        access.require(partnerId, PartnerAccess.LEGAL, AuditSummary.action("add-customer"));
        String companyName = TextRules.organizationName("companyName", input.companyName(),
                dev.kontor.organization.Organization.NAME_MAX_LENGTH);
        EmailAddress email = email("managerEmail", input.managerEmail());
        // required for every address alike, so that the answer does not tell whether Kontor knows the address
        String managerName = TextRules.personName("managerName", input.managerName(),
                UserAccount.DISPLAY_NAME_MAX_LENGTH);
        Set<OrganizationRight> rights = rights(input.requestedRights());
        invitationLimit.take(partnerId);

        OrganizationSummary customer = organizations.openCustomerAccountBelow(partnerId, companyName);
        UserSummary manager = users.findOrRegisterInvitee(email, managerName);
        // everyone is invited alike: a person Kontor knows becomes a manager only by accepting the request signed in
        // as themselves, and keeps their own name; the partner sees the name it typed until then
        onboarding.invite(callers.taskFor("create-customer"), manager.id(), customer.id(), MembershipRole.MANAGER,
                managerName);
        String token = SecretTokens.newToken();
        PartnerRelationship relationship = relationships.save(newRequest(partnerId, customer.id(), rights,
                email.value(), token));
        relationship.mailed(clock.instant());
        String partnerName = relationships.nameOf(partnerId);
        auditBoth(relationship, CUSTOMER_ADDED,
                AuditSummary.of("partner-customer-added", customer.label(), email.value()), null, rightsText(rights));
        mails.send(mails.request(relationship, token, partnerName, customer.label(), true, language));
        return relationship.getId();
    }

    /**
     * Asks an existing customer for rights: the customer number and the address of an active manager there must
     * match (the same refusal for any mismatch, so that nobody learns which numbers or addresses exist; and only
     * {@code request-mismatch-limit} mismatches a day, after which every request of the partner pauses until the
     * day has passed, see {@link RequestMismatches}). Nothing is created or changed yet: the partner reviews (and may
     * copy) the e-mail, then sends it with {@link #sendRequest}. Kontor e-mails the same customer for the same
     * partner at most once per {@code request-mail-interval}; a repeat sooner is refused with when it was sent.
     */
    @Transactional(noRollbackFor = InvalidInput.class) // keeps the mismatch counted and the refusal audited
    public RequestDraft prepareRequest(long partnerId, String customerNumber, String managerEmail,
                                       Set<OrganizationRight> requestedRights, Locale language) {
        access.require(partnerId, PartnerAccess.LEGAL, AuditSummary.action("request-relationship"));
        Optional<CustomerNumber> number = CustomerNumber.parse(customerNumber);
        if (number.isEmpty()) {
            throw new InvalidInput("customerNumber", "validation.customer-number");
        }
        EmailAddress email = email("managerEmail", managerEmail);
        Set<OrganizationRight> rights = rights(requestedRights);
        lockPartner(partnerId);
        refuseWhilePaused(partnerId, number.get().value(), email.value());
        Optional<Organization> match = matching(number.get(), email);
        if (match.isEmpty()) {
            mismatches.record(partnerId);
            auditLog.record(AuditEntry.denied(RELATIONSHIP_REQUESTED, partnerId,
                    AuditSummary.of("partner-request-no-match", number.get(), email.value())));
            throw new InvalidInput("customerNumber", "partner.request.no-match");
        }
        Organization customer = match.get();
        if (relationships.findOpen(partnerId, customer.getId())
                .filter(open -> open.getState() == RelationshipState.ACTIVE).isPresent()) {
            throw new InvalidInput("customerNumber", "partner.request.already-customer");
        }
        String label = customer.getName() + " (" + number.get().value() + ")";
        mailedRecently(partnerId, customer.getId()).ifPresent(last -> {
            auditLog.record(AuditEntry.denied(RELATIONSHIP_REQUESTED, partnerId,
                    AuditSummary.of("partner-request-not-mailed-again", label, last)));
            throw new InvalidInput("customerNumber", "partner.request.mailed-recently", last,
                    last.plus(settings.requestMailInterval()));
        });
        String token = SecretTokens.newToken();
        // to the second: what the draft says is what the database keeps (it rounds below a microsecond)
        Instant expiresAt = clock.instant().plus(settings.requestValidity())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        MailMessage mail = mails.request("draft", rights, email.value(), expiresAt, token,
                relationships.nameOf(partnerId), label, false, language);
        return new RequestDraft(partnerId, customer.getId(), customer.getName(), number.get().value(), rights, token, expiresAt, mail.recipient(),
                mail.subject(), mail.body());
    }

    /**
     * For a partner's tools: checks the input as {@link #prepareRequest} does and, when the customer number and one
     * of its active managers' addresses match and the partner is not its partner already, sends the request at once
     * (unless Kontor e-mailed this customer for the partner within the mail interval: then nothing is sent, and the
     * partner's audit log says when it was). Any other case changes nothing and returns alike; the partner's own
     * audit log tells it the outcome, as the request form does. A partner paused for too many mismatches is refused
     * with {@link RequestsPaused}, matching or not. The caller holds the answer to a fixed time once this returns.
     */
    @Transactional(noRollbackFor = RequestsPaused.class) // keeps the refusal audited
    public void requestWhenMatching(long partnerId, String customerNumber, String managerEmail,
                                    Set<OrganizationRight> requestedRights, Locale language) {
        access.require(partnerId, PartnerAccess.LEGAL, AuditSummary.action("request-relationship"));
        CustomerNumber number = CustomerNumber.parse(customerNumber)
                .orElseThrow(() -> new InvalidInput("customerNumber", "validation.customer-number"));
        EmailAddress email = email("managerEmail", managerEmail);
        Set<OrganizationRight> rights = rights(requestedRights);
        lockPartner(partnerId);
        refuseWhilePaused(partnerId, number.value(), email.value());
        Optional<Organization> match = matching(number, email);
        if (match.isEmpty()) {
            mismatches.record(partnerId);
            auditLog.record(AuditEntry.denied(RELATIONSHIP_REQUESTED, partnerId,
                    AuditSummary.of("partner-request-no-match", number, email.value())));
            return;
        }
        Organization customer = match.get();
        if (relationships.findOpen(partnerId, customer.getId())
                .filter(open -> open.getState() == RelationshipState.ACTIVE).isPresent()) {
            auditLog.record(AuditEntry.denied(RELATIONSHIP_REQUESTED, partnerId,
                    AuditSummary.of("partner-request-already-customer", customer.getName(), number.value())));
            return;
        }
        Optional<Instant> lastMailed = mailedRecently(partnerId, customer.getId());
        if (lastMailed.isPresent()) {
            auditLog.record(AuditEntry.denied(RELATIONSHIP_REQUESTED, partnerId,
                    AuditSummary.of("partner-request-not-mailed-again",
                            customer.getName() + " (" + number.value() + ")", lastMailed.get())));
            return;
        }
        RequestDraft draft = prepareRequest(partnerId, number.value(), email.value(), rights, language);
        sendRequest(partnerId, draft, RequestDelivery.KONTOR_MAILS, language);
    }

    /**
     * Makes a prepared request: Kontor e-mails it, or the partner copied it to send it itself. Only now does the
     * request exist (or a pending one get the draft's link). The customer and the manager are checked again, and
     * the mail interval and the pause hold here too. Sending a draft that was copied before mails the same link.
     * Returns the relationship's id.
     */
    @Transactional(noRollbackFor = RequestsPaused.class) // keeps the refusal audited; it comes before any change
    public long sendRequest(long partnerId, RequestDraft draft, RequestDelivery delivery, Locale language) {
        access.require(partnerId, PartnerAccess.LEGAL, AuditSummary.action("send-relationship-request"));
        if (draft == null || draft.partnerId() != partnerId) {
            throw new RuleViolation("partner.relationship-not-found");
        }
        Instant now = clock.instant();
        if (!draft.expiresAt().isAfter(now)) {
            throw new RuleViolation("partner.request.link-replaced");
        }
        lockPartner(partnerId);
        String customerNumber = relationships.customerNumberOf(draft.customerId());
        refuseWhilePaused(partnerId, customerNumber, draft.recipient());
        if (!relationships.isActiveManager(draft.customerId(), draft.recipient())) {
            // the manager left between review and send: said as any mismatch, but not counted as a guess
            throw new InvalidInput("customerNumber", "partner.request.no-match");
        }
        String tokenHash = SecretTokens.hash(draft.token());
        Optional<PartnerRelationship> open = relationships.findOpen(partnerId, draft.customerId());
        if (open.filter(r -> r.getState() == RelationshipState.ACTIVE).isPresent()) {
            throw new InvalidInput("customerNumber", "partner.request.already-customer");
        }
        boolean mail = delivery == RequestDelivery.KONTOR_MAILS;
        if (mail) {
            mailedRecently(partnerId, draft.customerId()).ifPresent(last -> {
                throw new MailedRecently(last,
                        last.plus(settings.requestMailInterval()));
            });
        }
        PartnerRelationship relationship;
        if (open.isPresent() && tokenHash.equals(open.get().getRequestTokenHash())) {
            // this very draft was copied before: the request exists, now Kontor mails its link too
            relationship = open.get();
        } else {
            relationship = open.map(pending -> {
                pending.askAgainFor(draft.rights(), draft.recipient());
                linkArchive.closeCurrentLink(pending.getId(), ClosedRequestLink.Outcome.REPLACED);
                pending.newLink(tokenHash, now, draft.expiresAt());
                return pending;
            }).orElseGet(() -> relationships.save(new PartnerRelationship(partnerId,
                    relationships.customerKeys(draft.customerId()),
                    draft.rights(), draft.recipient(), tokenHash, callers.requirePerson().personId(), now,
                    draft.expiresAt())));
            auditBoth(relationship, RELATIONSHIP_REQUESTED, AuditSummary.of(mail ? "partner-relationship-requested"
                    : "partner-relationship-requested-copied", draft.customerName(), customerNumber), null,
                    rightsText(draft.rights()));
        }
        if (mail) {
            relationship.mailed(now);
        }
        relationships.flush();
        if (mail) {
            mails.send(mails.request(relationship, draft.token(), relationships.nameOf(partnerId),
                    draft.customerLabel(), false, language));
        }
        return relationship.getId();
    }

    /**
     * A new link for a pending request, e-mailed again; the old link stops working. Refused while Kontor e-mailed
     * this customer for the partner within the mail interval (the list says until when).
     */
    @Transactional(noRollbackFor = {RequestsPaused.class, MailedRecently.class}) // both come before any change
    public void resendRequest(long partnerId, long relationshipId, Locale language) {
        access.require(partnerId, PartnerAccess.LEGAL, AuditSummary.action("resend-relationship-request"));
        lockPartner(partnerId);
        PartnerRelationship relationship = lockedOfPartner(partnerId, relationshipId);
        if (relationship.getState() != RelationshipState.REQUESTED) {
            throw new RuleViolation("relationship.not-requested");
        }
        refuseWhilePaused(partnerId, relationships.customerNumberOf(relationship.getCustomerId()),
                relationship.getRequestEmail());
        mailedRecently(partnerId, relationship.getCustomerId()).ifPresent(last -> {
            auditLog.record(AuditEntry.denied(RELATIONSHIP_REQUESTED, partnerId,
                    AuditSummary.of("partner-request-not-mailed-again", customerLabel(relationship), last)));
            throw new MailedRecently(last,
                    last.plus(settings.requestMailInterval()));
        });
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        linkArchive.closeCurrentLink(relationship.getId(), ClosedRequestLink.Outcome.REPLACED);
        relationship.newLink(SecretTokens.hash(token), now, now.plus(settings.requestValidity()));
        relationship.mailed(now);
        relationships.flush();
        auditBoth(relationship, RELATIONSHIP_REQUESTED, AuditSummary.of("partner-request-sent-again"), null,
                rightsText(relationship.getRequestedRights()));
        mails.send(mails.request(relationship, token, relationships.nameOf(partnerId), customerLabel(relationship),
                false, language));
    }

    private Optional<Organization> matching(CustomerNumber number, EmailAddress email) {
        return onboarding.findCustomer(callers.taskFor("find-customer"), number)
                .filter(found -> relationships.isActiveManager(found.getId(), email.value()));
    }

    /** When Kontor last e-mailed this customer for this partner, if that is within the mail interval. */
    private Optional<Instant> mailedRecently(long partnerId, long customerId) {
        return Optional.ofNullable(relationships.lastMailed(partnerId, customerId))
                .filter(last -> last.plus(settings.requestMailInterval()).isAfter(clock.instant()));
    }

    /**
     * Too many mismatches today: every request of the partner is refused, audited, until the day has passed. Called
     * holding the partner's lock, in a transaction that commits on {@link RequestsPaused} (so the audit entry is
     * written on the connection already held, never a second one while others queue on the lock).
     */
    private void refuseWhilePaused(long partnerId, String customerNumber, String email) {
        Optional<Instant> until = mismatches.pausedUntil(partnerId);
        if (until.isPresent()) {
            auditLog.record(AuditEntry.denied(RELATIONSHIP_REQUESTED, partnerId,
                    AuditSummary.of("partner-request-paused", customerNumber, email, until.get())));
            throw new RequestsPaused(until.get());
        }
    }

    /**
     * One request of the partner at a time, until this transaction ends (see
     * {@link PartnerRelationshipRepository#lockPartner}). Taken after the caller's role is checked, so that nobody
     * outside the partner can hold its requests up.
     */
    private void lockPartner(long partnerId) {
        relationships.lockPartner(partnerId).orElseThrow(() -> new RuleViolation("partner.relationship-not-found"));
    }

    public void withdrawRequest(long partnerId, long relationshipId) {
        AuthenticatedUser me = callers.requirePerson();
        access.require(partnerId, PartnerAccess.LEGAL, AuditSummary.action("withdraw-relationship-request"));
        PartnerRelationship relationship = lockedOfPartner(partnerId, relationshipId);
        if (relationship.getState() == RelationshipState.REQUESTED) {
            linkArchive.closeCurrentLink(relationship.getId(), ClosedRequestLink.Outcome.WITHDRAWN);
        }
        relationship.withdraw(me.userId(), clock.instant(), snapshots.of(relationship.getCustomerId()));
        relationships.flush();
        auditBoth(relationship, REQUEST_WITHDRAWN, AuditSummary.of("partner-request-withdrawn"), "REQUESTED",
                "REVOKED");
    }

    /** Ends an active partnership from the partner's side; the customer's managers are told (rule 4). */
    public void terminate(long partnerId, long relationshipId, Locale language) {
        AuthenticatedUser me = callers.requirePerson();
        access.require(partnerId, PartnerAccess.LEGAL, AuditSummary.action("terminate-partnership"));
        PartnerRelationship relationship = lockedOfPartner(partnerId, relationshipId);
        String granted = rightsText(relationship.getGrantedRights());
        Instant now = clock.instant();
        relationship.terminate(me.userId(), now, snapshots.of(relationship.getCustomerId()));
        relationships.flush();
        auditBoth(relationship, RELATIONSHIP_TERMINATED, AuditSummary.of("partner-terminated-by-partner"), granted,
                null);
        String partnerName = relationships.nameOf(partnerId);
        String customer = customerLabel(relationship);
        for (Recipient manager : relationships.findCustomerManagers(relationship.getCustomerId())) {
            mails.terminated(relationship, partnerName, customer, manager, now, language);
        }
    }

    /** Clears the "review granted rights" notice once someone in the partner has looked at them. */
    public void markReviewed(long partnerId, long relationshipId) {
        AuthenticatedUser me = callers.requirePerson();
        access.require(partnerId, PartnerAccess.LEADS, AuditSummary.action("mark-granted-rights-reviewed"));
        PartnerRelationship relationship = lockedOfPartner(partnerId, relationshipId);
        relationship.markReviewed(me.userId(), clock.instant());
        auditLog.record(AuditEntry.change(RIGHTS_REVIEWED, partnerId,
                AuditSummary.of("partner-granted-rights-reviewed", customerLabel(relationship)), "review pending",
                "reviewed"));
    }

    /** The partner's employees, to assign them to customers. */
    @Transactional(readOnly = true)
    public List<Member> employees(long partnerId) {
        access.require(partnerId, PartnerAccess.LEADS, AuditSummary.action("list-employees"));
        return memberships.members(partnerId, MembershipRole.PARTNER_EMPLOYEE).stream()
                .filter(Member::isActive).toList();
    }

    /** Puts a customer on an employee's "My customers". */
    public void assign(long partnerId, long customerId, long employeeUserId) {
        access.require(partnerId, PartnerAccess.LEADS, AuditSummary.action("assign-employee"));
        PartnerRelationship relationship = requireActiveCustomer(partnerId, customerId);
        employees(partnerId).stream().filter(m -> m.userId() == employeeUserId).findFirst()
                .orElseThrow(() -> new RuleViolation("partner.assign.not-an-employee"));
        if (assignments.existsByPartnerIdAndCustomerIdAndUserId(partnerId, customerId, employeeUserId)) {
            return;
        }
        assignments.save(new CustomerAssignment(partnerId, customerId, employeeUserId, clock.instant()));
        auditLog.record(AuditEntry.change(EMPLOYEE_ASSIGNED, partnerId, AuditSummary.of("partner-customer-assigned",
                AuditSummary.organization(customerLabel(relationship))), null, AuditValue.person(employeeUserId)));
    }

    public void unassign(long partnerId, long customerId, long employeeUserId) {
        access.require(partnerId, PartnerAccess.LEADS, AuditSummary.action("unassign-employee"));
        assignments.findByPartnerIdAndCustomerIdAndUserId(partnerId, customerId, employeeUserId).ifPresent(a -> {
            assignments.delete(a);
            // a customer the partner no longer works for is named by its number, which never changes
            String customer = relationships.findOpen(partnerId, customerId).map(this::customerLabel)
                    .orElseGet(() -> relationships.customerNumberOf(customerId));
            auditLog.record(AuditEntry.change(EMPLOYEE_UNASSIGNED, partnerId,
                    AuditSummary.of("partner-customer-unassigned", AuditSummary.organization(customer)),
                    AuditValue.person(employeeUserId), null));
        });
    }

    /** The partner's sent requests, one page (sorted as asked). */
    @Transactional(readOnly = true)
    public Slice<SentRequest> sentRequests(long partnerId, Set<RelationshipState> states, Pageable pageable) {
        access.require(partnerId, PartnerAccess.LEADS, AuditSummary.action("list-sent-requests"));
        Set<RelationshipState> shown = states.isEmpty() ? EnumSet.allOf(RelationshipState.class) : states;
        Instant now = clock.instant();
        return managedCustomers.findSentRequests(partnerId, shown, pageable).map(row -> row.mailedAt() == null
                ? row : row.mailAgainAt(Optional.of(row.mailedAt().plus(settings.requestMailInterval()))
                .filter(next -> next.isAfter(now)).orElse(null)));
    }

    @Transactional(readOnly = true)
    public long countSentRequests(long partnerId) {
        access.require(partnerId, PartnerAccess.LEADS, AuditSummary.action("count-sent-requests"));
        return managedCustomers.countSentRequests(partnerId);
    }

    private PartnerRelationship newRequest(long partnerId, long customerId, Set<OrganizationRight> rights,
                                           String email, String token) {
        Instant now = clock.instant();
        return new PartnerRelationship(partnerId, relationships.customerKeys(customerId), rights, email,
                SecretTokens.hash(token), callers.requirePerson().personId(), now, now.plus(settings.requestValidity()));
    }

    private PartnerRelationship requireActiveCustomer(long partnerId, long customerId) {
        return relationships.findOpen(partnerId, customerId).filter(r -> r.getState() == RelationshipState.ACTIVE)
                .orElseThrow(() -> new RuleViolation("partner.not-your-customer"));
    }

    private PartnerRelationship ofPartner(long partnerId, long relationshipId) {
        return relationships.findById(relationshipId).filter(r -> r.getPartnerId() == partnerId)
                .orElseThrow(() -> new RuleViolation("partner.relationship-not-found"));
    }

    private PartnerRelationship lockedOfPartner(long partnerId, long relationshipId) {
        return relationships.lockById(relationshipId).filter(r -> r.getPartnerId() == partnerId)
                .orElseThrow(() -> new RuleViolation("partner.relationship-not-found"));
    }

    private String customerLabel(PartnerRelationship relationship) {
        return organizations.describe(callers.taskFor("partner-relationships"), relationship.getCustomerId())
                .map(OrganizationSummary::label).orElse("");
    }

    private void auditBoth(PartnerRelationship relationship, String kind, AuditSummary summary, String before,
                           String after) {
        auditLog.record(AuditEntry.change(kind, relationship.getPartnerId(), summary, before, after));
        auditLog.record(AuditEntry.change(kind, relationship.getCustomerId(), summary, before, after));
    }

    private static EmailAddress email(String field, String typed) {
        if (!EmailAddress.isValid(typed)) {
            throw new InvalidInput(field, "validation.email");
        }
        return new EmailAddress(typed);
    }

    private static Set<OrganizationRight> rights(Set<OrganizationRight> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInput("rights", "partner.rights-required");
        }
        return RightsConverter.withView(requested);
    }

    static String rightsText(Set<OrganizationRight> rights) {
        return new RightsConverter().convertToDatabaseColumn(rights);
    }
}
