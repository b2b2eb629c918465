package dev.kontor.user;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An API token calling in place of a person: it acts as its organization (a partner as its legal representatives
 * do, the provider as its administrators do), never as the person who created it, and only reads unless
 * {@code mayWrite}. {@code accessReason} is the reason (a ticket number, say) the request gave in the
 * {@value #ACCESS_REASON_HEADER} header, checked like the access page's reason; {@code null} when it gave none.
 */
public record ApiTokenIdentity(long tokenId, String tokenName, long organizationId, String organizationName,
                               boolean provider, boolean mayWrite, String accessReason) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    /** The request header that carries the reason a partner's token works in a customer's account. */
    public static final String ACCESS_REASON_HEADER = "Kontor-Access-Reason";

    /** As long as the access page's reason may be. */
    public static final int ACCESS_REASON_MAX_LENGTH = 200;

    /** The audit log's actor column holds this much; the reason, when there is one, is never the part cut off. */
    private static final int ACTOR_MAX_LENGTH = 254;

    /** A token's identity before any request has given a reason. */
    public ApiTokenIdentity(long tokenId, String tokenName, long organizationId, String organizationName,
                            boolean provider, boolean mayWrite) {
        this(tokenId, tokenName, organizationId, organizationName, provider, mayWrite, null);
    }

    /** The same token, for one request that gave this reason. */
    public ApiTokenIdentity withAccessReason(String reason) {
        return new ApiTokenIdentity(tokenId, tokenName, organizationId, organizationName, provider, mayWrite, reason);
    }

    /**
     * How the audit log names the token as the actor, in English as the stored record keeps it; with the request's
     * reason, so that every entry of that request says why, as the access page's reason does for a partner user.
     */
    public String actorName() {
        String name = "API token \u201c" + tokenName + "\u201d of " + organizationName;
        if (accessReason == null) {
            return name;
        }
        String reason = ", reason: " + accessReason;
        int room = ACTOR_MAX_LENGTH - reason.length();
        return (name.length() <= room ? name : name.substring(0, room - 1) + "\u2026") + reason;
    }

    private static final String ACTOR_START = "API token \u201c";
    private static final String ACTOR_OF = "\u201d of ";
    private static final String ACTOR_REASON = ", reason: ";

    /**
     * A token's name as {@link #actorName} recorded it, said in the reader's language by {@code translate}; empty
     * when {@code recorded} names no token (a person's address, "system"). The record stays English for tools; only
     * the pages translate it.
     */
    public static Optional<String> actorNameIn(String recorded, BiFunction<String, Object[], String> translate) {
        if (recorded == null || !recorded.startsWith(ACTOR_START)) {
            return Optional.empty();
        }
        int of = recorded.indexOf(ACTOR_OF, ACTOR_START.length());
        if (of < 0) {
            return Optional.empty();
        }
        String token = recorded.substring(ACTOR_START.length(), of);
        String rest = recorded.substring(of + ACTOR_OF.length());
        int reasonAt = rest.indexOf(ACTOR_REASON);
        String organization = reasonAt < 0 ? rest : rest.substring(0, reasonAt);
        String said = translate.apply("api.tokens.actor", new Object[] {token, organization});
        return Optional.of(reasonAt < 0 ? said : translate.apply("api.tokens.actor-reason",
                new Object[] {said, rest.substring(reasonAt + ACTOR_REASON.length())}));
    }
}
