package dev.kontor.partner;

import dev.kontor.testing.AuditTrail;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer's side of partner relationships, for the tests of answering, reviewing and ending them: a new customer
 * account with the managers Alice and Bob and a new partner for every test, the partner's requests, and what the tests
 * read back (mails, audit events, rows); the clock, which some tests move, is set back afterwards.
 */
abstract class CustomerSideTest {

    @Autowired
    RelationshipAnswers answers;

    @Autowired
    TestRequests requests;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditTrail audit;

    TestAccount account;
    TestPartner partner;

    private final String partnerName;

    CustomerSideTest(String partnerName) {
        this.partnerName = partnerName;
    }

    @BeforeEach
    void accountAndPartner() {
        account = fixtures.account("Alice", "Bob");
        partner = fixtures.partner(partnerName);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
