package dev.kontor.support;

import java.time.Instant;

/** A recent change to the account's contact data, from the audit log, so support knows how fresh it is. */
public record CardChange(Instant when, String kind, String actor, String summary) {
}
