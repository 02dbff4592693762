package io.lgc.cli;

import io.lgc.InputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ParseResult;

/**
 * {@code compress --budget}: a byte count as users write one, and the options the budget chooses
 * itself, which are refused beside it rather than silently overridden.
 */
final class BudgetOption {
    /** What the budget decides; given together with it, they would contradict it. */
    static final List<String> CHOSEN_BY_BUDGET = List.of("--decoder", "--model", "--latent-dim", "--components",
            "--covariance", "--covariance-rank", "--width", "--stem", "--precision", "--mixture-precision",
            "--rounding-steps", "--rounding-schedule", "--int8-layers", "--tune-steps", "--tune-match", "--epsilon");

    private BudgetOption() {
    }

    /**
     * Bytes from "78400", "78,400", "78.4KB", "392k", "1MiB": K/KB/M/MB are powers of 1000 (as the
     * published budgets are counted), KiB and MiB powers of 1024; the result must be a whole
     * positive number of bytes. A comma only separates thousands ("78,4KB" is refused, not read as
     * 784 KB).
     */
    static long parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.contains(",")) {
            if (!t.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?\\s*[a-z]*")) {
                throw refused(text);
            }
            t = t.replace(",", "");
        }
        long unit = 1;
        for (String[] suffix : new String[][] {{"kib", "1024"}, {"mib", "1048576"}, {"kb", "1000"}, {"mb", "1000000"},
                {"k", "1000"}, {"m", "1000000"}, {"b", "1"}}) {
            if (t.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                t = t.substring(0, t.length() - suffix[0].length()).strip();
                break;
            }
        }
        try {
            BigDecimal bytes = new BigDecimal(t).multiply(BigDecimal.valueOf(unit));
            if (bytes.signum() > 0 && bytes.stripTrailingZeros().scale() <= 0
                    && bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return bytes.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw refused(text);
    }

    private static InputException refused(String text) {
        return new InputException("--budget must be a positive whole number of bytes, such as 78400, 78.4KB or"
                + " 1MiB, got '" + text + "'");
    }

    /** Refuses any option the budget chooses. */
    static void requireAlone(ParseResult given) {
        if (given == null) {
            return;
        }
        for (String option : CHOSEN_BY_BUDGET) {
            if (given.hasMatchedOption(option)) {
                throw new InputException(option + " does not apply with --budget, which chooses the decoder, latent"
                        + " dimension, components, covariance, width and precision itself, as measured (untuned)");
            }
        }
    }
}
