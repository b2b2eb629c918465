package dev.kontor.testing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the mail outbox table for tests: what was queued for whom, and the links inside. */
@TestComponent
public class Outbox {

    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/invitation/([A-Za-z0-9_-]+)");

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<QueuedMail> to(String recipient) {
        return jdbc.query("select recipient, subject, body from outgoing_mail where recipient = ? order by id",
                (rs, row) -> new QueuedMail(rs.getString(1), rs.getString(2), rs.getString(3)), recipient);
    }

    /** The token of the newest invitation link mailed to this address. */
    public String invitationTokenFor(String recipient) {
        List<QueuedMail> mails = to(recipient);
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher matcher = INVITATION_LINK.matcher(mails.get(i).body());
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No invitation link was mailed to " + recipient);
    }

    public record QueuedMail(String recipient, String subject, String body) {
    }
}
