package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.gmm.CovarianceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file read and written again at its own storage is the same file, byte for byte: what a reader
 * gets back for a quantised tensor already lies on a grid, and storing it keeps that grid rather than
 * searching a new one a float's last bit away (which changed about a fifth of an int4 decoder's weights).
 */
class RewriteTest {
    @TempDir
    Path dir;

    static List<StoragePrecision> storages() {
        return List.of(new StoragePrecision(Precision.FP32, Precision.FP32),
                new StoragePrecision(Precision.FP16, Precision.FP16),
                new StoragePrecision(Precision.INT8, Precision.FP16),
                new StoragePrecision(Precision.INT8, Precision.INT8),
                new StoragePrecision(Precision.INT4, Precision.INT8));
    }

    @ParameterizedTest
    @MethodSource("storages")
    void aFileWrittenAgainFromWhatWasReadIsTheSameFile(StoragePrecision storage) throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            Path first = dir.resolve(seed + "-first.lgc");
            Path again = dir.resolve(seed + "-again.lgc");
            ArtifactFile.write(first, TinyArtifacts.fashionSized(seed), storage);
            ArtifactFile.write(again, ArtifactFile.read(first), storage);
            assertThat(Arrays.mismatch(Files.readAllBytes(again), Files.readAllBytes(first)))
                    .as("first differing byte, %s, seed %d", storage, seed).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @MethodSource("storages")
    void whatAReaderGetsBackIsStoredAsItIs(StoragePrecision storage) {
        CompressedDataset once = ArtifactFile.asStored(TinyArtifacts.tiny(CovarianceType.FULL, 4), storage);
        CompressedDataset twice = ArtifactFile.asStored(once, storage);
        once.decoderWeights().forEach((name, values) ->
                assertThat(twice.decoderWeights().get(name)).as("%s %s", storage, name).containsExactly(values));
    }
}
