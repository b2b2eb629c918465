package dev.kontor.partner;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.audit.AuditValue;
import dev.kontor.base.RuleViolation;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's decisions on a partner relationship, whoever takes them and however they reached it (the link in
 * the request e-mail, or the account's Partners section): accept (with the rights the customer chooses), decline,
 * change rights, revoke, confirm. The caller has checked who may decide and locked the relationship row; this checks
 * the relationship's state and the one-ADMIN rule, changes it, audits it on both organizations and tells the
 * partner by e-mail, all in the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class CustomerDecisions {

    static final String REQUEST_ACCEPTED = "PARTNER_REQUEST_ACCEPTED";
    static final String REQUEST_DECLINED = "PARTNER_REQUEST_DECLINED";
    static final String RIGHTS_CHANGED = "PARTNER_RIGHTS_CHANGED";
    static final String RELATIONSHIP_REVOKED = "PARTNER_RELATIONSHIP_REVOKED";
    static final String RIGHTS_CONFIRMED = "PARTNER_RIGHTS_CONFIRMED";
    static final String DECISION_REFUSED = "PARTNER_DECISION_REFUSED";
    /** The database's own guard of the one-ADMIN rule, for two grants at the very same moment. */
    private static final String ONE_ADMIN_CONSTRAINT = "partner_relationship_one_admin";

    private final CustomerSideRepository relationships;
    private final RequestLinkArchive links;
    private final CustomerSideMails mails;
    private final AuditLog auditLog;
    private final TransactionTemplate separateRead;
    private final Clock clock;
    private final CustomerSnapshots snapshots;

    @PersistenceContext
    private EntityManager entityManager;

    private final Callers callers;

    CustomerDecisions(CustomerSideRepository relationships, RequestLinkArchive links, CustomerSideMails mails,
                      AuditLog auditLog, PlatformTransactionManager transactionManager, Clock clock,
                      CustomerSnapshots snapshots, Callers callers) {
        this.callers = callers;
        this.relationships = relationships;
        this.links = links;
        this.mails = mails;
        this.auditLog = auditLog;
        this.separateRead = new TransactionTemplate(transactionManager);
        this.separateRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separateRead.setReadOnly(true);
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /** The customer grants rights (VIEW always included, ADMIN only while no other partner holds it). */
    void accept(PartnerRelationship relationship, Set<OrganizationRight> granted, long by) {
        Parties parties = partiesOf(relationship);
        requireOpenRequest(relationship, parties);
        Set<OrganizationRight> rights = RightsConverter.withView(granted == null ? Set.of() : granted);
        requireAdminFree(relationship, rights, parties);
        Set<OrganizationRight> requested = relationship.getRequestedRights();
        links.closeCurrentLink(relationship.getId(), ClosedRequestLink.Outcome.ACCEPTED);
        relationship.accept(rights, by, clock.instant());
        flush(relationship, parties);
        auditBoth(REQUEST_ACCEPTED, relationship,
                AuditSummary.of("partner-request-accepted", parties.partnerName(), parties.customerLabel()),
                RelationshipState.REQUESTED + " " + RightSets.describe(requested),
                RelationshipState.ACTIVE + " " + RightSets.describe(rights));
        mails.accepted(relationship, parties.partnerName(), parties.customerLabel(), partnerPeople(relationship));
        tellOtherManagers(CustomerSideMails.ManagersNotice.ACCEPTED, relationship, parties, Set.of(), rights);
    }

    void decline(PartnerRelationship relationship, long by) {
        Parties parties = partiesOf(relationship);
        requireOpenRequest(relationship, parties);
        links.closeCurrentLink(relationship.getId(), ClosedRequestLink.Outcome.DECLINED);
        relationship.decline(by, clock.instant(), snapshots.of(relationship.getCustomerId()));
        flush(relationship, parties);
        auditBoth(REQUEST_DECLINED, relationship,
                AuditSummary.of("partner-request-declined", parties.partnerName(), parties.customerLabel()),
                RelationshipState.REQUESTED + " " + RightSets.describe(relationship.getRequestedRights()),
                RelationshipState.DECLINED.name());
        mails.declined(relationship, parties.partnerName(), parties.customerLabel(), partnerPeople(relationship));
    }

    /**
     * Reduces or changes the rights of an active partner; the same rights again count as a confirmation. Whether the
     * rights changed, so that the page says what the partner's e-mail says.
     */
    boolean changeRights(PartnerRelationship relationship, Set<OrganizationRight> rights) {
        Parties parties = partiesOf(relationship);
        requireActive(relationship, parties);
        Set<OrganizationRight> after = RightSets.ordered(RightsConverter.withView(rights == null ? Set.of() : rights));
        Set<OrganizationRight> before = RightSets.ordered(relationship.getGrantedRights());
        if (before.equals(after)) {
            confirm(relationship);
            return false;
        }
        requireAdminFree(relationship, after, parties);
        relationship.changeRights(after, clock.instant());
        flush(relationship, parties);
        auditBoth(RIGHTS_CHANGED, relationship,
                AuditSummary.of("partner-rights-changed", parties.partnerName(), parties.customerLabel()),
                RightSets.describe(before), RightSets.describe(after));
        mails.rightsChanged(relationship, parties.partnerName(), parties.customerLabel(), before,
                partnerPeople(relationship));
        tellOtherManagers(CustomerSideMails.ManagersNotice.CHANGED, relationship, parties, before, after);
        return true;
    }

    /** Ends an active partnership from the customer's side: the partner's rights end with it. */
    void revoke(PartnerRelationship relationship, long by) {
        Parties parties = partiesOf(relationship);
        requireActive(relationship, parties);
        Set<OrganizationRight> before = relationship.getGrantedRights();
        relationship.revoke(by, clock.instant(), snapshots.of(relationship.getCustomerId()));
        flush(relationship, parties);
        auditBoth(RELATIONSHIP_REVOKED, relationship,
                AuditSummary.of("partner-revoked-by-customer", parties.partnerName(), parties.customerLabel()),
                RelationshipState.ACTIVE + " " + RightSets.describe(before), RelationshipState.REVOKED.name());
        mails.revoked(relationship, parties.partnerName(), parties.customerLabel(), partnerPeople(relationship));
        tellOtherManagers(CustomerSideMails.ManagersNotice.REVOKED, relationship, parties, before, Set.of());
    }

    /** "Still right": the customer confirms the partner's rights as they are, which ends a due review. */
    void confirm(PartnerRelationship relationship) {
        Parties parties = partiesOf(relationship);
        requireActive(relationship, parties);
        Instant before = relationship.getRightsConfirmedAt();
        Instant now = clock.instant();
        relationship.confirmRights(now);
        flush(relationship, parties);
        auditBoth(RIGHTS_CONFIRMED, relationship, AuditSummary.of("partner-rights-confirmed", parties.partnerName(),
                        parties.customerLabel(), AuditSummary.terms("right.",
                        RightSets.ordered(relationship.getGrantedRights()))),
                before == null ? null : AuditValue.moment(before), AuditValue.moment(now));
        tellOtherManagers(CustomerSideMails.ManagersNotice.CONFIRMED, relationship, parties,
                relationship.getGrantedRights(), relationship.getGrantedRights());
    }

    /** The decider is the signed-in manager; everyone else who manages the account hears of it. */
    private void tellOtherManagers(CustomerSideMails.ManagersNotice notice, PartnerRelationship relationship,
                                   Parties parties, Set<OrganizationRight> before, Set<OrganizationRight> after) {
        var me = callers.person();
        mails.toOtherManagers(notice, relationship, parties.partnerName(), parties.customer(), before, after,
                me.map(it -> (Long) it.userId()).orElse(null),
                me.map(it -> it.displayName() + " <" + it.email() + ">").orElse(null),
                relationships.findActiveManagers(relationship.getCustomerId()));
    }

    /** The partner and customer of a relationship, named in one query. */
    Parties partiesOf(PartnerRelationship relationship) {
        Map<Long, OrganizationSummary> byId = relationships.findSummaries(
                        List.of(relationship.getPartnerId(), relationship.getCustomerId())).stream()
                .collect(Collectors.toMap(OrganizationSummary::id, Function.identity()));
        return new Parties(byId.get(relationship.getPartnerId()).name(), byId.get(relationship.getCustomerId()));
    }

    /** Refuses a decision on a request that is no longer open (answered, withdrawn or expired meanwhile). */
    private void requireOpenRequest(PartnerRelationship relationship, Parties parties) {
        if (!relationship.isRequestOpenAt(clock.instant())) {
            throw refused(relationship, AuditSummary.of("partner-decision-refused-request-closed",
                    parties.partnerName(), parties.customerLabel(), stateTerm(relationship)),
                    "partner-answer.request-closed");
        }
    }

    private void requireActive(PartnerRelationship relationship, Parties parties) {
        if (relationship.getState() != RelationshipState.ACTIVE) {
            throw refused(relationship, AuditSummary.of("partner-decision-refused-not-active",
                    parties.partnerName(), parties.customerLabel(), stateTerm(relationship)),
                    "customer-partners.not-active");
        }
    }

    /** At most one active relationship per customer holds ADMIN: refused, naming the partner that holds it. */
    private void requireAdminFree(PartnerRelationship relationship, Set<OrganizationRight> rights, Parties parties) {
        if (!rights.contains(OrganizationRight.ADMIN)) {
            return;
        }
        relationships.findAdminHolderName(relationship.getCustomerId(), relationship.getId()).ifPresent(holder -> {
            throw adminHeld(relationship, parties, holder);
        });
    }

    /**
     * Writes the change now, so that the database's unique constraint catches a second ADMIN granted at the same
     * moment by someone else (after the check above passed for both); that loser gets the same refusal.
     */
    private void flush(PartnerRelationship relationship, Parties parties) {
        try {
            entityManager.flush();
        } catch (RuntimeException failure) {
            if (violates(failure, ONE_ADMIN_CONSTRAINT)) {
                String holder = separateRead.execute(status -> relationships.findAdminHolderName(
                        relationship.getCustomerId(), relationship.getId()).orElse(null));
                throw adminHeld(relationship, parties, holder);
            }
            throw failure;
        }
    }

    private RuleViolation adminHeld(PartnerRelationship relationship, Parties parties, String holder) {
        return holder == null
                ? refused(relationship, AuditSummary.of("partner-decision-refused-admin-taken", parties.partnerName(),
                        parties.customerLabel()), "customer-partners.admin-taken")
                : refused(relationship, AuditSummary.of("partner-decision-refused-admin-held", parties.partnerName(),
                        parties.customerLabel(), holder), "customer-partners.admin-held", holder);
    }

    private RuleViolation refused(PartnerRelationship relationship, AuditSummary summary, String key,
                                  Object... arguments) {
        auditLog.recordIndependently(AuditEntry.denied(DECISION_REFUSED, relationship.getCustomerId(), summary));
        return new RuleViolation(key, arguments);
    }

    private static AuditSummary.Term stateTerm(PartnerRelationship relationship) {
        return AuditSummary.term("relationship.state." + relationship.getState());
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private void auditBoth(String kind, PartnerRelationship relationship, AuditSummary summary, String before,
                           String after) {
        auditLog.record(AuditEntry.change(kind, relationship.getCustomerId(), summary, before, after));
        auditLog.record(AuditEntry.change(kind, relationship.getPartnerId(), summary, before, after));
    }

    private List<NotifiedPerson> partnerPeople(PartnerRelationship relationship) {
        return relationships.findPartnerRecipients(List.of(relationship.getId()));
    }

    /** The two organizations of a relationship, by name. */
    record Parties(String partnerName, OrganizationSummary customer) {

        String customerLabel() {
            return customer.label();
        }
    }
}
