package io.lgc.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Byte counts as people read them: "326 KB", "1.2 MB" (decimal units, as papers quote sizes). */
final class Bytes extends NumberFormat {
    static final Bytes FORMAT = new Bytes();

    static String human(double bytes) {
        double abs = Math.abs(bytes);
        if (abs < 1000) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes / 1000;
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** Exact count with thousands separators, e.g. "326,656". */
    static String exact(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(human(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(human(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("display only");
    }
}
