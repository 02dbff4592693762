package io.lgc.artifact;

import io.lgc.InputException;
import io.lgc.artifact.container.Malformed;
import java.util.Locale;

/**
 * How LGC's own reader computes a file's decoder (header {@code decoder_arithmetic}). Both compute the
 * same function; they differ in the order of float additions, so a decoded value can differ in its
 * last bits and, about one pixel in 150,000, a uint8 pixel by one level. A file records its writer's
 * choice so that later versions of LGC give one file and one seed the bytes its writer's version gave
 * (on the same engine and CPU): files written before the key existed are {@link #LAYERWISE}, every
 * file written since is {@link #FUSED}.
 */
public enum DecoderArithmetic {
    /** Every op as the format lists it (the only arithmetic before December 2026). */
    LAYERWISE,
    /**
     * Prediction fuses runs of ops into one cheaper op: nearest upsampling by 2 followed by a 3×3
     * convolution (stride 1, padding 1) becomes one 2×2 convolution of the small input with four times
     * the filters, interleaved; a convolution followed by {@code channel_group_mean} becomes one
     * convolution with each group's mean filter. The weights are folded in double precision at load.
     */
    FUSED;

    /** The header's spelling. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the header's spelling. */
    public static DecoderArithmetic parse(String id) {
        for (DecoderArithmetic a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new InputException("decoder_arithmetic must be \"layerwise\" or \"fused\", got '"
                + Malformed.shorten(id) + "'");
    }
}
