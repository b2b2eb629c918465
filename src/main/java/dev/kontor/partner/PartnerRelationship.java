package dev.kontor.partner;

import dev.kontor.base.cluster.Announced;
import dev.kontor.base.cluster.AnnouncedChanges;
import dev.kontor.organization.OrganizationRight;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A partner × customer relationship, from the request through the customer's answer to its end. The two marker
 * columns mirror the state so that unique constraints can hold the rules "one open relationship per pair" and "one
 * ADMIN partner per customer" in the database.
 */
@Entity
@Table(name = "partner_relationship")
@EntityListeners(AnnouncedChanges.class)
@Announced(PartnershipChanges.TOPIC)
class PartnerRelationship {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_id", nullable = false)
    private Long partnerId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private RelationshipState state;

    @Convert(converter = RightsConverter.class)
    @Column(name = "requested_rights", nullable = false, length = 120)
    private Set<OrganizationRight> requestedRights;

    @Convert(converter = RightsConverter.class)
    @Column(name = "granted_rights", length = 120)
    private Set<OrganizationRight> grantedRights;

    @Column(name = "request_email", nullable = false, length = 254)
    private String requestEmail;

    @Column(name = "request_token_hash", length = 64)
    private String requestTokenHash;

    @Column(name = "requested_by")
    private Long requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "request_expires_at", nullable = false)
    private Instant requestExpiresAt;

    /** When Kontor last e-mailed this request's link; a link the partner copied to send itself leaves it alone. */
    @Column(name = "request_mailed_at")
    private Instant requestMailedAt;

    @Column(name = "answered_by")
    private Long answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_by")
    private Long endedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "review_pending", nullable = false)
    private boolean reviewPending;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "rights_confirmed_at")
    private Instant rightsConfirmedAt;

    @Column(name = "rights_review_requested_at")
    private Instant rightsReviewRequestedAt;

    @Column(name = "open_customer_id")
    private Long openCustomerId;

    @Column(name = "admin_customer_id")
    private Long adminCustomerId;

    @Column(name = "tenants_customer_id")
    private Long tenantsCustomerId;

    /** Set when the relationship closes: the customer as its partner saw it then, all the former partner still sees. */
    @Column(name = "snapshot_at")
    private Instant snapshotAt;

    @Column(name = "snapshot_customer_name", length = 200)
    private String snapshotCustomerName;

    @Column(name = "snapshot_customer_number", length = 20)
    private String snapshotCustomerNumber;

    @Column(name = "snapshot_contact_person", length = 200)
    private String snapshotContactPerson;

    @Column(name = "snapshot_payment_method_on_file")
    private Boolean snapshotPaymentMethodOnFile;

    /**
     * The customer's number and folded name as the grid sorts and filters by them, kept here so that an index on the
     * relationship serves a partner's page. Never written by the entity after the insert: a rename sets the name key
     * by statement ({@code PartnerRelationshipRepository.renameCustomer}) while this row may be loaded, and a
     * stale copy must not write it back.
     */
    @Column(name = "customer_number_key", nullable = false, updatable = false, length = 20)
    private String customerNumberKey;

    @Column(name = "customer_name_key", nullable = false, updatable = false, length = 400)
    private String customerNameKey;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PartnerRelationship() {
    }

    PartnerRelationship(long partnerId, CustomerKeys customer, Set<OrganizationRight> requestedRights,
                        String requestEmail, String tokenHash, Long requestedBy, Instant now, Instant expiresAt) {
        this.partnerId = partnerId;
        this.customerId = customer.customerId();
        this.customerNumberKey = customer.number();
        this.customerNameKey = customer.nameKey();
        this.requestedRights = RightsConverter.withView(requestedRights);
        this.requestEmail = requestEmail;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        enter(RelationshipState.REQUESTED);
        newLink(tokenHash, now, expiresAt);
    }

    /** A fresh link for a pending request (sent again, or asked for a second time); the old link stops working. */
    void newLink(String tokenHash, Instant now, Instant expiresAt) {
        requireState(RelationshipState.REQUESTED);
        this.requestTokenHash = tokenHash;
        this.requestExpiresAt = expiresAt;
        this.requestedAt = now;
    }

    /** Kontor e-mailed the current link now. */
    void mailed(Instant now) {
        requireState(RelationshipState.REQUESTED);
        this.requestMailedAt = now;
    }

    void askAgainFor(Set<OrganizationRight> rights, String email) {
        requireState(RelationshipState.REQUESTED);
        this.requestedRights = RightsConverter.withView(rights);
        this.requestEmail = email;
    }

    void accept(Set<OrganizationRight> granted, long by, Instant now) {
        requireState(RelationshipState.REQUESTED);
        this.grantedRights = RightsConverter.withView(granted);
        this.answeredBy = by;
        this.answeredAt = now;
        this.requestTokenHash = null;
        this.reviewPending = true;
        this.rightsConfirmedAt = now;
        enter(RelationshipState.ACTIVE);
    }

    void decline(long by, Instant now, CustomerSnapshot customer) {
        requireState(RelationshipState.REQUESTED);
        keep(customer, now);
        this.answeredBy = by;
        this.answeredAt = now;
        this.requestTokenHash = null;
        enter(RelationshipState.DECLINED);
    }

    /** The partner withdraws a pending request. */
    void withdraw(long by, Instant now, CustomerSnapshot customer) {
        requireState(RelationshipState.REQUESTED);
        end(RelationshipState.REVOKED, by, now, customer);
    }

    void expire(Instant now, CustomerSnapshot customer) {
        requireState(RelationshipState.REQUESTED);
        keep(customer, now);
        this.requestTokenHash = null;
        this.endedAt = now;
        enter(RelationshipState.EXPIRED);
    }

    /** The customer ends an active relationship. */
    void revoke(long by, Instant now, CustomerSnapshot customer) {
        requireState(RelationshipState.ACTIVE);
        end(RelationshipState.REVOKED, by, now, customer);
    }

    /** The partner ends an active relationship. */
    void terminate(long by, Instant now, CustomerSnapshot customer) {
        requireState(RelationshipState.ACTIVE);
        end(RelationshipState.TERMINATED, by, now, customer);
    }

    void changeRights(Set<OrganizationRight> rights, Instant now) {
        requireState(RelationshipState.ACTIVE);
        if (!RightsConverter.withView(rights).equals(grantedRights)) {
            // the partner should look at rights the customer changed
            this.reviewPending = true;
        }
        this.grantedRights = RightsConverter.withView(rights);
        this.rightsConfirmedAt = now;
        this.rightsReviewRequestedAt = null;
        enter(RelationshipState.ACTIVE);
    }

    void confirmRights(Instant now) {
        requireState(RelationshipState.ACTIVE);
        this.rightsConfirmedAt = now;
        this.rightsReviewRequestedAt = null;
    }

    void rightsReviewRequested(Instant now) {
        this.rightsReviewRequestedAt = now;
    }

    void markReviewed(long by, Instant now) {
        requireState(RelationshipState.ACTIVE);
        this.reviewPending = false;
        this.reviewedBy = by;
        this.reviewedAt = now;
    }

    private void end(RelationshipState end, long by, Instant now, CustomerSnapshot customer) {
        keep(customer, now);
        this.requestTokenHash = null;
        this.endedBy = by;
        this.endedAt = now;
        enter(end);
    }

    /** Keeps the customer as the partner sees it now: once closed, the relationship shows nothing newer. */
    private void keep(CustomerSnapshot customer, Instant now) {
        if (customer == null || customer.customerId() != customerId) {
            throw new IllegalArgumentException("A closing relationship keeps its own customer as it is now");
        }
        this.snapshotAt = now;
        this.snapshotCustomerName = customer.name();
        this.snapshotCustomerNumber = customer.customerNumber();
        this.snapshotContactPerson = customer.contactPersonName();
        this.snapshotPaymentMethodOnFile = customer.paymentMethodOnFile();
    }

    private void enter(RelationshipState next) {
        this.state = next;
        this.openCustomerId = next.isOpen() ? customerId : null;
        this.adminCustomerId = next == RelationshipState.ACTIVE && grantedRights != null
                && grantedRights.contains(OrganizationRight.ADMIN) ? customerId : null;
        this.tenantsCustomerId = next == RelationshipState.ACTIVE && grantedRights != null
                && OrganizationRight.MANAGE_TENANTS.isSatisfiedBy(grantedRights) ? customerId : null;
    }

    private void requireState(RelationshipState expected) {
        if (state != expected) {
            throw new dev.kontor.base.RuleViolation("relationship.not-" + expected.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    boolean isRequestOpenAt(Instant now) {
        return state == RelationshipState.REQUESTED && requestExpiresAt.isAfter(now);
    }

    Long getId() {
        return id;
    }

    long getPartnerId() {
        return partnerId;
    }

    long getCustomerId() {
        return customerId;
    }

    RelationshipState getState() {
        return state;
    }

    Set<OrganizationRight> getRequestedRights() {
        return EnumSet.copyOf(requestedRights);
    }

    Set<OrganizationRight> getGrantedRights() {
        return grantedRights == null ? EnumSet.noneOf(OrganizationRight.class) : EnumSet.copyOf(grantedRights);
    }

    String getRequestTokenHash() {
        return requestTokenHash;
    }

    String getRequestEmail() {
        return requestEmail;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    Instant getRequestExpiresAt() {
        return requestExpiresAt;
    }

    Instant getRequestMailedAt() {
        return requestMailedAt;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    Instant getEndedAt() {
        return endedAt;
    }

    boolean isReviewPending() {
        return reviewPending;
    }

    Instant getRightsConfirmedAt() {
        return rightsConfirmedAt;
    }

    Instant getRightsReviewRequestedAt() {
        return rightsReviewRequestedAt;
    }

    long getVersion() {
        return version;
    }
}
