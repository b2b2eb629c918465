package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * How the pages show a moment: in the time zone of the browser that shows it, which Vaadin's client tells the server
 * when the page starts (the extended client details). A page whose browser did not tell its zone shows Kontor's own
 * zone and names it with every time, so that no time is read in a zone it was not meant in. Mails, which have no
 * browser, use Kontor's zone and name it too (a long date and time in Java's formats carries the zone's name).
 */
public final class Moments {

    /** Kontor's own zone: mails, and pages whose browser did not tell its zone. */
    public static final ZoneId KONTOR_ZONE = ZoneId.of("Europe/Berlin");

    private Moments() {
    }

    /** The zone this page shows moments in. */
    public static ZoneId zone() {
        return browserZone().orElse(KONTOR_ZONE);
    }

    /** The browser's own zone, when its page told it. */
    static Optional<ZoneId> browserZone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return Optional.empty();
        }
        String id = ui.getPage().getExtendedClientDetails().getTimeZoneId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknownToJava) {
            return Optional.empty();
        }
    }

    /** A moment to the second, in the browser's zone; with the zone's name when it is not the browser's. */
    public static String dateTime(Instant instant, Locale locale) {
        return withZone(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM), instant, locale);
    }

    /** A moment to the minute, as {@link #dateTime}. */
    public static String shortDateTime(Instant instant, Locale locale) {
        return withZone(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT), instant, locale);
    }

    /**
     * The pattern of a day as the date pickers show and read it: the language's short numeric date with the year in
     * full (12/31/2026, 31.12.2026). A picker understands no month names, so a list beside a picker shows its days in
     * this pattern too (see {@link #dayAndTimeNamingZone}): the day chosen and the day listed then look alike.
     */
    public static String datePattern(Locale locale) {
        return fullYear(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale));
    }

    /**
     * A moment to the minute in the browser's zone, with the day as {@link #datePattern} writes it and always with
     * the zone's name: for a deadline chosen in a date picker as the end of a day, which a reader in another zone
     * would otherwise take for their own day's end.
     */
    public static String dayAndTimeNamingZone(Instant instant, Locale locale) {
        ZoneId zone = zone();
        return dayAndTime(locale).withZone(zone).format(instant) + " "
                + DateTimeFormatter.ofPattern("zzz", locale).withZone(zone).format(instant);
    }

    /** A moment to the minute in the browser's zone, with the day as {@link #datePattern} writes it. */
    public static String dayAndTime(Instant instant, Locale locale) {
        return withZone(dayAndTime(locale), instant, locale);
    }

    private static DateTimeFormatter dayAndTime(Locale locale) {
        return DateTimeFormatter.ofPattern(fullYear(DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, FormatStyle.SHORT, IsoChronology.INSTANCE, locale)), locale);
    }

    /** "yy" (the year in two digits) becomes the full year; a pattern with the full year stays as it is. */
    private static String fullYear(String pattern) {
        return pattern.contains("yyyy") ? pattern : pattern.replaceAll("y+", "yyyy");
    }

    /** The day of a moment, in the browser's zone. */
    public static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone())
                .format(instant);
    }

    private static String withZone(DateTimeFormatter format, Instant instant, Locale locale) {
        ZoneId zone = zone();
        String shown = format.withLocale(locale).withZone(zone).format(instant);
        return browserZone().isPresent() ? shown
                : shown + " " + DateTimeFormatter.ofPattern("zzz", locale).withZone(zone).format(instant);
    }
}
