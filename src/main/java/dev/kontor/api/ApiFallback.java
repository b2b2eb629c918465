package dev.kontor.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever under {@code /api} no endpoint takes (an unknown address, a method an address does not take) is answered
 * by the API as the API answers, a 404 problem, instead of falling through to Vaadin, whose sign-in redirect or page
 * a program cannot read. Spring chooses the most specific mapping first, so this one takes only the rest.
 */
@Hidden
@RestController
class ApiFallback {

    @RequestMapping("/api/**")
    ProblemDetail nothingHere() {
        throw new ApiExceptionHandler.NotFound();
    }
}
