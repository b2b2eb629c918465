package dev.kontor.provider;

/**
 * A partner to create: its name and its first legal representative, who is invited by e-mail (the typed name shows
 * until they accept).
 */
public record NewPartner(String name, String representativeEmail, String representativeName) {
}
