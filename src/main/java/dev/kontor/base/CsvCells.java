package dev.kontor.base;

import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * Cells for CSV exports that people open in spreadsheets, and the format they are written in: a German spreadsheet
 * reads ";" as the separator (its decimal mark is the comma) and puts a comma-separated file into one column, so a
 * German reader's file is separated by ";", an English reader's by ","; quoting as RFC 4180 either way.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
    public static String neutralized(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** The CSV format for a reader of {@code language} (English when none), with {@code headers} as its first line. */
    public static CSVFormat format(Locale language, String... headers) {
        return CSVFormat.RFC4180.builder().setDelimiter(separator(language)).setHeader(headers).get();
    }

    /** ";" for a German reader, "," for everyone else. */
    public static char separator(Locale language) {
        return language != null && "de".equals(language.getLanguage()) ? ';' : ',';
    }
}
