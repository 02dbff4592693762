package io.lgc.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What a reader hands to {@link DatasetResolver}: the dataset, the files it came from and what
 * the user should hear about.
 */
record ReadResult(LabelledData dataset, List<Path> files, int skippedImages, List<String> warnings) {
    ReadResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    ReadResult(LabelledData dataset, List<Path> files) {
        this(dataset, files, 0, List.of());
    }
}
