package dev.kontor.audit;

import dev.kontor.user.Caller;
import java.util.Optional;

/** The organization on whose behalf the signed-in person acts right now (a partner in a customer's account). */
public interface ActingOnBehalf {

    Optional<Long> onBehalfOf(Caller caller);
}
