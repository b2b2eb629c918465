package dev.kontor.base;

/**
 * A public page reached by a secret link ({@code /<route>/<token>}), told by the feature that owns it. The first
 * answer to such an address carries the link's worth as its HTTP status, so that a script, a crawler or a proxy
 * sees a closed link as closed while the person still gets the friendly page (see {@link SecretLinkStatusFilter}).
 */
public interface SecretLinkPage {

    /** The path before the token, with both slashes, e.g. {@code /invitation/}. */
    String pathPrefix();

    /** What the link is worth, read without changing anything and without a signed-in user. */
    LinkWorth worthOf(String token);

    enum LinkWorth {
        /** Usable: the page answers 200. */
        OPEN,
        /** Issued, but expired, used, withdrawn or answered: 410 Gone. */
        CLOSED,
        /** Forged, mistyped or malformed: 404, whichever of these it is. */
        UNKNOWN
    }
}
