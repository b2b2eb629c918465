package dev.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.postgres.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's claim on real PostgreSQL ({@code for no key update ... skip locked}): a second sender neither waits
 * for the first nor gets its mails, and still gets a full batch of the others.
 */
@PostgresTest
class OutgoingMailClaimPostgresTest {

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
        assertThat(claims.second()).hasSize(3).doesNotContainAnyElementsOf(claims.first());
    }
}
