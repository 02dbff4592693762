package io.lgc.cli;

import io.lgc.InputException;
import io.lgc.Numbers;

/**
 * Checks of numeric option values, made by each command before it reads anything, so that a bad
 * value is reported under the option the user typed and with the value given ("--epochs must be at
 * least 1, got -1"), never under an option derived from it.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    /** {@code value >= min}; a null value (option not given) passes. */
    static void atLeast(String option, Long value, long min) {
        if (value != null && value < min) {
            throw new InputException(option + " must be at least " + min + ", got " + value);
        }
    }

    static void atLeast(String option, Integer value, long min) {
        atLeast(option, value == null ? null : value.longValue(), min);
    }

    /** {@code value > 0} and finite; a null value passes. */
    static void positive(String option, Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            throw new InputException(option + " must be a positive number, got " + number(value));
        }
    }

    /** {@code value >= 0} and finite; a null value passes. */
    static void nonNegative(String option, Double value) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            throw new InputException(option + " must be 0 or more, got " + number(value));
        }
    }

    static String number(double value) {
        return Numbers.plain(value);
    }
}
