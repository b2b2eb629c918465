package dev.kontor.organization;

import dev.kontor.user.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A person's role in one organization: user × organization × role, with its state. */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private MembershipRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private MembershipState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The name the inviter typed, shown while the membership is INVITED; the person's own name is never touched. */
    @Column(name = "invited_name", length = UserAccount.DISPLAY_NAME_MAX_LENGTH)
    private String invitedName;

    /**
     * The partner on whose behalf the membership was invited or revived (inside an access session, or in a customer's
     * tenants through the partnership); null when the organization's own people did. Such a membership becomes
     * active only once one of the customer's own people approves it.
     */
    @Column(name = "invited_by_partner_id")
    private Long invitedByPartnerId;

    @Column(name = "approved_by_user_id")
    private Long approvedByUserId;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Membership() {
    }

    Membership(UserAccount user, Organization organization, MembershipRole role, MembershipState state,
               Instant createdAt) {
        if (!role.fits(organization.getKind())) {
            throw new IllegalArgumentException(role + " does not belong to a " + organization.getKind());
        }
        this.user = user;
        this.organization = organization;
        this.role = role;
        this.state = state;
        this.createdAt = createdAt;
    }

    /** An INVITED membership that shows the typed name until the person accepts. */
    static Membership invited(UserAccount user, Organization organization, MembershipRole role, String invitedName,
                              Instant createdAt) {
        return invited(user, organization, role, invitedName, null, createdAt);
    }

    /** As {@link #invited(UserAccount, Organization, MembershipRole, String, Instant)}, on a partner's behalf. */
    static Membership invited(UserAccount user, Organization organization, MembershipRole role, String invitedName,
                              Long byPartnerId, Instant createdAt) {
        Membership membership = new Membership(user, organization, role, MembershipState.INVITED, createdAt);
        membership.invitedName = invitedName;
        membership.invitedByPartnerId = byPartnerId;
        return membership;
    }

    /**
     * A deactivated member asked again: invited anew, active only once they accept (and, asked on a partner's behalf,
     * once approved again), so that adding someone again is never a way around their consent or around
     * reactivation's checks. An earlier approval does not carry over: it was given for another request.
     */
    void reinvite(String typedName, Long byPartnerId) {
        if (state != MembershipState.DEACTIVATED) {
            throw new IllegalStateException("Only a deactivated membership is invited again");
        }
        this.state = MembershipState.INVITED;
        this.invitedName = typedName;
        this.invitedByPartnerId = byPartnerId;
        this.approvedByUserId = null;
        this.approvedAt = null;
    }

    /**
     * The invited person accepted: active at once when the organization's own people invited them, else waiting
     * for one of the customer's own people to approve.
     */
    void accept() {
        if (state != MembershipState.INVITED) {
            throw new IllegalStateException("Only an invited membership is accepted");
        }
        this.state = invitedByPartnerId == null ? MembershipState.ACTIVE : MembershipState.APPROVAL_PENDING;
    }

    /** A deactivated member revived on a partner's behalf: active again only once approved again. */
    void reviveForPartner(long partnerId) {
        if (state != MembershipState.DEACTIVATED) {
            throw new IllegalStateException("Only a deactivated membership is revived");
        }
        this.state = MembershipState.APPROVAL_PENDING;
        this.invitedByPartnerId = partnerId;
        this.approvedByUserId = null;
        this.approvedAt = null;
    }

    /** One of the customer's own people approved the partner's invitee: now it is active. */
    void approve(long approverUserId, Instant at) {
        if (state != MembershipState.APPROVAL_PENDING) {
            throw new IllegalStateException("Only a membership that waits for approval is approved");
        }
        this.state = MembershipState.ACTIVE;
        this.approvedByUserId = approverUserId;
        this.approvedAt = at;
    }

    public Optional<Long> getInvitedByPartnerId() {
        return Optional.ofNullable(invitedByPartnerId);
    }

    public Optional<Long> getApprovedByUserId() {
        return Optional.ofNullable(approvedByUserId);
    }

    /** The name lists show: the typed one while invited, else the person's own. */
    String shownName() {
        return state == MembershipState.INVITED && invitedName != null ? invitedName : user.getDisplayName();
    }

    public Long getId() {
        return id;
    }

    /**
     * Moves the membership between ACTIVE and DEACTIVATED. Entering and leaving INVITED and APPROVAL_PENDING have
     * their own steps (accepting, approving), so that no plain state change skips the consent or the approval.
     */
    void changeState(MembershipState target) {
        if (target == MembershipState.INVITED || target == MembershipState.APPROVAL_PENDING
                || state == MembershipState.INVITED || state == MembershipState.APPROVAL_PENDING) {
            throw new IllegalStateException("A membership does not change from " + state + " to " + target
                    + " directly");
        }
        this.state = target;
    }

    public long getVersion() {
        return version;
    }

    public UserAccount getUser() {
        return user;
    }

    public Organization getOrganization() {
        return organization;
    }

    public MembershipRole getRole() {
        return role;
    }

    public MembershipState getState() {
        return state;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Membership other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Membership.class.hashCode();
    }
}
