/**
 * The provisioning API under /api/v1: its tokens, their authentication and limits, and its controllers.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link ApiTokenAuthentication} reads the
 * token's organization's name, kind and state in the authentication's one statement.
 */
@OwnsTables("api_idempotency")
package dev.kontor.api;

import dev.kontor.base.OwnsTables;
