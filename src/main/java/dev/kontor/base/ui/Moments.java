package dev.kontor.base.ui;

import com.vaadin.flow.component.UI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
     * A moment to the minute in the browser's zone, always with the zone's name: for a deadline that was set as the
     * end of a day, which a reader in another zone would otherwise take for their own day's end.
     */
    public static String shortDateTimeNamingZone(Instant instant, Locale locale) {
        ZoneId zone = zone();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone)
                .format(instant) + " " + DateTimeFormatter.ofPattern("zzz", locale).withZone(zone).format(instant);
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
