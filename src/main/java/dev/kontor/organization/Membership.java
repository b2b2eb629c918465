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
