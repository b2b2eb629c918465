package dev.kontor.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer's rules for partner access; an account without a row has both switched off. */
@Entity
@Table(name = "access_policy")
class AccessPolicy {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "require_reason", nullable = false)
    private boolean requireReason;

    @Column(name = "notify_contact_person", nullable = false)
    private boolean notifyContactPerson;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccessPolicy() {
    }

    AccessPolicy(long customerId) {
        this.customerId = customerId;
    }

    boolean requiresReason() {
        return requireReason;
    }

    boolean notifiesContactPerson() {
        return notifyContactPerson;
    }

    void change(boolean requireReason, boolean notifyContactPerson) {
        this.requireReason = requireReason;
        this.notifyContactPerson = notifyContactPerson;
    }
}
