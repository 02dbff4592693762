package io.lgc;

import java.math.BigDecimal;

/** Numbers in messages, as a user writes them. */
public final class Numbers {
    private Numbers() {
    }

    /** "-1", "0.001" and "1000000", not "-1.0", "1.0E-3" and "1000000.0"; very large or small as "1.0E20". */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value == 0 || magnitude >= 1e-4 && magnitude < 1e15) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value);
    }
}
