package dev.kontor.contact;

import dev.kontor.base.SecretLinkPage;
import org.springframework.stereotype.Component;

/** The e-mail confirmation page's link worth, for the status of its first answer. */
@Component
class EmailChangeLinkPage implements SecretLinkPage {

    private final ContactService contacts;

    EmailChangeLinkPage(ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public String pathPrefix() {
        return "/contact-email/";
    }

    @Override
    public LinkWorth worthOf(String token) {
        return switch (contacts.preview(token).state()) {
            case OPEN -> LinkWorth.OPEN;
            case EXPIRED -> LinkWorth.CLOSED;
            case UNKNOWN -> LinkWorth.UNKNOWN;
        };
    }
}
