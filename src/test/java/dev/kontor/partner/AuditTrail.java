package dev.kontor.partner;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads audit events for assertions: outcome, summary and values, per organization. */
record AuditTrail(JdbcTemplate jdbc) {

    List<Event> of(String kind, long organizationId) {
        return jdbc.query("select outcome, summary, old_value, new_value from audit_event "
                        + "where kind = ? and organization_id = ? order by id",
                (rs, row) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                kind, organizationId);
    }

    /** Events of a kind that name no organization (e.g. a forged link), newest first. */
    List<Event> withoutOrganization(String kind) {
        return jdbc.query("select outcome, summary, old_value, new_value from audit_event "
                        + "where kind = ? and organization_id is null order by id desc",
                (rs, row) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), kind);
    }

    record Event(String outcome, String summary, String oldValue, String newValue) {
    }
}
