package io.lgc.data;

import io.lgc.InputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dataset formats {@link DatasetResolver} reads; normally recognised from the path. */
public enum InputFormat {
    /** IDX images file (labels file beside it), or a directory holding one; MNIST's format. */
    IDX("idx"),
    /** A directory with one sub-folder of PNG, JPEG, BMP or GIF images per class. */
    FOLDER("folder"),
    /** CIFAR-10 or CIFAR-100 binary batches: one {@code .bin} file, or a directory of them. */
    CIFAR("cifar"),
    /** A NumPy {@code .npz} archive holding images (or a table) {@code x} and labels {@code y}. */
    NPZ("npz"),
    /** A CSV table with a header row: feature columns and a label column; or a directory holding {@code train.csv}. */
    CSV("csv");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    /** The name users type: idx, folder, cifar, npz, csv. */
    public String id() {
        return id;
    }

    /** The format a user named, in any case. */
    public static InputFormat parse(String name) {
        for (InputFormat format : values()) {
            if (format.id.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InputException("unknown dataset format '" + name + "'; known: " + ids());
    }

    static String ids() {
        return Arrays.stream(values()).map(InputFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
