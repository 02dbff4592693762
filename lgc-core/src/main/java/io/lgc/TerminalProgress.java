package io.lgc;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on a terminal: one self-overwriting line with an ETA, plus permanent lines for results
 * worth keeping (an epoch's losses). Silent when constructed with a null stream.
 */
final class TerminalProgress implements Progress {
    static final Progress SILENT = new TerminalProgress(null);
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private long lastDraw;
    private boolean lineOpen;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    /** Redraws "task: done/total (pct) ETA" at most four times a second. */
    @Override
    public void update(String task, long done, long total, long startNanos) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - startNanos) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        out.print(String.format(Locale.ROOT, "\r%s: %d/%d (%3.0f%%) elapsed %s ETA %s   ", task, done, total,
                100.0 * done / total, Progress.duration(elapsed), Double.isNaN(eta) ? "?" : Progress.duration(eta)));
        out.flush();
        lineOpen = true;
    }

    /** Prints a line that stays, ending any progress line first. */
    @Override
    public void line(String text) {
        if (out == null) {
            return;
        }
        if (lineOpen) {
            out.print("\r\033[K");
            lineOpen = false;
        }
        out.println(text);
        out.flush();
    }
}
