package dev.kontor.partner;

import dev.kontor.base.SecretLinkPage;
import org.springframework.stereotype.Component;

/** The partner request page's link worth, for the status of its first answer. */
@Component
class RequestLinkPage implements SecretLinkPage {

    private final RelationshipAnswers answers;

    RequestLinkPage(RelationshipAnswers answers) {
        this.answers = answers;
    }

    @Override
    public String pathPrefix() {
        return "/partner-request/";
    }

    @Override
    public LinkWorth worthOf(String token) {
        return switch (answers.preview(token).state()) {
            case OPEN -> LinkWorth.OPEN;
            case EXPIRED, ANSWERED, WITHDRAWN, REPLACED -> LinkWorth.CLOSED;
            case UNKNOWN -> LinkWorth.UNKNOWN;
        };
    }
}
