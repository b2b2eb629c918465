package dev.kontor.audit;

import dev.kontor.user.Callers;
import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.TextRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for people: support reads everything, managers and administrators their own organizations.
 * Filters and pages run in the database, and the people and organizations a page names are looked up for the page
 * at once; the CSV export walks the current filter a page at a time, so that a long log is never held in memory.
 */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    static final int EXPORT_PAGE = 500;
    /**
     * Stands for the organizations of a reader of everything, whom the statements do not limit by organization (an
     * empty list cannot be bound). Never used to limit a reader: a refused attempt is audited with the id that was
     * asked for, which may be any number, so a reader of no organization gets no statement at all.
     */
    private static final Set<Long> IGNORED = Set.of(-1L);

    private final AuditLogDirectory events;
    private final AuditReadScope scope;
    private final AuditNameLookup names;
    private final I18NProvider texts;

    private final Callers callers;

    AuditQueries(AuditLogDirectory events, AuditReadScope scope, AuditNameLookup names, I18NProvider texts, Callers callers) {
        this.callers = callers;
        this.events = events;
        this.scope = scope;
        this.names = names;
        this.texts = texts;
    }

    public boolean readsEverything() {
        return scope.readsEverything();
    }

    /**
     * The kinds of event the caller's own log holds, for its filter: an organization's reader is offered only what
     * their log can show them (no sign-in throttling to a manager). Empty for a reader of everything, whose filter
     * offers every kind (and whom a look through the whole log for its kinds would keep waiting).
     */
    public Set<String> kindsInOwnLog() {
        callers.requirePerson();
        if (scope.readsEverything()) {
            return Set.of();
        }
        Set<Long> readable = scope.readableOrganizations();
        if (readable.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(events.findKinds(scope.seesOutsiders(), readable));
    }

    public List<AuditRow> rows(AuditFilter filter, Pageable pageable) {
        callers.requirePerson();
        boolean everything = scope.readsEverything();
        Set<Long> readable = everything ? IGNORED : scope.readableOrganizations();
        if (!isPlain(filter) || readable.isEmpty()) {
            return List.of();
        }
        boolean outsiders = everything || scope.seesOutsiders();
        return named(outsiders, events.findRows(from(filter), to(filter), Long.MAX_VALUE, everything, outsiders,
                readable, like(filter.actor()), folded(filter.actor()), like(filter.organization()),
                exactKind(filter.kind()), PageRequest.of(pageable.getPageNumber(), pageable.getPageSize())));
    }

    /**
     * As {@link #rows}, the {@code limit} newest events older than the event {@code beforeId}: a keyset page, for
     * clients that walk the log while it grows (the API).
     */
    public List<AuditRow> rowsBefore(AuditFilter filter, long beforeId, int limit) {
        callers.requirePerson();
        boolean everything = scope.readsEverything();
        Set<Long> readable = everything ? IGNORED : scope.readableOrganizations();
        if (!isPlain(filter) || readable.isEmpty()) {
            return List.of();
        }
        boolean outsiders = everything || scope.seesOutsiders();
        return named(outsiders, events.findRows(from(filter), to(filter), beforeId, everything, outsiders, readable,
                like(filter.actor()), folded(filter.actor()), like(filter.organization()), exactKind(filter.kind()),
                PageRequest.of(0, Math.max(1, Math.min(limit, EXPORT_PAGE)))));
    }

    /**
     * The page with its people and organizations named; a refusal of someone outside the organization withheld first
     * from a reader who may not learn who it was, so that their name is not even looked up.
     */
    private List<AuditRow> named(boolean outsiders, List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<AuditRow> told = outsiders ? rows : rows.stream()
                .map(row -> row.actorOutside() ? row.withheldFromOrganization() : row).toList();
        AuditNames found = names.namesIn(told);
        return told.stream().map(row -> row.withNames(found)).toList();
    }

    public long count(AuditFilter filter) {
        callers.requirePerson();
        boolean everything = scope.readsEverything();
        Set<Long> readable = everything ? IGNORED : scope.readableOrganizations();
        if (!isPlain(filter) || readable.isEmpty()) {
            return 0;
        }
        return events.countRows(from(filter), to(filter), everything, everything || scope.seesOutsiders(), readable,
                like(filter.actor()), folded(filter.actor()), like(filter.organization()), exactKind(filter.kind()));
    }

    /**
     * Writes every row of the filter as CSV (UTF-8 text, a header line in the reader's language, RFC 4180 quoting,
     * separated as the reader's spreadsheet expects: ";" in German, "," in English).
     */
    public void exportCsv(AuditFilter requested, Writer out, Locale language) {
        // events that arrive while the export runs would shift the pages: the export ends where it started
        AuditFilter filter = new AuditFilter(requested.from(),
                requested.to() == null || requested.to().isAfter(Instant.now()) ? Instant.now() : requested.to(),
                requested.actor(), requested.organization(), requested.kind());
        try (CSVPrinter csv = new CSVPrinter(out, dev.kontor.base.CsvCells.format(language, headers(language,
                "id", "time", "kind", "outcome", "actor", "on-behalf-of", "organization", "customer-number", "summary",
                "old-value", "new-value", "address")))) {
            // page by page along the ids (a keyset): each page is found through the index at once, where an
            // offset would make the database skip every row before it again (100,000 rows: 200 pages)
            for (long before = Long.MAX_VALUE; ; ) {
                List<AuditRow> rows = rowsBefore(filter, before, EXPORT_PAGE);
                for (AuditRow row : rows) {
                    csv.printRecord(row.id(), row.occurredAt(), row.kind(), row.outcome(),
                            neutralized(row.actorAsRecorded(this::english)), neutralized(row.onBehalfOf()),
                            neutralized(row.organization()), row.customerNumber(),
                            neutralized(row.summaryIn(this::english)), neutralized(row.oldValueIn(this::english)),
                            neutralized(row.newValueIn(this::english)), neutralized(row.remoteAddress()));
                }
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
                before = rows.getLast().id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV export could not be written", e);
        }
    }

    /** The column headings in the reader's language, as the grid's are. */
    private String[] headers(Locale language, String... columns) {
        return java.util.Arrays.stream(columns)
                .map(column -> texts.getTranslation("audit.csv." + column, language == null ? Locale.ENGLISH : language))
                .toArray(String[]::new);
    }

    /**
     * The rows' sentences are a record for tickets and auditors: in English, whoever exports it; only the headings,
     * which a person reads to find a column, follow the reader's language.
     */
    private String english(String key, Object[] arguments) {
        return texts.getTranslation(key, Locale.ENGLISH, arguments);
    }

    static String neutralized(String value) {
        return dev.kontor.base.CsvCells.neutralized(value);
    }

    private static Instant from(AuditFilter filter) {
        return filter.from() == null ? Instant.EPOCH : filter.from();
    }

    private static Instant to(AuditFilter filter) {
        return filter.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : filter.to();
    }

    /** A kind is chosen from the list, by its code; none means every kind. */
    private static String exactKind(String kind) {
        return kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
    }

    /** Nothing stored holds hidden characters, and a NUL would not even reach PostgreSQL: such a filter finds nothing. */
    private static boolean isPlain(AuditFilter filter) {
        return TextRules.isPlainLine(filter.actor()) && TextRules.isPlainLine(filter.organization())
                && TextRules.isPlainLine(filter.kind());
    }

    /** Part of a person's name, folded as their search key is ("Mueller" finds "Müller"). */
    private static String folded(String text) {
        return "%" + dev.kontor.base.SearchKeys.fold(text).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    private static String like(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
