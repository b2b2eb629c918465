package dev.kontor.security;

import java.util.Optional;

/**
 * One rule that can make a second factor compulsory for a person (being support staff or a provider administrator,
 * an organization's requirement inherited down the tree, ...). Sign-in asks every rule; a person any rule asks it of
 * and who has none is led to set one up and can do nothing else until then. Each rule is a Spring bean, so a feature
 * adds its reason without the sign-in knowing it.
 */
public interface SecondFactorDemand {

    /**
     * The i18n key of the reason this rule asks the person for a second factor (shown on the set-up page), or empty
     * when this rule does not ask it of the person.
     */
    Optional<String> reasonKey(long userId);

    /**
     * Whether a person signed in with the password alone is asked again on every page they open, so that one who
     * becomes subject to this rule while signed in is led to set up a second factor at once rather than at their
     * next sign-in. Only rules that can start to hold during a sign-in need it: each asking costs its statements on
     * every page.
     */
    default boolean askedWhileSignedIn() {
        return true;
    }
}
