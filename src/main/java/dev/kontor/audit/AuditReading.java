package dev.kontor.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one reader is told the audit log: the bundle's words in their language ({@code translate(key, arguments)}) and
 * a moment (an invitation's "valid until", say) as they read a time. Events keep moments as instants and words as
 * keys, so that each reader gets them in their own language and time.
 */
public record AuditReading(BiFunction<String, Object[], String> translate, Function<Instant, String> moments) {

    /** For a page: the reader's language, and moments as date and time in their locale and time zone, to the second. */
    public static AuditReading of(BiFunction<String, Object[], String> translate, Locale locale, ZoneId zone) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(zone);
        return new AuditReading(translate, format::format);
    }

    /**
     * For a record that is read by tools as well as people (the CSV export, the English sentence stored with each
     * event): moments in UTC, ISO 8601, to the second.
     */
    public static AuditReading record(BiFunction<String, Object[], String> translate) {
        return new AuditReading(translate, AuditReading::iso);
    }

    String word(String key, Object... arguments) {
        return translate.apply(key, arguments);
    }

    String moment(Instant at) {
        return moments.apply(at);
    }

    static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
