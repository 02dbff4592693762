package io.lgc.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What a reader hands to {@link DatasetResolver}: the dataset, the files it came from and what
 * the user should hear about.
 */
record ReadResult(LabelledData data, List<Path> files, int skippedImages, List<String> warnings) {
    ReadResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    ReadResult(LabelledData data, List<Path> files) {
        this(data, files, 0, List.of());
    }

    /** The images, from a reader of images (or an npz that held images). */
    Dataset dataset() {
        if (data instanceof Dataset images) {
            return images;
        }
        throw new IllegalStateException("read a table, not images");
    }

    /** The table, from the CSV reader (or an npz that held a table). */
    Table table() {
        if (data instanceof Table table) {
            return table;
        }
        throw new IllegalStateException("read images, not a table");
    }
}
