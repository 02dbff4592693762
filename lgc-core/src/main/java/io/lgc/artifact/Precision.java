package io.lgc.artifact;

import io.lgc.InputException;
import io.lgc.artifact.container.HalfFloat;
import java.util.Locale;

/**
 * How finely an artifact stores its numbers. The user picks one for the decoder; the mixtures
 * follow it as far as that does not change them measurably (see {@link StoragePrecision}).
 */
public enum Precision {
    /** IEEE binary32 throughout. */
    FP32("fp32"),
    /** IEEE binary16: half the bytes, about 3 significant decimal digits. */
    FP16("fp16"),
    /** Decoder weights as signed bytes with one float scale per output channel; biases fp16. */
    INT8("int8"),
    /**
     * As int8 with 15 levels (−7..7) instead of 255: stored a byte each, the decoder section's
     * deflate packs them into about 4 bits, so the decoder takes about 60 % of int8's bytes for a
     * coarser grid (see {@link PerChannelInt8#quantize(float[], int, int)}).
     */
    INT4("int4");

    /**
     * What {@code lgc compress} writes unless told otherwise: on Fashion-MNIST int8 made the file 3.0x
     * smaller than fp32 for 0.40 accuracy points (mean of 3 classifier seeds, README).
     */
    public static final Precision DEFAULT = INT8;

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** The spelling used on the command line and in the header: "fp32", "fp16", "int8", "int4". */
    public String label() {
        return label;
    }

    /** Parses {@link #label()}, ignoring case and surrounding blanks. */
    public static Precision parse(String text) {
        Precision p = ofLabel(text == null ? null : text.trim().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new InputException("unknown precision '" + text + "': expected fp32, fp16, int8 or int4");
        }
        return p;
    }

    /** Whether the decoder's weights are stored as integers on a per-channel grid (int8, int4). */
    public boolean isQuantized() {
        return this == INT8 || this == INT4;
    }

    /** The largest integer a quantised weight may hold ({@code q} in −limit..limit); 0 when not quantised. */
    public int quantizationLimit() {
        return switch (this) {
            case INT8 -> PerChannelInt8.LIMIT;
            case INT4 -> PerChannelInt8.INT4_LIMIT;
            default -> 0;
        };
    }

    /**
     * The values a reader gets back for one decoder weight tensor stored at this precision (output
     * channels first, {@code channels} of them), computed as the writer and readers compute them.
     */
    public float[] stored(float[] weights, int channels) {
        return switch (this) {
            case FP32 -> weights.clone();
            case FP16 -> {
                float[] out = new float[weights.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = HalfFloat.toFloat(HalfFloat.fromFloat(weights[i]));
                }
                yield out;
            }
            case INT8, INT4 -> {
                PerChannelInt8.Quantized q = PerChannelInt8.quantize(weights, channels, quantizationLimit());
                yield PerChannelInt8.dequantize(q.values(), q.scales());
            }
        };
    }

    /** The precision spelled exactly {@code label}, or null. */
    static Precision ofLabel(String label) {
        for (Precision p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        return null;
    }
}
