package io.lgc;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where long work reports how far it got. Implement it to show progress your own way (a log, a
 * progress bar, a metric); {@link #terminal} is what the command line uses, {@link #silent} shows
 * nothing.
 *
 * <pre>{@code
 * Progress log = new Progress() {
 *     public void update(String task, long done, long total, long startNanos) { }
 *     public void line(String text) { logger.info(text); }
 * };
 * }</pre>
 */
public interface Progress {
    /**
     * {@code done} of {@code total} units of {@code task}, begun at {@code startNanos}
     * ({@link System#nanoTime()}); called often, so cheap implementations keep the last call only.
     */
    void update(String task, long done, long total, long startNanos);

    /** A result worth keeping, such as an epoch's losses. */
    void line(String text);

    /** Shows nothing. */
    static Progress silent() {
        return TerminalProgress.SILENT;
    }

    /** One self-overwriting line with an ETA on {@code out}, and permanent lines for results. */
    static Progress terminal(PrintStream out) {
        return new TerminalProgress(out);
    }

    /** "42s" or "3m07s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
