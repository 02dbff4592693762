package io.lgc.data;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one IDX dataset is read from: images, labels and, when present, class names.
 *
 * @param classNames {@code classes.txt} beside the images, or null when there is none
 */
public record IdxFiles(Path images, Path labels, Path classNames) {

    /**
     * Finds the labels file and {@code classes.txt} beside an images file.
     *
     * @param labelsOverride the labels file to use instead of the one the naming convention
     *     points at; null to follow the convention
     */
    public static IdxFiles beside(Path images, Path labelsOverride) {
        requireFile(images, "");
        Path labels;
        if (labelsOverride != null) {
            requireFile(labelsOverride, "labels file ");
            labels = labelsOverride;
        } else {
            labels = conventionalLabels(images);
        }
        Path classes = images.resolveSibling(IdxFileNames.CLASS_NAMES);
        return new IdxFiles(images, labels, InputFiles.isPresent(classes) ? classes : null);
    }

    /** The files in a fixed order (images, labels, class names), for provenance. */
    public List<Path> all() {
        List<Path> files = new ArrayList<>(List.of(images, labels));
        if (classNames != null) {
            files.add(classNames);
        }
        return List.copyOf(files);
    }

    private static Path conventionalLabels(Path images) {
        List<String> candidates = IdxFileNames.labelsNamesFor(images.getFileName().toString());
        if (candidates.isEmpty()) {
            throw new ParameterException(images + ": cannot tell the labels file from this name (the"
                    + " convention is train-images-idx3-ubyte.gz beside train-labels-idx1-ubyte.gz);"
                    + " name the labels file with ", Parameter.LABELS);
        }
        for (String name : candidates) {
            Path labels = images.resolveSibling(name);
            if (InputFiles.isPresent(labels)) { // one that is not a regular file is refused when read
                return labels;
            }
        }
        throw new ParameterException(images + ": labels file " + images.resolveSibling(candidates.get(0))
                + " not found beside it; name the labels file with ", Parameter.LABELS);
    }

    private static void requireFile(Path path, String role) {
        if (Files.isDirectory(path)) {
            throw new InputException(path + ": " + role + "is a directory, expected an IDX file");
        }
        if (!Files.exists(path)) {
            throw new InputException(path + ": " + role + "not found");
        }
    }
}
