package io.lgc.artifact;

import io.lgc.artifact.container.VerifyReport;
import com.google.gson.JsonObject;

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
}
