/**
 * Reliable e-mail: mails are written to an outbox in the transaction of the change that causes them and delivered
 * through SMTP by a background sender that retries until the mail server takes them.
 */
@ApplicationModule(displayName = "Mail", allowedDependencies = "base")
package dev.kontor.mail;

import org.springframework.modulith.ApplicationModule;
