package dev.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.base.InvalidInput;
import dev.kontor.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A token over the invitation limit gets the API's rate-limit answer, 429 with Retry-After, not the 422 of bad input:
 * the same call is taken again once the minutes have passed.
 */
@IntegrationTest
class InvitationLimitAnswerTest {

    @Autowired
    ApiExceptionHandler handler;

    @Test
    void the_invitation_limit_is_a_429_with_the_minutes_as_retry_after_and_other_refusals_stay_422() {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/organizations/1/contacts/2");
        request.addHeader("Accept-Language", "de");

        ResponseEntity<ProblemDetail> limited = handler.invalid(
                new InvalidInput("invitations", "invitation.too-many", 3L), request);
        ResponseEntity<ProblemDetail> bad = handler.invalid(new InvalidInput("email", "validation.email"), request);

        assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(limited.getHeaders().getFirst("Retry-After")).isEqualTo("180");
        assertThat(limited.getBody().getDetail()).contains("3 Minuten");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(bad.getBody().getProperties()).containsEntry("field", "email");
    }
}
