package dev.kontor.partner;

/** REQUESTED until the customer answers; ACTIVE while rights are granted; the others are ends. */
public enum RelationshipState {
    REQUESTED, ACTIVE, DECLINED, TERMINATED, REVOKED, EXPIRED;

    public boolean isOpen() {
        return this == REQUESTED || this == ACTIVE;
    }
}
