package io.lgc.artifact;

import static io.lgc.artifact.Rejections.allocatedDuring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.Layer;
import io.lgc.model.NetworkSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's per-file limits (docs/FORMAT.md, "Reader limits"): what a file may make the reader
 * inflate and decode is bounded, and a file beyond a limit is refused from its frames or header,
 * before the memory is allocated.
 */
class ReaderLimitsTest {
    private static final String NAME = "bomb.lgc";

    @TempDir
    Path dir;

    /** A zlib stream of {@code length} zero bytes, built without holding them. */
    private static byte[] deflatedZeros(long length) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] chunk = new byte[1 << 16];
        for (long left = length; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(left, zeros.length));
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    @Test
    void aDeflateBombIsRefusedFromItsFrameBeforeInflating() {
        long inflated = Format.MAX_INFLATED_BYTES + (1 << 20);
        byte[] bomb = deflatedZeros(inflated);
        RawContainer raw = RawContainer.parse(ContainerWriter.toBytes(Fixtures.sample(), Codec.NONE));
        raw.sections.add(new RawContainer.RawSection("bomb", 1, inflated, bomb));
        byte[] file = raw.toBytes();
        assertThat((long) bomb.length * Format.MAX_INFLATE_RATIO).as("within deflate's ratio").isGreaterThan(inflated);

        long allocated = allocatedDuring(() -> Rejections.assertRejected(file, NAME,
                "uncompressed bytes up to section 'bomb'; this reader inflates at most " + Format.MAX_INFLATED_BYTES));
        assertThat(allocated).as("bytes allocated while refusing").isLessThan(Format.MAX_INFLATED_BYTES / 16);
    }

    @Test
    void sectionsWithinTheLimitStillRead() {
        byte[] zeros = deflatedZeros(1 << 20);
        RawContainer raw = RawContainer.parse(ContainerWriter.toBytes(Fixtures.sample(), Codec.NONE));
        raw.sections.add(new RawContainer.RawSection("zeros", 1, 1 << 20, zeros));
        assertThatThrownBy(() -> ContainerReader.read(raw.toBytes(), NAME))
                .hasMessageContaining("section 'zeros'") // zeros are no safetensors payload: refused later, by content
                .hasMessageNotContaining("inflates at most");
    }

    private void assertDecoderRefused(NetworkSpec decoder, ImageShape image, String... fragments) throws IOException {
        CompressedDataset data = new CompressedDataset(
                TinyArtifacts.metadata(decoder, image, TinyArtifacts.CLASSES, CovarianceType.DIAG),
                TinyArtifacts.randomMixtures(3, 1, 4, CovarianceType.DIAG, 1), TinyArtifacts.randomWeights(decoder, 1));
        Path file = dir.resolve("forged.lgc");
        ContainerWriter.write(file, ArtifactFile.assemble(data, StoragePrecision.FP32), Codec.AUTO);
        assertThatThrownBy(() -> ArtifactFile.read(file)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContainingAll(fragments);
    }

    /** Every layer within the per-layer size, but together more than one sample may take. */
    @Test
    void aDecoderWhoseLayersTogetherWouldExhaustMemoryIsRefused() throws IOException {
        NetworkSpec wide = new NetworkSpec(new long[] {4}, List.of(new Layer.Linear(4, 4),
                new Layer.Reshape(new long[] {1, 2, 2}), new Layer.Upsample(2048),
                new Layer.Conv2d(1, 4, 3, 1, 1), new Layer.ChannelGroupMean(1)));
        long conv = 4L * 4096 * 4096;
        assertThat(conv).isLessThanOrEqualTo(ArtifactFile.MAX_ACTIVATION_VALUES);
        assertDecoderRefused(wide, new ImageShape(1, 4096, 4096), "decoder layer 3 (conv2d)",
                "activations of one sample to", "at most " + ArtifactFile.MAX_ACTIVATION_VALUES + " per sample");
    }

    @Test
    void aDecoderWhoseSamplesAreTooLargeIsRefused() throws IOException {
        NetworkSpec big = new NetworkSpec(new long[] {4}, List.of(new Layer.Linear(4, 4),
                new Layer.Reshape(new long[] {1, 2, 2}), new Layer.Upsample(1448)));
        long sample = 2896L * 2896;
        assertThat(sample).isGreaterThan(ArtifactFile.MAX_SAMPLE_VALUES).isLessThan(ArtifactFile.MAX_ACTIVATION_VALUES);
        assertDecoderRefused(big, new ImageShape(1, 2896, 2896), "produces samples of [1, 2896, 2896] = " + sample,
                "at most " + ArtifactFile.MAX_SAMPLE_VALUES + " per sample");
    }
}
