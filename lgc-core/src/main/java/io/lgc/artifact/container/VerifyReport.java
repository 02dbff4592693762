package io.lgc.artifact.container;

import java.util.Map;

/**
 * A container that passed every check of {@link ContainerReader#verify}: its format version
 * (which may have a higher minor than this reader's), part sizes as in {@link PartSizes}, and
 * how many tensors each section holds.
 */
public record VerifyReport(String file, String formatVersion, long totalBytes, long headerBytes,
        Map<String, Long> sectionBytes, Map<String, String> sectionCodecs, Map<String, Long> sectionUncompressedBytes,
        Map<String, Integer> sectionTensorCounts, String sha256) implements PartSizes {

    public VerifyReport {
        sectionBytes = OrderedMaps.copy(sectionBytes);
        sectionCodecs = OrderedMaps.copy(sectionCodecs);
        sectionUncompressedBytes = OrderedMaps.copy(sectionUncompressedBytes);
        sectionTensorCounts = OrderedMaps.copy(sectionTensorCounts);
    }
}
