package dev.kontor.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delivery records: one row per notice and recipient address, written in one JDBC batch with the batch's mails
 * (in the caller's transaction). The primary key (notice, address) refuses a second row for the same person.
 */
@Component
class NoticeDeliveries {

    private final JdbcTemplate jdbc;

    NoticeDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long noticeId, List<Delivery> deliveries, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO notice_delivery (notice_id, email, idempotency_key, created_at) "
                        + "VALUES (?, ?, ?, ?)", deliveries, deliveries.size(), (statement, delivery) -> {
                    statement.setLong(1, noticeId);
                    statement.setString(2, delivery.email());
                    statement.setString(3, delivery.idempotencyKey());
                    statement.setTimestamp(4, at);
                });
    }

    /** One recipient of a notice and the key of the mail sent to them. */
    record Delivery(String email, String idempotencyKey) {
    }
}
