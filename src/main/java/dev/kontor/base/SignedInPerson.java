package dev.kontor.base;

/** What the layout needs to know of the person signed in, without knowing how sign-in works. */
public interface SignedInPerson {

    String displayName();

    String email();
}
