package dev.kontor.base;

/**
 * Lets a feature leave its menu entry out for people to whom it would offer too little to look for it there (the
 * route itself stays open to them and checks access as always). The main layout asks every such bean.
 */
public interface MenuEntryFilter {

    /** Whether the entry of this route path (without a leading slash) is left out for the signed-in person. */
    boolean hides(String path);
}
