package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.InputException;
import io.lgc.gmm.CovarianceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file says how LGC computes its decoder: every new file is fused; a file without the key was
 * written before it and stays layerwise, and writing it again does not change its header.
 */
class DecoderArithmeticTest {
    @TempDir
    Path dir;

    @Test
    void newMetadataIsFusedAndTheHeaderSaysSo() throws IOException {
        CompressedDataset data = TinyArtifacts.tiny(CovarianceType.FULL, 2);
        assertThat(data.metadata().decoderArithmetic()).isEqualTo(DecoderArithmetic.FUSED);
        Path file = dir.resolve("new.lgc");
        ArtifactFile.write(file, data, Precision.FP32);
        assertThat(ArtifactFile.read(file).metadata().decoderArithmetic()).isEqualTo(DecoderArithmetic.FUSED);
        assertThat(header(data).get("decoder_arithmetic").getAsString()).isEqualTo("fused");
    }

    @Test
    void aLayerwiseFileHasNoKeyAndReadsBackLayerwise() throws IOException {
        CompressedDataset data = layerwise(TinyArtifacts.tiny(CovarianceType.FULL, 2));
        assertThat(header(data).has("decoder_arithmetic")).isFalse();
        Path first = dir.resolve("old.lgc");
        Path again = dir.resolve("again.lgc");
        ArtifactFile.write(first, data, Precision.FP32);
        CompressedDataset read = ArtifactFile.read(first);
        assertThat(read.metadata().decoderArithmetic()).isEqualTo(DecoderArithmetic.LAYERWISE);
        ArtifactFile.write(again, read, Precision.FP32);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void everyWithKeepsTheArithmetic() {
        ArtifactMetadata m = layerwise(TinyArtifacts.tiny(CovarianceType.FULL, 2)).metadata();
        assertThat(m.withDrawSpread(1.4).decoderArithmetic()).isEqualTo(DecoderArithmetic.LAYERWISE);
        assertThat(m.withProvenance(m.provenance()).decoderArithmetic()).isEqualTo(DecoderArithmetic.LAYERWISE);
        assertThat(m.withDecoder(m.decoder()).decoderArithmetic()).isEqualTo(DecoderArithmetic.LAYERWISE);
        assertThat(m.withCovarianceRank(1).decoderArithmetic()).isEqualTo(DecoderArithmetic.LAYERWISE);
    }

    @Test
    void theHeaderSpellingsParseAndOthersAreRefused() {
        assertThat(DecoderArithmetic.parse("fused")).isEqualTo(DecoderArithmetic.FUSED);
        assertThat(DecoderArithmetic.parse("layerwise")).isEqualTo(DecoderArithmetic.LAYERWISE);
        assertThatThrownBy(() -> DecoderArithmetic.parse("Fused")).isInstanceOf(InputException.class)
                .hasMessageContaining("'Fused'");
    }

    private static JsonObject header(CompressedDataset data) {
        return JsonParser.parseString(ArtifactFile.toContainer(data, Precision.FP32).header().toString()).getAsJsonObject();
    }

    private static CompressedDataset layerwise(CompressedDataset data) {
        return new CompressedDataset(data.metadata().withDecoderArithmetic(DecoderArithmetic.LAYERWISE),
                data.mixtures(), data.decoderWeights());
    }
}
