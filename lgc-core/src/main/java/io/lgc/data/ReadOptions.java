package io.lgc.data;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to read a dataset argument. {@link #DEFAULTS} recognises the format from the path and reads
 * it as stored; each other option applies to one format only, and asking for it with another
 * format is an error rather than silently ignored.
 *
 * @param format the format, or null to recognise it from the path
 * @param labels IDX only: the labels file, or null for the one beside the images
 * @param size image folders only: the size every image is resized to, or null for the most
 *     common size in the folder
 * @param channels image folders only: 1 or 3 to convert every image to grayscale or RGB, or null
 *     to keep the images' own (a folder mixing grayscale and colour then is an error)
 * @param skipBad image folders only: skip images that cannot be decoded instead of failing
 * @param xKey npz only: the name of the images array
 * @param yKey npz only: the name of the labels array
 * @param labelColumn CSV: the name of the label column, or null for the last column; npz tables: the
 *     name their labels must have (see {@code NpzReader}), so that one option serves a CSV and the npz
 *     that {@code lgc reconstruct} wrote from it
 */
public record ReadOptions(InputFormat format, Path labels, ImageSize size, Integer channels, boolean skipBad,
        String xKey, String yKey, String labelColumn) {
    public static final String DEFAULT_X_KEY = "x";
    public static final String DEFAULT_Y_KEY = "y";
    public static final ReadOptions DEFAULTS = builder().build();

    public ReadOptions {
        if (channels != null && channels != 1 && channels != 3) {
            throw new ParameterException(Parameter.CHANNELS, " must be 1 (grayscale) or 3 (RGB), got " + channels);
        }
        xKey = requireKey(xKey, DEFAULT_X_KEY, "images");
        yKey = requireKey(yKey, DEFAULT_Y_KEY, "labels");
        if (xKey.equals(yKey)) {
            throw new InputException("npz images and labels keys must differ, both are '" + xKey + "'");
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new ParameterException(Parameter.LABEL_COLUMN, " must name a column, got '" + labelColumn + "'");
        }
    }

    /** The options before CSV's label column, which then is the last column. */
    public ReadOptions(InputFormat format, Path labels, ImageSize size, Integer channels, boolean skipBad,
            String xKey, String yKey) {
        this(format, labels, size, channels, skipBad, xKey, yKey, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().format(format).labels(labels).size(size).channels(channels).skipBad(skipBad)
                .xKey(xKey).yKey(yKey).labelColumn(labelColumn);
    }

    /** Refuses options that the format of {@code source} does not use. */
    void requireApplicableTo(InputFormat actual, String source) {
        List<String> unused = new ArrayList<>();
        if (labels != null && actual != InputFormat.IDX) {
            unused.add("a labels file (IDX only)");
        }
        if (actual != InputFormat.FOLDER) {
            if (size != null) {
                unused.add("an image size (image folders only)");
            }
            if (channels != null) {
                unused.add("a channel count (image folders only)");
            }
            if (skipBad) {
                unused.add("skipping bad images (image folders only)");
            }
        }
        if (actual != InputFormat.NPZ && (!xKey.equals(DEFAULT_X_KEY) || !yKey.equals(DEFAULT_Y_KEY))) {
            unused.add("npz array keys (npz only)");
        }
        if (labelColumn != null && actual != InputFormat.CSV && actual != InputFormat.NPZ) {
            unused.add("a label column (CSV and npz tables only)");
        }
        if (!unused.isEmpty()) {
            throw new InputException(source + ": read as " + actual + ", to which " + String.join(", ", unused)
                    + (unused.size() == 1 ? " does" : " do") + " not apply");
        }
    }

    private static String requireKey(String key, String fallback, String what) {
        if (key == null) {
            return fallback;
        }
        if (key.isBlank()) {
            throw new InputException("npz " + what + " key '" + key + "' must be a non-empty array name");
        }
        return key;
    }

    /** Builds {@link ReadOptions}; everything starts at its default. */
    public static final class Builder {
        private InputFormat format;
        private Path labels;
        private ImageSize size;
        private Integer channels;
        private boolean skipBad;
        private String xKey = DEFAULT_X_KEY;
        private String yKey = DEFAULT_Y_KEY;
        private String labelColumn;

        private Builder() {}

        public Builder format(InputFormat format) {
            this.format = format;
            return this;
        }

        public Builder labels(Path labels) {
            this.labels = labels;
            return this;
        }

        public Builder size(ImageSize size) {
            this.size = size;
            return this;
        }

        public Builder channels(Integer channels) {
            this.channels = channels;
            return this;
        }

        public Builder skipBad(boolean skipBad) {
            this.skipBad = skipBad;
            return this;
        }

        public Builder xKey(String xKey) {
            this.xKey = xKey;
            return this;
        }

        public Builder yKey(String yKey) {
            this.yKey = yKey;
            return this;
        }

        public Builder labelColumn(String labelColumn) {
            this.labelColumn = labelColumn;
            return this;
        }

        public ReadOptions build() {
            return new ReadOptions(format, labels, size, channels, skipBad, xKey, yKey, labelColumn);
        }
    }
}
