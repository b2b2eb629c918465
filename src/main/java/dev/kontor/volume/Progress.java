package dev.kontor.volume;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The console's progress bar while the volume data loads: one line redrawn in place on a terminal, a new line every
 * tenth otherwise (in a log or a CI output, where carriage returns make a mess).
 */
final class Progress {

    private static final int WIDTH = 40;
    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long start = System.nanoTime();
    private long done;
    private String phase = "";
    private int lastTenth = -1;
    private long lastDrawn;

    Progress(PrintStream out, boolean terminal, long total) {
        this.out = out;
        this.terminal = terminal;
        this.total = Math.max(1, total);
    }

    void phase(String name) {
        this.phase = name;
        draw(true);
    }

    void advance(long rows) {
        done += rows;
        draw(false);
    }

    void finish() {
        done = total;
        phase = "done";
        draw(true);
        if (terminal) {
            out.println();
        }
    }

    private void draw(boolean always) {
        long now = System.nanoTime();
        int tenth = (int) (10 * Math.min(done, total) / total);
        if (terminal) {
            if (!always && now - lastDrawn < 200_000_000L) {
                return;
            }
            lastDrawn = now;
            out.print("\r" + line(now) + "   ");
            out.flush();
        } else if (always || tenth != lastTenth) {
            lastTenth = tenth;
            out.println(line(now));
        }
    }

    private String line(long now) {
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "Volume data [%s%s] %3d%%  %,d of %,d rows  %5.1f s  %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total,
                (now - start) / 1e9, phase);
    }
}
