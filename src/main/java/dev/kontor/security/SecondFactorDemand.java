package dev.kontor.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
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
     * Why this rule asks the person for a second factor, as the set-up page says it: an i18n key and the names it
     * mentions ({@code {0}} their count, {@code {1}} the names); empty when this rule does not ask it of the person.
     * Only the set-up page asks this; the sign-in's checks ask {@link #reasonKey}.
     */
    default Optional<Reason> reason(long userId) {
        return reasonKey(userId).map(key -> new Reason(key, List.of()));
    }

    /** A reason to show: its i18n key and the names of those who ask (none for a rule that names nobody). */
    record Reason(String key, List<String> names) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        public Reason {
            names = List.copyOf(names);
        }
    }

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
