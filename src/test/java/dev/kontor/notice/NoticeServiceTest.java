package dev.kontor.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.audit.AuditLog;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.contact.ContactRecipients;
import dev.kontor.contact.ContactType;
import dev.kontor.mail.MailOutbox;
import dev.kontor.notice.NoticeTestData.World;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NoticeServiceTest {

    @Autowired
    PlatformNotices notices;

    @Autowired
    NoticeFanOut fanOut;

    @Autowired
    PlatformNoticeRepository repository;

    @Autowired
    OrganizationAccess access;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    NoticeTestData data;
    World world;

    @BeforeEach
    void freshProvider() {
        data = new NoticeTestData(onboarding, fixtures, jdbc);
        world = data.provider();
    }

    @Test
    void support_managers_partners_and_tenant_administrators_are_refused_and_every_refusal_is_audited() {
        data.contact(world.providerId(), world.email("someone"), ContactType.TECHNICAL);
        for (String person : List.of(DemoPeople.SUPPORT, DemoPeople.ANNA, DemoPeople.LEGAL, DemoPeople.PARTNER_ADMIN,
                DemoPeople.EMPLOYEE, "tom@sonnenschein.test")) {
            long before = refusalsOf(person);

            assertThatThrownBy(() -> fixtures.as(person, () -> notices.send(ContactType.TECHNICAL, "Maintenance",
                    "Tonight.", NoticeAudience.everyone(), Locale.ENGLISH))).isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> fixtures.as(person, () -> notices.recent(PageRequest.of(0, 10))))
                    .isInstanceOf(AccessRefused.class);

            assertThat(refusalsOf(person)).as(person).isEqualTo(before + 2);
        }
        assertThat(jdbc.queryForObject("select count(*) from platform_notice where provider_id = ?", Integer.class,
                world.providerId())).isZero();
    }

    @Test
    void support_stays_read_only_and_the_provider_administrator_holds_every_right_in_the_provider_only() {
        long demoProvider = jdbc.queryForObject("select id from organization where name = 'Kontor Platform'",
                Long.class);
        long partner = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);
        long tenant = jdbc.queryForObject("select id from organization where name = 'Muster Vorlagen'", Long.class);

        assertThat(fixtures.as(DemoPeople.SUPPORT, () -> access.rightsIn(demoProvider)))
                .containsExactly(OrganizationRight.VIEW);
        assertThat(fixtures.as("operator@kontor.test", () -> access.rightsIn(demoProvider)))
                .containsExactlyInAnyOrder(OrganizationRight.values());
        assertThat(fixtures.as("operator@kontor.test", () -> access.rightsIn(partner))).isEmpty();
        assertThat(fixtures.as("operator@kontor.test", () -> access.rightsIn(tenant))).isEmpty();
    }

    @Test
    void the_service_checks_every_field() {
        data.contact(world.providerId(), world.email("someone"), ContactType.TECHNICAL);

        assertRefused(null, "Subject", "Text", NoticeAudience.everyone(), "kind", "validation.required");
        assertRefused(ContactType.TECHNICAL, "  ", "Text", NoticeAudience.everyone(), "subject",
                "validation.required");
        assertRefused(ContactType.TECHNICAL, "x".repeat(201), "Text", NoticeAudience.everyone(), "subject",
                "validation.too-long");
        assertRefused(ContactType.TECHNICAL, "<b>Maintenance</b>", "Text", NoticeAudience.everyone(), "subject",
                "validation.no-markup");
        assertRefused(ContactType.TECHNICAL, "Two\nlines", "Text", NoticeAudience.everyone(), "subject",
                "notice.subject.one-line");
        assertRefused(ContactType.TECHNICAL, "Subject", " ", NoticeAudience.everyone(), "body",
                "validation.required");
        assertRefused(ContactType.TECHNICAL, "Subject", "x".repeat(10_001), NoticeAudience.everyone(), "body",
                "validation.too-long");
        assertRefused(ContactType.TECHNICAL, "Subject", "Text", NoticeAudience.typed(" ", "\n"), "audience",
                "notice.audience.empty");
        assertRefused(ContactType.TECHNICAL, "Subject", "Text", NoticeAudience.typed("CN-99999999999", ""),
                "customerNumbers", "notice.audience.unknown-customer");
        assertRefused(ContactType.TECHNICAL, "Subject", "Text", NoticeAudience.typed("banana", ""),
                "customerNumbers", "notice.audience.unknown-customer");
        // a customer of another provider is not in this provider's tree
        assertRefused(ContactType.TECHNICAL, "Subject", "Text", NoticeAudience.typed("CN-10001", ""),
                "customerNumbers", "notice.audience.unknown-customer");
        assertRefused(ContactType.TECHNICAL, "Subject", "Text", NoticeAudience.typed("", "Muster Hosting GmbH"),
                "partnerNames", "notice.audience.unknown-partner");
        assertRefused(ContactType.BILLING, "Subject", "Text", NoticeAudience.everyone(), "audience",
                "notice.audience.nobody.BILLING");

        // the body is plain text for a plain-text mail: angle brackets are fine there, and 10,000 characters too
        NoticeStatus queued = fixtures.as(world.adminEmail(), () -> notices.send(ContactType.TECHNICAL,
                "Maintenance", "Latency < 5 ms " + "x".repeat(9_985), NoticeAudience.everyone(), Locale.ENGLISH));
        assertThat(queued.state()).isEqualTo(NoticeState.QUEUED);
        assertThat(queued.total()).isEqualTo(1);
    }

    @Test
    void a_notice_goes_once_to_exactly_the_contacts_of_its_kind_with_a_delivery_record_each() {
        Organization partner = data.partner(world, "Partner");
        Organization customer = data.customer(partner.getId(), "Customer " + world.tag());
        Organization tenant = data.tenant(customer.getId(), "Tenant");
        Organization direct = data.customer(world.providerId(), "Direct " + world.tag());
        String both = world.email("both");
        data.contact(partner.getId(), both, "Berta", "Both", ContactType.TECHNICAL);
        data.contact(customer.getId(), both, "Berta", "Both", ContactType.TECHNICAL, ContactType.BILLING);
        data.contact(tenant.getId(), both, "Berta", "Both", ContactType.TECHNICAL);
        String tech = data.contact(tenant.getId(), world.email("tech"), "Theo", "Tech", ContactType.TECHNICAL);
        String direct1 = data.contact(direct.getId(), world.email("direct"), ContactType.TECHNICAL,
                ContactType.BUSINESS);
        data.contact(customer.getId(), world.email("billing"), ContactType.BILLING);
        data.contact(direct.getId(), world.email("business"), ContactType.BUSINESS);

        NoticeStatus queued = send(ContactType.TECHNICAL, NoticeAudience.everyone());
        assertThat(queued.total()).isEqualTo(3);
        sendAll(queued.id());

        assertThat(data.deliveredTo(queued.id())).containsExactly(both, direct1, tech);
        assertThat(data.mailedTo(queued.id())).containsExactly(both, direct1, tech);
        NoticeStatus sent = fixtures.as(world.adminEmail(), () -> notices.status(queued.id()));
        assertThat(sent.state()).isEqualTo(NoticeState.SENT);
        assertThat(sent.sent()).isEqualTo(3);
        assertThat(sent.total()).isEqualTo(3);

        String body = data.mailBodyTo(queued.id(), both);
        assertThat(body).startsWith("Hello Berta Both,\n\nThe platform is down tonight.\n")
                .contains("You receive this because you are a technical contact of ")
                .contains("and 2 other organizations.");
        assertThat(data.mailBodyTo(queued.id(), tech))
                .contains("You receive this because you are a technical contact of Tenant.");
        assertThat(jdbc.queryForObject("select subject from outgoing_mail where idempotency_key = ?", String.class,
                NoticeMails.idempotencyKey(queued.id(), tech))).isEqualTo("Maintenance tonight");

        // running the worker again (as after a crash or on a second instance) mails nobody twice
        sendAll(queued.id());
        fanOut.work();
        assertThat(data.mailedTo(queued.id())).hasSize(3);
        assertThat(data.deliveredTo(queued.id())).hasSize(3);
    }

    @Test
    void the_sending_is_audited_and_listed_for_the_provider_only() {
        data.contact(world.providerId(), world.email("someone"), ContactType.BUSINESS);
        NoticeStatus queued = send(ContactType.BUSINESS, NoticeAudience.everyone());
        sendAll(queued.id());

        assertThat(jdbc.queryForList("select kind from audit_event where organization_id = ? and kind like 'NOTICE%' "
                + "order by id", String.class, world.providerId()))
                .containsExactly("NOTICE_SENT", "NOTICE_FAN_OUT_FINISHED");
        assertThat(jdbc.queryForObject("select actor_email from audit_event where organization_id = ? "
                + "and kind = 'NOTICE_SENT'", String.class, world.providerId())).isEqualTo(world.adminEmail());
        assertThat(fixtures.as(world.adminEmail(), () -> notices.recent(PageRequest.of(0, 10))))
                .extracting(NoticeStatus::id).containsExactly(queued.id());
        World other = data.provider();
        assertThat(fixtures.as(other.adminEmail(), () -> notices.recent(PageRequest.of(0, 10)))).isEmpty();
        assertThatThrownBy(() -> fixtures.as(other.adminEmail(), () -> notices.status(queued.id())))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void a_chosen_partner_means_its_whole_tree_and_a_chosen_customer_its_tenants() {
        Organization partner = data.partner(world, "Chosen");
        Organization partnerTenant = data.tenant(partner.getId(), "Partner templates");
        Organization customer = data.customer(partner.getId(), "Customer A " + world.tag());
        Organization customerTenant = data.tenant(customer.getId(), "Shop");
        Organization subTenant = data.tenant(customerTenant.getId(), "Shop Cafe");
        Organization otherPartner = data.partner(world, "Other");
        Organization otherCustomer = data.customer(otherPartner.getId(), "Customer B " + world.tag());
        Organization otherTenant = data.tenant(otherCustomer.getId(), "Branch");
        Organization direct = data.customer(world.providerId(), "Direct " + world.tag());
        List<String> inPartnerTree = List.of(
                data.contact(partner.getId(), world.email("p"), ContactType.BILLING),
                data.contact(partnerTenant.getId(), world.email("pt"), ContactType.BILLING),
                data.contact(customer.getId(), world.email("c"), ContactType.BILLING),
                data.contact(customerTenant.getId(), world.email("ct"), ContactType.BILLING),
                data.contact(subTenant.getId(), world.email("st"), ContactType.BILLING));
        String other = data.contact(otherPartner.getId(), world.email("o"), ContactType.BILLING);
        String otherCustomerContact = data.contact(otherCustomer.getId(), world.email("oc"), ContactType.BILLING);
        String otherTenantContact = data.contact(otherTenant.getId(), world.email("ot"), ContactType.BILLING);
        String directContact = data.contact(direct.getId(), world.email("d"), ContactType.BILLING);
        // a contact of another provider's organization is never reached
        data.contact(data.provider().providerId(), world.email("foreign"), ContactType.BILLING);

        NoticeStatus toPartner = send(ContactType.BILLING, NoticeAudience.typed("", "  chosen " + world.tag()
                .toUpperCase(Locale.ROOT) + "  "));
        NoticeStatus toCustomer = send(ContactType.BILLING, NoticeAudience.typed(
                otherCustomer.getCustomerNumber().orElseThrow().value().toLowerCase(Locale.ROOT), ""));
        NoticeStatus toBoth = send(ContactType.BILLING, NoticeAudience.typed(
                direct.getCustomerNumber().orElseThrow().value() + ", " + direct.getCustomerNumber().orElseThrow()
                        .value(), partner.getName() + "\n" + otherPartner.getName()));
        NoticeStatus toAll = send(ContactType.BILLING, NoticeAudience.everyone());
        List.of(toPartner, toCustomer, toBoth, toAll).forEach(n -> sendAll(n.id()));

        assertThat(data.mailedTo(toPartner.id())).containsExactlyInAnyOrderElementsOf(inPartnerTree);
        assertThat(toPartner.audienceLabel()).isEqualTo(partner.getName());
        assertThat(data.mailedTo(toCustomer.id())).containsExactlyInAnyOrder(otherCustomerContact,
                otherTenantContact);
        assertThat(toCustomer.audienceLabel()).isEqualTo(otherCustomer.getCustomerNumber().orElseThrow().value());
        assertThat(data.mailedTo(toBoth.id())).hasSize(9).contains(directContact, other)
                .containsAll(inPartnerTree);
        assertThat(data.mailedTo(toAll.id())).hasSize(9).doesNotContain(world.email("foreign"));
        assertThat(toAll.forAll()).isTrue();
    }

    @Test
    void a_notice_resumes_at_its_cursor_after_a_restart_and_is_written_in_its_language() {
        for (int i = 0; i < 5; i++) {
            data.contact(world.providerId(), world.email("r" + i), "Rita", "Resume", ContactType.TECHNICAL);
        }
        NoticeStatus queued = fixtures.as(world.adminEmail(), () -> notices.send(ContactType.TECHNICAL,
                "Wartung heute Nacht", "Die Plattform ist heute Nacht nicht erreichbar.", NoticeAudience.everyone(),
                Locale.GERMANY));
        NoticeFanOut smallBatches = new NoticeFanOut(repository, recipients, deliveries, mails, outbox, auditLog,
                clock, transactions, 2, Duration.ofSeconds(30), callers);

        Boolean more = new TransactionTemplate(transactions)
                .execute(status -> smallBatches.nextBatch(queued.id()));
        assertThat(more).isTrue();
        NoticeStatus halfway = fixtures.as(world.adminEmail(), () -> notices.status(queued.id()));
        assertThat(halfway.state()).isEqualTo(NoticeState.SENDING);
        assertThat(halfway.sent()).isEqualTo(2);
        assertThat(data.deliveredTo(queued.id())).containsExactly(world.email("r0"), world.email("r1"));

        // "restart": another worker takes over from the cursor
        NoticeFanOut afterRestart = new NoticeFanOut(repository, recipients, deliveries, mails, outbox, auditLog,
                clock, transactions, 2, Duration.ofSeconds(30), callers);
        afterRestart.drain(queued.id(), Duration.ofSeconds(30));

        assertThat(data.deliveredTo(queued.id())).hasSize(5).doesNotHaveDuplicates();
        assertThat(data.mailedTo(queued.id())).hasSize(5).doesNotHaveDuplicates();
        assertThat(fixtures.as(world.adminEmail(), () -> notices.status(queued.id())).state())
                .isEqualTo(NoticeState.SENT);
        assertThat(data.mailBodyTo(queued.id(), world.email("r3"))).startsWith("Guten Tag Rita Resume,")
                .contains("Sie erhalten diese Nachricht, weil Sie als technischer Kontakt von Notice provider");
    }

    @Test
    void a_failed_batch_is_rolled_back_audited_and_tried_again_later_each_time_after_a_longer_pause() {
        data.contact(world.providerId(), world.email("patient"), ContactType.TECHNICAL);
        NoticeStatus queued = send(ContactType.TECHNICAL, NoticeAudience.everyone());
        MailOutbox failingOutbox = Mockito.mock(MailOutbox.class);
        Mockito.when(failingOutbox.enqueueAll(ArgumentMatchers.any()))
                .thenThrow(new DataAccessResourceFailureException("outbox table unavailable"));
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        NoticeFanOut failing = new NoticeFanOut(repository, recipients, deliveries, mails, failingOutbox, auditLog,
                Clock.fixed(now, ZoneOffset.UTC), transactions, 500, Duration.ofSeconds(30), callers);

        failing.drain(queued.id(), Duration.ofSeconds(30));

        NoticeStatus stalled = fixtures.as(world.adminEmail(), () -> notices.status(queued.id()));
        assertThat(stalled.stalled()).isTrue();
        assertThat(stalled.failedAttempts()).isEqualTo(1);
        assertThat(stalled.retryAt()).isEqualTo(now.plusSeconds(30));
        assertThat(stalled.sent()).isZero();
        assertThat(data.deliveredTo(queued.id())).isEmpty();
        assertThat(repository.findDue(now.plusSeconds(29))).doesNotContain(queued.id());
        assertThat(repository.findDue(now.plusSeconds(30))).contains(queued.id());
        assertThat(jdbc.queryForObject("select outcome from audit_event where organization_id = ? "
                + "and kind = 'NOTICE_FAN_OUT_FAILED'", String.class, world.providerId())).isEqualTo("FAILED");

        failing.drain(queued.id(), Duration.ofSeconds(30));
        assertThat(fixtures.as(world.adminEmail(), () -> notices.status(queued.id())).retryAt())
                .isEqualTo(now.plusSeconds(60));

        sendAll(queued.id());
        NoticeStatus sent = fixtures.as(world.adminEmail(), () -> notices.status(queued.id()));
        assertThat(sent.state()).isEqualTo(NoticeState.SENT);
        assertThat(sent.stalled()).isFalse();
        assertThat(sent.retryAt()).isNull();
        assertThat(data.mailedTo(queued.id())).containsExactly(world.email("patient"));
    }

    @Test
    void the_pause_after_failed_batches_doubles_up_to_half_an_hour() {
        PlatformNotice notice = new PlatformNotice(1, ContactType.BILLING, "s", "b", "en", java.util.Set.of(), null,
                0, 1, Instant.EPOCH);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        List<Duration> pauses = java.util.stream.IntStream.range(0, 9)
                .mapToObj(i -> Duration.between(now, notice.failed(now))).toList();

        assertThat(pauses).extracting(Duration::toSeconds)
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1800L, 1800L, 1800L);
    }

    @Autowired
    ContactRecipients recipients;

    @Autowired
    dev.kontor.user.Callers callers;

    @Autowired
    NoticeDeliveries deliveries;

    @Autowired
    NoticeMails mails;

    @Autowired
    MailOutbox outbox;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    private NoticeStatus send(ContactType kind, NoticeAudience audience) {
        return fixtures.as(world.adminEmail(), () -> notices.send(kind, "Maintenance tonight",
                "The platform is down tonight.", audience, Locale.ENGLISH));
    }

    /** Runs the background fan-out until the notice is sent. */
    private void sendAll(long noticeId) {
        for (int round = 0; round < 100; round++) {
            fanOut.drain(noticeId, Duration.ofMinutes(5));
            if (repository.findById(noticeId).orElseThrow().getState() == NoticeState.SENT) {
                return;
            }
        }
        throw new AssertionError("Notice " + noticeId + " was not sent");
    }

    private void assertRefused(ContactType kind, String subject, String body, NoticeAudience audience, String field,
                               String key) {
        assertThatThrownBy(() -> fixtures.as(world.adminEmail(), () -> notices.send(kind, subject, body, audience,
                Locale.ENGLISH)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo(field);
                    assertThat(refusal.messageKey()).isEqualTo(key);
                });
    }

    private long refusalsOf(String email) {
        return jdbc.queryForObject("select count(*) from audit_event where kind = 'NOTICE_REFUSED' "
                + "and outcome = 'DENIED' and actor_email = ?", Long.class, email);
    }
}
