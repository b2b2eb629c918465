package dev.kontor.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.SecretTokens;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerTestData.TestCustomer;
import dev.kontor.partner.PartnerTestData.TestPartner;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The relationship request's limits: a partner that guesses managers' addresses is paused after the day's mismatch
 * limit (UI and API alike, also for a right guess), a customer gets a request e-mail from a partner at most once a
 * day, and preparing a request changes nothing until it is sent. Run on H2 and on PostgreSQL by the subclasses
 * (the mismatches are counted by a statement of their own).
 */
abstract class RelationshipRequestLimits {

    private static final Set<OrganizationRight> VIEW = EnumSet.of(OrganizationRight.VIEW);
    private static final int LIMIT = 10;

    @Autowired
    PartnerService partners;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PartnerTestData data;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_script_guessing_addresses_is_stopped_after_the_limit_even_with_a_right_guess_and_others_are_not() {
        TestPartner guesser = data.partner();
        TestPartner neighbour = data.partner();
        TestCustomer target = data.independentCustomer(guesser);
        TestCustomer neighboursCustomer = data.independentCustomer(neighbour);

        Instant start = clock.instant();
        // half the guesses through the request form, half through the API's path: they count together
        for (int i = 0; i < LIMIT; i++) {
            String guess = "guess-" + i + "@example.test";
            if (i % 2 == 0) {
                assertThatThrownBy(() -> prepare(guesser, target.customerNumber(), guess))
                        .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.messageKey())
                                .isEqualTo("partner.request.no-match"));
            } else {
                fixtures.as(guesser.legalEmail(), () -> partners.requestWhenMatching(guesser.partnerId(),
                        target.customerNumber(), guess, VIEW, Locale.ENGLISH));
            }
        }
        Instant end = clock.instant();

        // the right pair now: refused alike in the form and through the API, nothing made, nothing mailed
        assertThatThrownBy(() -> prepare(guesser, target.customerNumber(), target.managerEmail()))
                .isInstanceOfSatisfying(RequestsPaused.class, paused -> {
                    assertThat(paused.field()).isEqualTo("customerNumber");
                    assertThat(paused.messageKey()).isEqualTo("partner.request.paused");
                    assertThat(paused.until()).isBetween(start.plus(Duration.ofHours(24)),
                            end.plus(Duration.ofHours(24)));
                });
        assertThatThrownBy(() -> fixtures.as(guesser.legalEmail(), () -> partners.requestWhenMatching(
                guesser.partnerId(), target.customerNumber(), target.managerEmail(), VIEW, Locale.ENGLISH)))
                .isInstanceOf(RequestsPaused.class);
        assertThat(relationshipsOf(guesser)).isZero();
        assertThat(outbox.to(target.managerEmail())).isEmpty();
        assertThat(summaries(guesser.partnerId(), "DENIED")).containsOnly("audit.summary.partner-request-no-match",
                "audit.summary.partner-request-paused").filteredOn("audit.summary.partner-request-paused"::equals)
                .hasSize(2);

        // another partner asks as usual
        send(neighbour, neighboursCustomer);
        assertThat(outbox.to(neighboursCustomer.managerEmail())).hasSize(1);

        // refusals while paused do not prolong the pause; a day after the guesses, the right pair goes through
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        send(guesser, target);
        assertThat(outbox.to(target.managerEmail())).hasSize(1);
    }

    @Test
    void the_limit_is_a_rolling_day_so_the_oldest_mismatch_leaving_it_frees_one_request() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        Instant start = clock.instant();
        for (int i = 0; i < LIMIT; i++) {
            int n = i;
            assertThatThrownBy(() -> prepare(partner, customer.customerNumber(), "wrong-" + n + "@example.test"))
                    .isInstanceOf(InvalidInput.class);
            clock.advance(Duration.ofHours(1));
        }
        assertThatThrownBy(() -> prepare(partner, customer.customerNumber(), customer.managerEmail()))
                .isInstanceOfSatisfying(RequestsPaused.class, paused -> assertThat(paused.until())
                        .isBetween(start.plus(Duration.ofHours(24)), start.plus(Duration.ofHours(24).plusMinutes(1))));

        clock.advance(Duration.ofHours(24 - LIMIT).plusMinutes(1));
        assertThat(prepare(partner, customer.customerNumber(), customer.managerEmail()).recipient())
                .isEqualTo(customer.managerEmail());
    }

    @Test
    void preparing_and_closing_without_sending_leaves_no_request_and_sending_makes_exactly_one() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);

        RequestDraft draft = prepare(partner, customer.customerNumber(), customer.managerEmail());

        assertThat(relationshipsOf(partner)).isZero();
        assertThat(summaries(customer.customerId(), "SUCCESS")).isEmpty();
        assertThat(summaries(partner.partnerId(), "SUCCESS"))
                .doesNotContain("audit.summary.partner-relationship-requested");
        assertThat(outbox.to(customer.managerEmail())).isEmpty();

        long id = fixtures.as(partner.legalEmail(), () -> partners.sendRequest(partner.partnerId(), draft,
                RequestDelivery.KONTOR_MAILS, Locale.ENGLISH));
        assertThat(relationshipsOf(partner)).isOne();
        assertThat(summaries(customer.customerId(), "SUCCESS"))
                .containsExactly("audit.summary.partner-relationship-requested");
        assertThat(outbox.to(customer.managerEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.body()).isEqualTo(draft.body()));
        assertThat(jdbc.queryForObject("select request_token_hash from partner_relationship where id = ?",
                String.class, id)).isEqualTo(SecretTokens.hash(draft.token()));
    }

    @Test
    void a_copied_draft_makes_the_request_without_mail_and_sending_it_afterwards_mails_the_same_link() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        RequestDraft draft = prepare(partner, customer.customerNumber(), customer.managerEmail());

        long copied = fixtures.as(partner.legalEmail(), () -> partners.sendRequest(partner.partnerId(), draft,
                RequestDelivery.PARTNER_COPIED, Locale.ENGLISH));
        assertThat(relationshipsOf(partner)).isOne();
        assertThat(outbox.to(customer.managerEmail())).isEmpty();
        assertThat(summaries(customer.customerId(), "SUCCESS"))
                .containsExactly("audit.summary.partner-relationship-requested-copied");

        long sent = fixtures.as(partner.legalEmail(), () -> partners.sendRequest(partner.partnerId(), draft,
                RequestDelivery.KONTOR_MAILS, Locale.ENGLISH));
        assertThat(sent).isEqualTo(copied);
        assertThat(outbox.to(customer.managerEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.body()).isEqualTo(draft.body()));
        assertThat(summaries(customer.customerId(), "SUCCESS")).hasSize(1);
    }

    @Test
    void a_customer_gets_a_partners_request_mail_at_most_once_a_day_however_it_is_repeated() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        long id = send(partner, customer);
        Instant sentAt = mailedAt(id);

        clock.advance(Duration.ofHours(2));
        // asking again in the form: refused next to the number, saying when it went and when it may go again
        assertThatThrownBy(() -> prepare(partner, customer.customerNumber(), customer.managerEmail()))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("customerNumber");
                    assertThat(refusal.messageKey()).isEqualTo("partner.request.mailed-recently");
                    assertThat(refusal.arguments()).containsExactly(sentAt, sentAt.plus(Duration.ofHours(24)));
                });
        // Send again in the list: refused alike
        assertThatThrownBy(() -> fixtures.as(partner.legalEmail(), () -> partners.resendRequest(partner.partnerId(),
                id, Locale.ENGLISH))).isInstanceOfSatisfying(RuleViolation.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("partner.request.mailed-recently"));
        // the API: taken alike, nothing sent, the audit log says why
        fixtures.as(partner.legalEmail(), () -> partners.requestWhenMatching(partner.partnerId(),
                customer.customerNumber(), customer.managerEmail(), VIEW, Locale.ENGLISH));
        // withdrawing and asking anew does not start a new day either
        fixtures.as(partner.legalEmail(), () -> partners.withdrawRequest(partner.partnerId(), id));
        assertThatThrownBy(() -> prepare(partner, customer.customerNumber(), customer.managerEmail()))
                .isInstanceOf(InvalidInput.class);

        assertThat(outbox.to(customer.managerEmail())).hasSize(1);
        assertThat(summaries(partner.partnerId(), "DENIED"))
                .containsOnly("audit.summary.partner-request-not-mailed-again").hasSize(4);
        assertThat(jdbc.queryForObject("""
                select summary from audit_event where organization_id = ? and outcome = 'DENIED'
                order by id desc fetch first 1 rows only""", String.class, partner.partnerId()))
                .startsWith("Request to ").contains("not sent again: last sent at");

        // the list tells when it may be sent again
        clock.advance(Duration.ofHours(23));
        var listed = fixtures.as(partner.legalEmail(), () -> partners.sentRequests(partner.partnerId(), Set.of(),
                PageRequest.of(0, 10))).getContent();
        assertThat(listed).singleElement().satisfies(row -> {
            assertThat(row.mailedAt()).isEqualTo(sentAt);
            assertThat(row.mailAgainAt()).isNull();
        });
        send(partner, customer);
        assertThat(outbox.to(customer.managerEmail())).hasSize(2);
    }

    @Test
    void the_sent_requests_list_says_until_when_a_request_cannot_be_mailed_again() {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        Instant sentAt = mailedAt(send(partner, customer));
        clock.advance(Duration.ofHours(3));

        List<SentRequest> listed = fixtures.as(partner.legalEmail(), () -> partners.sentRequests(
                partner.partnerId(), Set.of(), PageRequest.of(0, 10))).getContent();
        assertThat(listed).singleElement().satisfies(row -> {
            assertThat(row.mailedAt()).isEqualTo(sentAt);
            assertThat(row.mailAgainAt()).isEqualTo(sentAt.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void guesses_sent_all_at_once_are_stopped_at_the_limit_as_if_they_came_one_after_another() throws Exception {
        TestPartner guesser = data.partner();
        TestCustomer target = data.independentCustomer(guesser);
        int attempts = LIMIT + 4;

        // half through the request form, half through the API's path, all let go at the same moment
        List<Throwable> outcomes = atOnce(attempts, i -> {
            String guess = "racing-" + i + "@example.test";
            if (i % 2 == 0) {
                prepare(guesser, target.customerNumber(), guess);
            } else {
                fixtures.as(guesser.legalEmail(), () -> partners.requestWhenMatching(guesser.partnerId(),
                        target.customerNumber(), guess, VIEW, Locale.ENGLISH));
            }
        });

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).as("only the limit's refusals")
                .satisfiesAnyOf(none -> assertThat(none).isNull(),
                        refusal -> assertThat(refusal).isInstanceOf(InvalidInput.class)));
        assertThat(outcomes).filteredOn(RequestsPaused.class::isInstance).hasSize(attempts - LIMIT);
        assertThat(jdbc.queryForObject("select count(*) from partner_request_mismatch where partner_id = ?",
                Integer.class, guesser.partnerId())).isEqualTo(LIMIT);
        assertThat(summaries(guesser.partnerId(), "DENIED"))
                .filteredOn("audit.summary.partner-request-no-match"::equals).hasSize(LIMIT);
        assertThat(summaries(guesser.partnerId(), "DENIED"))
                .filteredOn("audit.summary.partner-request-paused"::equals).hasSize(attempts - LIMIT);
    }

    @Test
    void the_right_request_sent_many_times_at_once_makes_one_request_and_one_mail_and_each_call_returns_alike()
            throws Exception {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        int attempts = 6;
        long partnerVersion = jdbc.queryForObject("select version from organization where id = ?", Long.class,
                partner.partnerId());

        List<Throwable> outcomes = atOnce(attempts, i -> fixtures.as(partner.legalEmail(),
                () -> partners.requestWhenMatching(partner.partnerId(), customer.customerNumber(),
                        customer.managerEmail(), VIEW, Locale.ENGLISH)));

        assertThat(outcomes).containsOnlyNulls();
        assertThat(jdbc.queryForList("select state from partner_relationship where partner_id = ?", String.class,
                partner.partnerId())).containsExactly("REQUESTED");
        assertThat(outbox.to(customer.managerEmail())).hasSize(1);
        assertThat(summaries(customer.customerId(), "SUCCESS"))
                .containsExactly("audit.summary.partner-relationship-requested");
        assertThat(summaries(partner.partnerId(), "DENIED"))
                .containsOnly("audit.summary.partner-request-not-mailed-again").hasSize(attempts - 1);
        // the lock is only a lock: the partner's version, which the provider suspends it at, is left alone
        assertThat(jdbc.queryForObject("select version from organization where id = ?", Long.class,
                partner.partnerId())).isEqualTo(partnerVersion);
    }

    @Test
    void two_drafts_of_one_request_sent_at_once_make_one_request_and_the_other_is_told_when_it_was_mailed()
            throws Exception {
        TestPartner partner = data.partner();
        TestCustomer customer = data.independentCustomer(partner);
        RequestDraft first = prepare(partner, customer.customerNumber(), customer.managerEmail());
        RequestDraft second = prepare(partner, customer.customerNumber(), customer.managerEmail());

        List<Throwable> outcomes = atOnce(2, i -> fixtures.as(partner.legalEmail(), () -> partners.sendRequest(
                partner.partnerId(), i == 0 ? first : second, RequestDelivery.KONTOR_MAILS, Locale.ENGLISH)));

        assertThat(outcomes).containsOnlyOnce((Throwable) null);
        assertThat(outcomes).filteredOn(java.util.Objects::nonNull).singleElement()
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("partner.request.mailed-recently"));
        assertThat(relationshipsOf(partner)).isOne();
        assertThat(outbox.to(customer.managerEmail())).hasSize(1);
        assertThat(summaries(customer.customerId(), "SUCCESS"))
                .containsExactly("audit.summary.partner-relationship-requested");
    }

    /**
     * Runs the attempts on threads of their own, let go at the same moment; each outcome is null (it returned) or
     * what it threw.
     */
    private static List<Throwable> atOnce(int attempts, java.util.function.IntConsumer attempt) throws Exception {
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors
                .newFixedThreadPool(attempts)) {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(attempts);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Throwable>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        attempt.accept(n);
                        return null;
                    } catch (RuntimeException thrown) {
                        return thrown;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Throwable> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Throwable> future : futures) {
                outcomes.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }

    private RequestDraft prepare(TestPartner partner, String number, String email) {
        return fixtures.as(partner.legalEmail(), () -> partners.prepareRequest(partner.partnerId(), number, email,
                VIEW, Locale.ENGLISH));
    }

    private long send(TestPartner partner, TestCustomer customer) {
        return fixtures.as(partner.legalEmail(), () -> partners.sendRequest(partner.partnerId(),
                partners.prepareRequest(partner.partnerId(), customer.customerNumber(), customer.managerEmail(),
                        VIEW, Locale.ENGLISH), RequestDelivery.KONTOR_MAILS, Locale.ENGLISH));
    }

    private Instant mailedAt(long relationshipId) {
        return jdbc.queryForObject("select request_mailed_at from partner_relationship where id = ?",
                java.time.OffsetDateTime.class, relationshipId).toInstant();
    }

    private int relationshipsOf(TestPartner partner) {
        return jdbc.queryForObject("select count(*) from partner_relationship where partner_id = ?", Integer.class,
                partner.partnerId());
    }

    private List<String> summaries(long organizationId, String outcome) {
        return jdbc.queryForList("""
                select summary_key from audit_event
                where organization_id = ? and outcome = ? and kind = 'RELATIONSHIP_REQUESTED' order by id""",
                String.class, organizationId, outcome);
    }
}
