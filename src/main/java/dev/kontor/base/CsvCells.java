package dev.kontor.base;

/** Cells for CSV exports that people open in spreadsheets. */
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
}
