package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.DType;
import io.lgc.artifact.container.NamedTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decoder stored at int8 whose other layers int4's rounding steps left on int4's grid (a mixed decoder:
 * int8 where a weight moves the output most, int4 elsewhere) keeps those layers exactly, in int4's 15
 * levels, so that the section packs them as an int4 file does; readers need nothing new.
 */
class MixedDecoderTest {
    private static final StoragePrecision INT8 = new StoragePrecision(Precision.INT8, Precision.INT8);

    @TempDir
    Path dir;

    /** The fashion-sized decoder with every weight but {@code keptAtInt8} on int4's grid, as its rounding steps leave it. */
    private static CompressedDataset mixed(String keptAtInt8) {
        CompressedDataset data = TinyArtifacts.fashionSized(1);
        Map<String, float[]> weights = new LinkedHashMap<>();
        Map<String, long[]> shapes = data.metadata().decoder().parameterShapes();
        data.decoderWeights().forEach((name, values) -> weights.put(name,
                name.endsWith(".weight") && !name.equals(keptAtInt8)
                        ? Precision.INT4.stored(values, (int) shapes.get(name)[0]) : values));
        return new CompressedDataset(data.metadata(), data.mixtures(), weights);
    }

    private static String firstWeight(CompressedDataset data) {
        return data.decoderWeights().keySet().stream().filter(n -> n.endsWith(".weight")).findFirst().orElseThrow();
    }

    @Test
    void layersOnInt4sGridReadBackExactlyAndTheOthersAsInt8StoresThem() throws IOException {
        CompressedDataset plain = TinyArtifacts.fashionSized(1);
        String kept = firstWeight(plain);
        CompressedDataset mixed = mixed(kept);
        Path file = dir.resolve("mixed.lgc");
        ArtifactFile.write(file, mixed, INT8);

        CompressedDataset back = ArtifactFile.read(file);
        Map<String, long[]> shapes = mixed.metadata().decoder().parameterShapes();
        mixed.decoderWeights().forEach((name, values) -> {
            if (!name.endsWith(".weight")) {
                return;
            }
            float[] expected = name.equals(kept) ? Precision.INT8.stored(values, (int) shapes.get(name)[0]) : values;
            assertThat(back.decoderWeights().get(name)).as(name).containsExactly(expected);
        });
    }

    @Test
    void theInt4LayersAreStoredInFifteenLevelsWithExactScales() {
        CompressedDataset mixed = mixed(firstWeight(TinyArtifacts.fashionSized(1)));
        Container c = ArtifactFile.toContainer(mixed, INT8);
        mixed.decoderWeights().keySet().stream().filter(n -> n.endsWith(".weight")).forEach(name -> {
            byte[] q = c.section(ArtifactFile.DECODER).tensor(name).data();
            int largest = 0;
            for (byte b : q) {
                largest = Math.max(largest, Math.abs(b));
            }
            NamedTensor scale = c.section(ArtifactFile.DECODER).tensor(name + DecoderTensors.SCALE_SUFFIX);
            if (name.equals(firstWeight(mixed))) {
                assertThat(largest).as(name).isEqualTo(PerChannelInt8.LIMIT);
                assertThat(scale.dtype()).as(name).isEqualTo(DType.F16);
            } else {
                assertThat(largest).as(name).isEqualTo(PerChannelInt8.INT4_LIMIT);
                assertThat(scale.dtype()).as(name).isEqualTo(DType.F32);
            }
        });
    }

    @Test
    void aMixedDecoderTakesFewerBytesThanAnInt8OneAndMoreThanAnInt4One() {
        CompressedDataset plain = TinyArtifacts.fashionSized(1);
        CompressedDataset mixed = mixed(firstWeight(plain));
        long int8 = ArtifactFile.storedBytes(plain, INT8, io.lgc.artifact.container.Codec.AUTO);
        long int4 = ArtifactFile.storedBytes(mixed(""), new StoragePrecision(Precision.INT4, Precision.INT8),
                io.lgc.artifact.container.Codec.AUTO);
        long both = ArtifactFile.storedBytes(mixed, INT8, io.lgc.artifact.container.Codec.AUTO);
        assertThat(both).isLessThan(int8).isGreaterThan(int4);
    }

    @Test
    void aReaderIsToldWhichLayersLieOnInt4sGridAndOnlyInAMixedFile() throws IOException {
        CompressedDataset plain = TinyArtifacts.fashionSized(1);
        Path mixed = dir.resolve("mixed.lgc");
        ArtifactFile.write(mixed, mixed(firstWeight(plain)), INT8);
        java.util.List<Integer> weighted = new java.util.ArrayList<>();
        for (int i = 0; i < plain.metadata().decoder().layers().size(); i++) {
            if (plain.decoderWeights().containsKey("layers." + i + ".weight")) {
                weighted.add(i);
            }
        }
        assertThat(ArtifactFile.readVerified(mixed).int4GridLayers()).isEqualTo(weighted.subList(1, weighted.size()));
        Path int8 = dir.resolve("int8.lgc");
        ArtifactFile.write(int8, plain, INT8);
        assertThat(ArtifactFile.readVerified(int8).int4GridLayers()).isEmpty();
        Path int4 = dir.resolve("int4.lgc");
        ArtifactFile.write(int4, plain, new StoragePrecision(Precision.INT4, Precision.INT8));
        assertThat(ArtifactFile.readVerified(int4).int4GridLayers()).isEmpty(); // uniform: nothing mixed to say
    }

    @Test
    void aMixedFileWrittenAgainFromWhatWasReadIsTheSameFile() throws IOException {
        Path first = dir.resolve("first.lgc");
        Path again = dir.resolve("again.lgc");
        ArtifactFile.write(first, mixed(firstWeight(TinyArtifacts.fashionSized(1))), INT8);
        ArtifactFile.write(again, ArtifactFile.read(first), INT8);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));
    }
}
