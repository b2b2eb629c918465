package dev.kontor.replace;

/** What the preview says will happen at one place. */
public enum Outcome {
    /** The successor takes the place (or holds it already and the leaving person's part goes). */
    REPLACE,
    /** The leaving person's part goes, and nobody takes it (offboarding). */
    REMOVE,
    /** Nothing happens there, for the {@link Refusal} given. */
    REFUSED
}
