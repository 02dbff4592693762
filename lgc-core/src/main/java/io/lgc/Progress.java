package io.lgc;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Reports the progress of long work as one self-overwriting line with an ETA, plus permanent lines
 * for results worth keeping (an epoch's losses). Silent when constructed with a null stream.
 */
public final class Progress {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private long lastDraw;
    private boolean lineOpen;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(null);
    }

    /** Redraws "task: done/total (pct) ETA" at most four times a second. */
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
                100.0 * done / total, duration(elapsed), Double.isNaN(eta) ? "?" : duration(eta)));
        out.flush();
        lineOpen = true;
    }

    /** Prints a line that stays, ending any progress line first. */
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

    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
