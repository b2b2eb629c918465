package dev.kontor.provider;

import java.time.Instant;

/**
 * Whom the provider calls about a customer account: its contact person (an active manager; none only while the
 * first manager has not accepted), the deputy if chosen, the out-of-hours number and when the managers last confirmed
 * these.
 */
public record AccountContactPerson(String name, String email, String deputyName, String deputyEmail,
                                   String emergencyPhone, Instant confirmedAt) {
}
