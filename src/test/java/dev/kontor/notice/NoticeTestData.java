package dev.kontor.notice;

import dev.kontor.user.TestTasks;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A provider of its own with a provider administrator, organizations below it and contacts in them, so that a test
 * counts exactly its own recipients although the test database is shared.
 */
public final class NoticeTestData {

    private final OrganizationOnboarding onboarding;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    public NoticeTestData(OrganizationOnboarding onboarding, Fixtures fixtures, JdbcTemplate jdbc) {
        this.onboarding = onboarding;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    /** A new provider and its administrator (who signs in with the fixture password). */
    public World provider() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String admin = fixtures.person("Operator");
        long adminId = fixtures.userIdOf(admin);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Notice provider " + tag);
        onboarding.grant(TestTasks.setUp(), adminId, provider.getId(), MembershipRole.PROVIDER_ADMINISTRATOR);
        return new World(provider.getId(), admin, tag);
    }

    public Organization partner(World world, String name) {
        return onboarding.createPartner(TestTasks.setUp(), name + " " + world.tag(), world.providerId());
    }

    public Organization customer(long parentId, String name) {
        return onboarding.createCustomer(TestTasks.setUp(), name, parentId);
    }

    public Organization tenant(long parentId, String name) {
        return onboarding.createTenant(TestTasks.setUp(), name, parentId);
    }

    /** A contact (without access) of the organization with these types; returns the address. */
    public String contact(long organizationId, String email, ContactType... types) {
        return contact(organizationId, email, "First", "Last", types);
    }

    public String contact(long organizationId, String email, String firstName, String lastName,
                          ContactType... types) {
        Set<ContactType> kinds = Set.copyOf(Arrays.asList(types));
        jdbc.update("insert into contact (organization_id, first_name, last_name, email, billing, technical, "
                        + "business, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", organizationId, firstName,
                lastName, email, kinds.contains(ContactType.BILLING), kinds.contains(ContactType.TECHNICAL),
                kinds.contains(ContactType.BUSINESS), Timestamp.from(Instant.now()));
        return email;
    }

    /** The addresses with a delivery record of the notice. */
    public List<String> deliveredTo(long noticeId) {
        return jdbc.queryForList("select email from notice_delivery where notice_id = ? order by email",
                String.class, noticeId);
    }

    /** The recipients of the notice's mails in the outbox (one entry per mail). */
    public List<String> mailedTo(long noticeId) {
        return jdbc.queryForList("select recipient from outgoing_mail where idempotency_key like ? order by recipient",
                String.class, "notice:" + noticeId + ":%");
    }

    public String mailBodyTo(long noticeId, String recipient) {
        return jdbc.queryForObject("select body from outgoing_mail where idempotency_key like ? and recipient = ?",
                String.class, "notice:" + noticeId + ":%", recipient);
    }

    /** Runs the background fan-out (as the scheduler would) until the notice is sent. */
    public static void sendAll(org.springframework.context.ApplicationContext context, long noticeId) {
        NoticeFanOut fanOut = context.getBean(NoticeFanOut.class);
        PlatformNoticeRepository notices = context.getBean(PlatformNoticeRepository.class);
        for (int round = 0; round < 100; round++) {
            fanOut.drain(noticeId, java.time.Duration.ofMinutes(5));
            if (notices.findById(noticeId).orElseThrow().getState() == NoticeState.SENT) {
                return;
            }
        }
        throw new AssertionError("Notice " + noticeId + " was not sent");
    }

    /** A provider of a test, its administrator's e-mail address and the tag in its names. */
    public record World(long providerId, String adminEmail, String tag) {

        public String email(String local) {
            return local + "-" + tag + "@notice.test";
        }
    }
}
