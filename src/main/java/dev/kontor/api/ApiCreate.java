package dev.kontor.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/** What a create adds to the description: its Idempotency-Key and the answers a create may give besides 201. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER, required = false,
        description = "Makes a retry safe: the same key with the same body gives the first answer again (24 hours); "
                + "with another body, 422. 1 to 255 visible ASCII characters (no spaces, no accents), else 422",
        schema = @Schema(type = "string", minLength = 1, maxLength = IdempotentCreates.MAX_KEY_LENGTH,
                pattern = "^[!-~]{1,255}$"))
@ApiResponses({
        @ApiResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still running",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "422", description = "Invalid input (with its field), a rule, or a reused key",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
})
@interface ApiCreate {
}
