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
        Membership membership = new Membership(user, organization, role, MembershipState.INVITED, createdAt);
        membership.invitedName = invitedName;
        return membership;
    }

    /**
     * A deactivated member asked again: invited anew, active only once they accept, so that adding someone again is
     * never a way around their consent or around reactivation's checks.
     */
    void reinvite(String typedName) {
        if (state != MembershipState.DEACTIVATED) {
            throw new IllegalStateException("Only a deactivated membership is invited again");
        }
        this.state = MembershipState.INVITED;
        this.invitedName = typedName;
    }

    /** The name lists show: the typed one while invited, else the person's own. */
    String shownName() {
        return state == MembershipState.INVITED && invitedName != null ? invitedName : user.getDisplayName();
    }

    public Long getId() {
        return id;
    }

    /** Moves the membership to another state; INVITED can only be left, never re-entered. */
    void changeState(MembershipState target) {
        if (target == MembershipState.INVITED && state != MembershipState.INVITED) {
            throw new IllegalStateException("A membership cannot go back to INVITED");
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
