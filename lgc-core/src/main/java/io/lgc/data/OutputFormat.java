package io.lgc.data;

import io.lgc.InputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The formats {@link DatasetWriter} writes into an output directory DIR, or (npz, csv) as one file.
 * Each output is itself a valid dataset argument for {@link DatasetResolver}.
 */
public enum OutputFormat {
    /** {@code DIR/train-images-idx3-ubyte.gz} (idx4 with channels), labels beside it, {@code classes.txt}. */
    IDX("idx"),
    /** {@code DIR/train.npz} with {@code x} (uint8), {@code y} (int64) and {@code class_names}. */
    NPZ("npz"),
    /** {@code DIR/<class folder>/<index>.png} and {@code DIR/classes.txt}; see {@link ClassFolders}. */
    PNG("png"),
    /** Tables only: {@code DIR/train.csv} with the original columns, class names in the label column. */
    CSV("csv");

    private final String id;

    OutputFormat(String id) {
        this.id = id;
    }

    /** The name users type: idx, npz, png, csv. */
    public String id() {
        return id;
    }

    /** The format a user named, in any case. */
    public static OutputFormat parse(String name) {
        for (OutputFormat format : values()) {
            if (format.id.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InputException("unknown output format '" + name + "'; known: "
                + Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", ")));
    }

    /** Whether this format is one file (npz, csv), which may then be the output itself rather than DIR's content. */
    public boolean isOneFile() {
        return this == NPZ || this == CSV;
    }

    /**
     * The one-file format {@code output}'s name ends in ({@code .npz}, {@code .csv}, in any case), or
     * empty: a name without either is a directory.
     */
    public static Optional<OutputFormat> ofFileName(Path output) {
        Path name = output.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return Stream.of(NPZ, CSV).filter(f -> lower.endsWith("." + f.id) && lower.length() > f.id.length() + 1)
                .findFirst();
    }

    /** Whether this format holds samples of {@code layout}: npz holds both kinds, csv tables, the others images. */
    public boolean fits(SampleLayout layout) {
        return this == NPZ || (this == CSV) == (layout instanceof TableColumns);
    }

    /**
     * Refuses a pairing that does not fit, naming {@code what} (the output or the artifact).
     *
     * @throws InputException saying which formats the data's kind takes
     */
    public void requireFits(SampleLayout layout, String what) {
        if (!fits(layout)) {
            throw new InputException(what + ": " + id + " output holds " + (this == CSV ? "tables" : "images")
                    + ", but the data is " + (layout instanceof TableColumns ? "a table; write csv or npz"
                    : "images; write idx, npz or png"));
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
