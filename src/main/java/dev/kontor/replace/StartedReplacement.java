package dev.kontor.replace;

/**
 * A replacement the signed-in person has started: whom it replaces by whom (no successor: offboarding) and how far it
 * has got, so that the page can show it again after the person left it.
 */
public record StartedReplacement(long id, String leavingEmail, String successorEmail, ReplacementProgress progress) {
}
