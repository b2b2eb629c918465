package dev.kontor.user;

import java.io.Serial;
import java.io.Serializable;

/**
 * An API token calling in place of a person: it acts as its organization (a partner as its legal representatives
 * do, the provider as its administrators do), never as the person who created it, and only reads unless
 * {@code mayWrite}.
 */
public record ApiTokenIdentity(long tokenId, String tokenName, long organizationId, String organizationName,
                               boolean provider, boolean mayWrite) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How the audit log names the token as the actor, in English as the stored record keeps it. */
    public String actorName() {
        return "API token \u201c" + tokenName + "\u201d of " + organizationName;
    }
}
