package io.lgc.artifact;

import io.lgc.artifact.container.VerifyReport;
import com.google.gson.JsonObject;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An artifact that passed every check of {@link ArtifactFile#readVerified}: its contents, the
 * precision they were stored in, the raw header, and the container's part sizes.
 */
public record VerifiedArtifact(CompressedDataset dataset, StoragePrecision precision, JsonObject header,
        VerifyReport parts) {
    public VerifiedArtifact {
        header = header.deepCopy();
    }

    @Override
    public JsonObject header() {
        return header.deepCopy();
    }

    /**
     * The decoder layers (as the file numbers them, {@code layers.<i>}) whose weights an int8 file stores on int4's
     * grid: a mixed decoder's int4 layers (docs/FORMAT.md); none in any other file.
     */
    public List<Integer> int4GridLayers() {
        if (precision.decoder() != Precision.INT8) {
            return List.of();
        }
        List<Integer> layers = new ArrayList<>();
        Map<String, long[]> shapes = dataset.metadata().decoder().parameterShapes();
        for (int i : dataset.metadata().decoder().weightedLayers()) {
            String name = NetworkSpec.parameterName(i, "weight");
            if (PerChannelInt8.onInt4Grid(dataset.decoderWeights().get(name), (int) shapes.get(name)[0])) {
                layers.add(i);
            }
        }
        return layers;
    }
}
