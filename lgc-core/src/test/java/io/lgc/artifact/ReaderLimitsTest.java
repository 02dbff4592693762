package io.lgc.artifact;

import io.lgc.artifact.container.Rejections;
import io.lgc.artifact.container.RawContainer;
import io.lgc.artifact.container.Format;
import io.lgc.artifact.container.Fixtures;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.Codec;
import static io.lgc.artifact.container.Rejections.allocatedDuring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's per-file limits (docs/FORMAT.md): what a file may make the reader inflate and
 * decode is bounded, and a file beyond a limit is refused from its frames or header, before the
 * memory is allocated.
 */
class ReaderLimitsTest {
    private static final String NAME = "bomb.lgc";

    @TempDir
    Path dir;

    @Test
    void aDeflateBombIsRefusedFromItsFrameBeforeInflating() {
        byte[] file = HostileArtifacts.deflateBomb();
        RawContainer.RawSection bomb = RawContainer.parse(file).section("bomb");
        assertThat(bomb.uncompressedLength).isGreaterThan(Format.MAX_INFLATED_BYTES);
        assertThat(bomb.payload.length * Format.MAX_INFLATE_RATIO).as("within deflate's ratio")
                .isGreaterThan(bomb.uncompressedLength);

        long allocated = allocatedDuring(() -> Rejections.assertRejected(file, NAME,
                "uncompressed bytes up to section 'bomb'; this reader inflates at most " + Format.MAX_INFLATED_BYTES));
        assertThat(allocated).as("bytes allocated while refusing").isLessThan(Format.MAX_INFLATED_BYTES / 16);
    }

    @Test
    void sectionsWithinTheLimitAreInflated() {
        RawContainer raw = RawContainer.parse(ContainerWriter.toBytes(Fixtures.sample(), Codec.NONE));
        raw.sections.add(new RawContainer.RawSection("zeros", 1, 1 << 20, HostileArtifacts.deflatedZeros(1 << 20)));
        assertThatThrownBy(() -> ContainerReader.read(raw.toBytes(), NAME))
                .hasMessageContaining("section 'zeros'") // zeros are no safetensors payload: refused later, by content
                .hasMessageNotContaining("inflates at most");
    }

    private void assertRefused(Container forged, String... fragments) throws IOException {
        Path file = dir.resolve("forged.lgc");
        ContainerWriter.write(file, forged, Codec.AUTO);
        assertThatThrownBy(() -> ArtifactFile.read(file)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContainingAll(fragments);
    }

    /** Every layer within the per-layer size, but together more than one sample may take. */
    @Test
    void aDecoderWhoseLayersTogetherWouldExhaustMemoryIsRefused() throws IOException {
        long conv = 4L * 4096 * 4096;
        assertThat(conv).isLessThanOrEqualTo(ArtifactFile.MAX_ACTIVATION_VALUES);
        assertRefused(HostileArtifacts.withDecoder(HostileArtifacts.wideDecoder()), "decoder layer 3 (conv2d)",
                "activations of one sample to", "at most " + ArtifactFile.MAX_ACTIVATION_VALUES + " per sample");
    }

    @Test
    void aDecoderWhoseSamplesAreTooLargeIsRefused() throws IOException {
        long sample = 2896L * 2896;
        assertThat(sample).isGreaterThan(ArtifactFile.MAX_SAMPLE_VALUES).isLessThan(ArtifactFile.MAX_ACTIVATION_VALUES);
        assertRefused(HostileArtifacts.withDecoder(HostileArtifacts.bigSampleDecoder()),
                "produces samples of [1, 2896, 2896] = " + sample, "at most " + ArtifactFile.MAX_SAMPLE_VALUES
                        + " per sample");
    }
}
