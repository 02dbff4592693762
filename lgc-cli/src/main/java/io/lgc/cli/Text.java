package io.lgc.cli;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Formatting shared by the subcommands' human-readable output. */
final class Text {
    private Text() {
    }

    static String bytes(long n) {
        if (n < 10_000) {
            return String.format(Locale.ROOT, "%,d B", n);
        }
        double kib = n / 1024.0;
        return kib < 10_000 ? String.format(Locale.ROOT, "%,d B (%.1f KiB)", n, kib)
                : String.format(Locale.ROOT, "%,d B (%.1f MiB)", n, kib / 1024);
    }

    static String ratio(long reference, long artifact) {
        return String.format(Locale.ROOT, "%.1fx", reference / (double) artifact);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    static String times(Map<String, Double> stages) {
        StringJoiner j = new StringJoiner(", ");
        stages.forEach((stage, s) -> j.add(stage + " " + seconds(s)));
        return j.toString();
    }
}
