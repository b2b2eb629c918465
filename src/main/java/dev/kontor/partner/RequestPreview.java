package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.Set;

/**
 * What the request page shows before anyone answers: which partner asks which customer account for which rights,
 * to whom the link was sent, until when it works, and how the person who opened it can answer. Everything but the
 * state is null (or empty) for a link that is not open.
 */
public record RequestPreview(RequestLinkState state, String partnerName, String customerLabel, String customerNumber,
                             Set<OrganizationRight> requestedRights, String addresseeEmail, boolean needsPassword,
                             Instant expiresAt, AnswerPath answerPath) {

    public RequestPreview {
        requestedRights = RightSets.ordered(requestedRights);
    }

    static RequestPreview closed(RequestLinkState state) {
        return new RequestPreview(state, null, null, null, Set.of(), null, false, null, null);
    }

    public boolean isOpen() {
        return state == RequestLinkState.OPEN;
    }
}
