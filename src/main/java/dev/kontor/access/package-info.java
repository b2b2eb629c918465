/**
 * Access sessions: a partner user working inside a customer's account with the rights of the relationship, never
 * more, bound to one browser tab, ending when they leave, sign out, idle or lose the rights; fully audited.
 *
 * <p>Read models (declared with {@code @ReadModel}, see docs/decisions/0009): {@link AccessSessionRepository} locks
 * the organization's row and reads its state; {@link PartnerTokenAccess} reads the account's name and number for its
 * notice.
 */
@OwnsTables({"access_notice", "api_token_notice"})
package dev.kontor.access;

import dev.kontor.base.OwnsTables;
