package dev.kontor.invitation;

import dev.kontor.base.SecretLinkPage;
import org.springframework.stereotype.Component;

/** The invitation page's link worth, for the status of its first answer. */
@Component
class InvitationLinkPage implements SecretLinkPage {

    private final InvitationService invitations;

    InvitationLinkPage(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public String pathPrefix() {
        return "/invitation/";
    }

    @Override
    public LinkWorth worthOf(String token) {
        return switch (invitations.preview(token).state()) {
            case OPEN -> LinkWorth.OPEN;
            case EXPIRED, USED, REVOKED -> LinkWorth.CLOSED;
            case UNKNOWN -> LinkWorth.UNKNOWN;
        };
    }
}
