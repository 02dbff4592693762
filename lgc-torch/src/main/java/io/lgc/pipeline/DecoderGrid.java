package io.lgc.pipeline;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.artifact.Precision;
import io.lgc.network.NetworkSpec;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The grid each decoder weight is stored on: {@code precision}'s, except that an int4 decoder may keep some
 * layers at int8 (a mixed decoder). int4 moves some layers' outputs far more per byte saved than others
 * (bench/diagnose/int4_sensitivity.py: on Fashion-MNIST's latent-32 stem decoder the stem's convolution moves
 * the pixels most for its weights), so a file can buy back the most accuracy for the fewest bytes by keeping
 * those at int8. The file is then an int8 file whose other weights lie on int4's grid, which the writer keeps
 * in int4's levels (docs/FORMAT.md, mixed decoders).
 *
 * @param precision how the decoder's weights are rounded, where no layer says otherwise
 * @param int8Layers decoder layers (their index in the network, as the file names them: {@code layers.<i>})
 *     kept at int8; only under int4
 */
public record DecoderGrid(Precision precision, SortedSet<Integer> int8Layers) {
    public DecoderGrid {
        Objects.requireNonNull(precision, "precision");
        int8Layers = Collections.unmodifiableSortedSet(new TreeSet<>(int8Layers));
        if (!int8Layers.isEmpty() && precision != Precision.INT4) {
            throw new IllegalArgumentException("layers are kept at int8 in an int4 decoder, not in " + precision.label());
        }
        if (!int8Layers.isEmpty() && int8Layers.first() < 0) {
            throw new IllegalArgumentException("a layer index is at least 0, got " + int8Layers.first());
        }
    }

    /** Every weight at {@code precision}. */
    public static DecoderGrid uniform(Precision precision) {
        return new DecoderGrid(precision, new TreeSet<>());
    }

    /** An int4 decoder with {@code layers} kept at int8. */
    public static DecoderGrid int4Keeping(List<Integer> layers) {
        return new DecoderGrid(Precision.INT4, new TreeSet<>(layers));
    }

    public boolean isMixed() {
        return !int8Layers.isEmpty();
    }

    /** The precision the file records for its decoder: int8 for a mixed decoder, whose largest levels are int8's. */
    public Precision stored() {
        return isMixed() ? Precision.INT8 : precision;
    }

    /** The grid of the weight named {@code parameter} ({@code layers.<i>.weight}). */
    public Precision of(String parameter) {
        return isMixed() && int8Layers.contains(layerIndex(parameter)) ? Precision.INT8 : precision;
    }

    /**
     * The grid of {@code --precision} and {@code --int8-layers} (null or empty: none), refused in the command lines'
     * words, as {@code lgc compress} and {@code lgc-spark compress} both take them, before any work: layers are kept
     * at int8 under int4 only, and are numbered from 0.
     */
    public static DecoderGrid fromOptions(Precision decoder, List<Integer> int8Layers) {
        if (int8Layers == null || int8Layers.isEmpty()) {
            return uniform(decoder);
        }
        if (decoder != Precision.INT4) {
            throw new InputException("--int8-layers keeps some layers of an int4 decoder at int8; --precision is "
                    + decoder.label() + " (use --precision int4)");
        }
        for (int i : int8Layers) {
            if (i < 0) {
                throw new InputException("--int8-layers must be at least 0, got " + i);
            }
        }
        return int4Keeping(int8Layers);
    }

    /**
     * A {@link ParameterException} naming {@link Parameter#INT8_LAYERS} unless every layer kept at int8 is one of
     * {@code decoder}'s layers with weights.
     */
    public void requireWeightedLayers(NetworkSpec decoder) {
        List<Integer> weighted = decoder.weightedLayers();
        for (int i : int8Layers) {
            if (!weighted.contains(i)) {
                throw new ParameterException(Parameter.INT8_LAYERS, ": layer " + i + " has no weights to keep at int8;"
                        + " this decoder's layers with weights are " + described(decoder, weighted));
            }
        }
    }

    /** "0 (linear), 3 (conv2d), …". */
    private static String described(NetworkSpec decoder, List<Integer> weighted) {
        return weighted.stream().map(i -> i + " (" + decoder.layers().get(i).toJson().get("op").getAsString() + ")")
                .collect(Collectors.joining(", "));
    }

    private static int layerIndex(String parameter) {
        int dot = parameter.indexOf('.', "layers.".length());
        return Integer.parseInt(parameter.substring("layers.".length(), dot));
    }
}
