package io.lgc.artifact.container;

import java.nio.file.Path;
import java.util.Map;

/** What {@link ContainerWriter} wrote; see {@link PartSizes} for the meaning of the sizes. */
public record WriteReport(Path file, long totalBytes, long headerBytes, Map<String, Long> sectionBytes,
        Map<String, String> sectionCodecs, Map<String, Long> sectionUncompressedBytes, String sha256)
        implements PartSizes {

    public WriteReport {
        sectionBytes = OrderedMaps.copy(sectionBytes);
        sectionCodecs = OrderedMaps.copy(sectionCodecs);
        sectionUncompressedBytes = OrderedMaps.copy(sectionUncompressedBytes);
    }
}
