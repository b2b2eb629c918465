package dev.kontor.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A partner employee assigned to one of the partner's customers: it appears under their "My customers". */
@Entity
@Table(name = "customer_assignment")
class CustomerAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_id", nullable = false)
    private Long partnerId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected CustomerAssignment() {
    }

    CustomerAssignment(long partnerId, long customerId, long userId, Instant assignedAt) {
        this.partnerId = partnerId;
        this.customerId = customerId;
        this.userId = userId;
        this.assignedAt = assignedAt;
    }

    Long getUserId() {
        return userId;
    }

    Long getCustomerId() {
        return customerId;
    }
}
