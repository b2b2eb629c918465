package dev.kontor.notice;

import dev.kontor.contact.ContactType;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The notice fan-out's package-private parts, for the tests that run several nodes (in another package). */
public final class NoticeJobs {

    public static final String FINISHED = NoticeFanOut.NOTICE_FAN_OUT_FINISHED;

    private NoticeJobs() {
    }

    /** A new provider with {@code contacts} technical contacts and a notice to all of them, queued. */
    public static Queued queuedNotice(ApplicationContext node, int contacts) {
        Fixtures fixtures = node.getBean(Fixtures.class);
        NoticeTestData data = new NoticeTestData(node.getBean(OrganizationOnboarding.class), fixtures,
                node.getBean(JdbcTemplate.class));
        NoticeTestData.World world = data.provider();
        for (int i = 0; i < contacts; i++) {
            data.contact(world.providerId(), world.email("contact" + i), ContactType.TECHNICAL);
        }
        NoticeStatus queued = fixtures.as(world.adminEmail(), () -> node.getBean(PlatformNotices.class)
                .send(ContactType.TECHNICAL, "Maintenance tonight", "The platform is down from 22:00.",
                        NoticeAudience.everyone(), Locale.ENGLISH));
        return new Queued(queued.id(), world.providerId());
    }

    /** The scheduled run, as the node's scheduler runs it: only while this node holds the job lock. */
    public static void workOnSchedule(ApplicationContext node) {
        node.getBean(NoticeFanOut.class).work();
    }

    /** Works on the notice batch after batch, past the job lock (only the notice's row lock keeps nodes apart). */
    public static void drain(ApplicationContext node, long noticeId) {
        node.getBean(NoticeFanOut.class).drain(noticeId, Duration.ofSeconds(30));
    }

    /** One batch, in the caller's transaction; whether there may be more. */
    public static boolean nextBatch(ApplicationContext node, long noticeId) {
        return node.getBean(NoticeFanOut.class).nextBatch(noticeId);
    }

    public record Queued(long noticeId, long providerId) {
    }
}
