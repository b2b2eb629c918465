package dev.kontor.partner;

import dev.kontor.base.RuleViolation;
import java.io.Serial;
import java.time.Instant;

/**
 * Kontor e-mailed this customer for the partner within the mail interval: said with when it went and when it may go
 * again. Thrown before anything is changed, so the transaction keeps the refusal's audit entry.
 */
class MailedRecently extends RuleViolation {

    @Serial
    private static final long serialVersionUID = 1L;

    MailedRecently(Instant last, Instant next) {
        super("partner.request.mailed-recently", last, next);
    }
}
