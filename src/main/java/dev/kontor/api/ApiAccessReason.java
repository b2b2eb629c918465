package dev.kontor.api;

import dev.kontor.user.ApiTokenIdentity;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation in a customer's account adds to the description: the reason a partner's token gives there, which
 * the customer may require as it does for partner users on the access page.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = ApiTokenIdentity.ACCESS_REASON_HEADER, in = ParameterIn.HEADER, required = false,
        description = "A ticket number or reason (UTF-8, one line, at most 200 characters), recorded with every audit "
                + "entry of the request. A partner's token working in a customer account (or a tenant below it) "
                + "through the partnership must send it when the customer requires a reason; without it the request "
                + "is refused with 422 naming this header as the field, and nothing is done",
        schema = @Schema(type = "string", maxLength = ApiTokenIdentity.ACCESS_REASON_MAX_LENGTH))
@interface ApiAccessReason {
}
