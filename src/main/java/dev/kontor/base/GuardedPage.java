package dev.kontor.base;

/**
 * A signed-in page with an id in its address ({@code /<route>/<id>}), told by the feature that owns it. The first
 * answer to such an address carries what the page will show as its HTTP status (see {@code PageStatus}): 200 when
 * the page opens, 403 when it refuses, 404 for an id that cannot be one. "Refused" covers an id that names nothing
 * and one that names something the person may not see alike, as the refusal page itself does, so that no status
 * tells which ids exist.
 */
public interface GuardedPage {

    /** The path before the id, with both slashes, e.g. {@code /tenant/}. */
    String pathPrefix();

    /** What the page will do for the signed-in person, judged without changing or auditing anything. */
    PageWorth worthOf(String id);

    enum PageWorth {
        /** The page opens: 200. */
        OPEN,
        /** The refusal page, for an unknown id and someone else's alike: 403. */
        REFUSED,
        /** Not an id of this page at all (the not-found page): 404. */
        MALFORMED
    }

    /**
     * Rights that the first answer cannot see: those an access session lends to the one browser tab it is bound to,
     * told by the page's own request only. While the signed-in person may hold such rights, guarded pages answer 200
     * for every id alike and leave the refusal to the page.
     */
    interface TabBoundRights {

        boolean mayHoldTabBoundRights();
    }
}
