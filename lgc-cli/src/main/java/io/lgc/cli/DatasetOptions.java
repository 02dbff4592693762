package io.lgc.cli;

import io.lgc.data.ImageSize;
import io.lgc.data.InputFormat;
import io.lgc.data.ReadOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a DATASET argument is read: format, resizing, channels, recovery, array keys. */
final class DatasetOptions {
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Input format: idx, folder, cifar, npz or csv (default: recognised from the path).")
    String format;

    @Option(names = "--size", paramLabel = "WxH",
            description = "Resize the images of an image folder (default: the most common size).")
    String size;

    @Option(names = "--channels", paramLabel = "C",
            description = "Convert an image folder to 1 (gray) or 3 (RGB) channels (default: as stored).")
    Integer channels;

    @Option(names = "--skip-bad", description = "Skip unreadable images of an image folder, reporting how many.")
    boolean skipBad;

    @Option(names = "--x-key", paramLabel = "KEY", description = "Array of samples in an .npz (default: x).")
    String xKey;

    @Option(names = "--y-key", paramLabel = "KEY", description = "Array of labels in an .npz (default: y).")
    String yKey;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "Column of a CSV table holding the class names (default: the last column).")
    String labelColumn;

    /** The options for one dataset, with its own IDX labels file when given. */
    ReadOptions readOptions(Path labels) {
        return ReadOptions.builder()
                .format(format == null ? null : InputFormat.parse(format))
                .labels(labels)
                .size(size == null ? null : ImageSize.parse(size))
                .channels(channels)
                .skipBad(skipBad)
                .xKey(xKey)
                .yKey(yKey)
                .labelColumn(labelColumn)
                .build();
    }
}
