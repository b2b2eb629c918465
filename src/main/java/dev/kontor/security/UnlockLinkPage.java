package dev.kontor.security;

import dev.kontor.base.SecretLinkPage;
import org.springframework.stereotype.Component;

/** The sign-in unlock page's link worth, for the status of its first answer. */
@Component
class UnlockLinkPage implements SecretLinkPage {

    private final SignInUnlocks unlocks;

    UnlockLinkPage(SignInUnlocks unlocks) {
        this.unlocks = unlocks;
    }

    @Override
    public String pathPrefix() {
        return "/sign-in/unlock/";
    }

    @Override
    public LinkWorth worthOf(String token) {
        return switch (unlocks.preview(token)) {
            case OPEN -> LinkWorth.OPEN;
            case USED, EXPIRED -> LinkWorth.CLOSED;
            case UNKNOWN -> LinkWorth.UNKNOWN;
        };
    }
}
