package io.lgc.cli;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of compress options: a fresh directory holding the {@link QuickCompress} images. */
abstract class QuickCompressFixture {
    @TempDir
    Path dir;

    QuickCompress quick;

    @BeforeEach
    void writeQuickCompressImages() throws IOException {
        quick = QuickCompress.in(dir);
    }

    /** The configuration an artifact's header records ({@code provenance.config}). */
    static JsonObject config(Path artifact) {
        return ArtifactFile.read(artifact).metadata().provenance().getAsJsonObject("config");
    }
}
