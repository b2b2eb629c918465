package dev.kontor.account;

import java.time.Instant;

/** A service of a customer account as its administration shows it: running, or ended since {@code endedAt}. */
public record ServiceRow(long id, String name, ServiceKind kind, Instant createdAt, Instant endedAt, long version) {

    public static final int NAME_MAX_LENGTH = 200;

    public boolean running() {
        return endedAt == null;
    }
}
