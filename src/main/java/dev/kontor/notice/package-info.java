/**
 * Platform notices: the provider's administrators write a billing, technical or business notice, and a background
 * fan-out mails it through the outbox to exactly the contacts of that type in all or chosen organizations, once per
 * person, with a delivery record per recipient.
 */
@OwnsTables("notice_delivery")
package dev.kontor.notice;

import dev.kontor.base.OwnsTables;
