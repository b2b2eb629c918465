package dev.kontor.organization;

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
import java.util.Objects;
import java.util.Optional;

/** One node of the organization tree: the provider, a partner, a customer account or a tenant. */
@Entity
@Table(name = "organization")
public class Organization {

    public static final int NAME_MAX_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private OrganizationKind kind;

    @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "customer_number", length = CustomerNumber.MAX_LENGTH)
    private String customerNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Organization parent;

    /** The ids of every ancestor from the root down, as {@code /1/4/9/}; {@code /} for a root. */
    @Column(name = "ancestor_path", nullable = false, length = 1000)
    private String ancestorPath;

    /** For a tenant: the customer account or partner whose tenant it is (it never moves out of that tree). */
    @Column(name = "account_id")
    private Long accountId;

    /** The name folded for searching (see {@link dev.kontor.base.SearchKeys}). */
    @Column(name = "search_key", nullable = false, length = NAME_MAX_LENGTH)
    private String searchKey;

    /** For a tenant: its name in lower case, unique among its siblings. */
    @Column(name = "sibling_key", length = NAME_MAX_LENGTH)
    private String siblingKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Only the memberships of an ACTIVE organization grant anything (see {@link MembershipRepository}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private OrganizationState state = OrganizationState.ACTIVE;

    /** Whether the organization itself requires a second factor of everyone in it (and so below it). */
    @Column(name = "second_factor_required", nullable = false)
    private boolean secondFactorRequired;

    /** When its leads last reminded the members without a second factor to set one up. */
    @Column(name = "second_factor_reminded_at")
    private Instant secondFactorRemindedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Organization() {
    }

    private Organization(OrganizationKind kind, String name, CustomerNumber customerNumber, Organization parent,
                         Instant createdAt) {
        this.kind = kind;
        this.name = Objects.requireNonNull(name);
        this.searchKey = dev.kontor.base.SearchKeys.fold(name);
        this.customerNumber = customerNumber == null ? null : customerNumber.value();
        this.parent = parent;
        this.ancestorPath = parent == null ? "/" : parent.pathBelow();
        this.createdAt = createdAt;
    }

    static Organization provider(String name, Instant now) {
        return new Organization(OrganizationKind.PROVIDER, name, null, null, now);
    }

    static Organization partner(String name, Organization provider, Instant now) {
        return new Organization(OrganizationKind.PARTNER, name, null, provider, now);
    }

    static Organization customer(String name, CustomerNumber number, Organization parent, Instant now) {
        return new Organization(OrganizationKind.CUSTOMER, name, Objects.requireNonNull(number), parent, now);
    }

    static Organization tenant(String name, Organization parent, Instant now) {
        Organization tenant = new Organization(OrganizationKind.TENANT, name, null, Objects.requireNonNull(parent),
                now);
        tenant.accountId = parent.getKind() == OrganizationKind.TENANT ? parent.accountId : parent.getId();
        tenant.siblingKey = siblingKeyOf(name);
        return tenant;
    }

    static String siblingKeyOf(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    void rename(String newName) {
        this.name = Objects.requireNonNull(newName);
        this.searchKey = dev.kontor.base.SearchKeys.fold(newName);
        if (kind == OrganizationKind.TENANT) {
            this.siblingKey = siblingKeyOf(newName);
        }
    }

    void changeState(OrganizationState newState) {
        this.state = Objects.requireNonNull(newState);
    }

    void requireSecondFactor(boolean required) {
        this.secondFactorRequired = required;
    }

    void remindedOfSecondFactor(Instant at) {
        this.secondFactorRemindedAt = Objects.requireNonNull(at);
    }

    public boolean isSecondFactorRequired() {
        return secondFactorRequired;
    }

    Optional<Instant> getSecondFactorRemindedAt() {
        return Optional.ofNullable(secondFactorRemindedAt);
    }

    /** Hangs this tenant below another node; the caller moves the descendants' paths along. */
    void moveBelow(Organization newParent) {
        this.parent = Objects.requireNonNull(newParent);
        this.ancestorPath = newParent.pathBelow();
    }

    /** The ancestor path of this node's children. */
    String pathBelow() {
        return ancestorPath + id + "/";
    }

    /** The ids of this node's ancestors, from the root down. */
    public java.util.List<Long> ancestorIds() {
        return OrganizationPath.idsIn(ancestorPath);
    }

    public String getAncestorPath() {
        return ancestorPath;
    }

    public Optional<Long> getAccountId() {
        return Optional.ofNullable(accountId);
    }

    public Long getId() {
        return id;
    }

    public OrganizationKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public Optional<CustomerNumber> getCustomerNumber() {
        return Optional.ofNullable(customerNumber).map(CustomerNumber::new);
    }

    public Optional<Organization> getParent() {
        return Optional.ofNullable(parent);
    }

    public OrganizationState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Organization other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Organization.class.hashCode();
    }
}
