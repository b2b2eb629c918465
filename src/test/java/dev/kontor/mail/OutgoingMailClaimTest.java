package dev.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's claim on H2, the embedded default (see {@code OutgoingMailClaimPostgresTest} for PostgreSQL). H2
 * applies the row limit before it skips locked rows, so a second sender may come away with fewer mails (here none)
 * while the first holds its batch; it never gets one of the first's. The embedded default runs one instance anyway.
 */
@IntegrationTest
class OutgoingMailClaimTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutgoingMailRepository mails;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void two_concurrent_claims_never_return_the_same_row() throws Exception {
        ClaimRace.Claims claims = new ClaimRace(outbox, mails, transaction).run();

        assertThat(claims.first()).hasSize(3);
        assertThat(claims.second()).doesNotContainAnyElementsOf(claims.first());
    }
}
