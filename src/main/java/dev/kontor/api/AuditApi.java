package dev.kontor.api;

import dev.kontor.audit.AuditFilter;
import dev.kontor.audit.AuditOutcome;
import dev.kontor.audit.AuditQueries;
import dev.kontor.audit.AuditRow;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The token's own organization's audit log, newest first, as its legal representatives or administrators read it. */
@ApiErrors
@RestController
class AuditApi {

    private static final String EVENTS = "audit";

    private final AuditQueries audit;
    private final com.vaadin.flow.i18n.I18NProvider texts;

    AuditApi(AuditQueries audit, com.vaadin.flow.i18n.I18NProvider texts) {
        this.audit = audit;
        this.texts = texts;
    }

    /**
     * One event: who (a person's address, "API token … of …", or "Someone outside your organization" for a refusal
     * of a stranger), on whose behalf, what, where, when.
     */
    record AuditItem(long id, Instant occurredAt, String kind, AuditOutcome outcome, String actor, String onBehalfOf,
                     String organization, String customerNumber, String summary, String oldValue, String newValue) {

        /**
         * The row in English as the CSV export says it: people and organizations by name (never a stored id), in
         * the words of the summary's key.
         */
        static AuditItem of(AuditRow row, java.util.function.BiFunction<String, Object[], String> english) {
            return new AuditItem(row.id(), row.occurredAt(), row.kind(), row.outcome(), row.actorAsRecorded(english),
                    row.onBehalfOf(), row.organization(), row.customerNumber(), row.summaryIn(english),
                    row.oldValueIn(english), row.newValueIn(english));
        }
    }

    @GetMapping("/api/v1/audit-events")
    @ApiResponse(responseCode = "200", description = "One page and the cursor of the next (null on the last)",
            useReturnTypeSchema = true)
    ApiPage<AuditItem> events(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                              Instant from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                              Instant to,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) Integer limit) {
        int size = ApiCursor.limit(limit);
        long before = cursor == null ? Long.MAX_VALUE : ApiCursor.position(EVENTS, cursor);
        List<AuditRow> rows = audit.rowsBefore(new AuditFilter(from, to, "", "", ""), before, size + 1);
        return new ApiPage<>(rows.stream().limit(size).map(row -> AuditItem.of(row,
                        (key, arguments) -> texts.getTranslation(key, java.util.Locale.ENGLISH, arguments))).toList(),
                rows.size() > size ? ApiCursor.of(EVENTS, rows.get(size - 1).id()) : null);
    }
}
