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
}
