package io.lgc.artifact;

import io.lgc.artifact.container.Section;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.Codec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose container is intact (every checksum matches) but whose LGC content is wrong:
 * each must be refused with an ArtifactFormatException that names the file and what is wrong.
 */
class StrictArtifactReadingTest {
    @TempDir
    Path dir;

    private static Container int8() {
        return ArtifactFile.toContainer(TinyArtifacts.tiny(), Precision.INT8);
    }

    /** The tiny artifact with its mixtures at int8 too. */
    private static Container int8Mixtures() {
        return ArtifactFile.toContainer(TinyArtifacts.tiny(), new StoragePrecision(Precision.INT8, Precision.INT8));
    }

    private static Container fp32() {
        return ArtifactFile.toContainer(TinyArtifacts.tiny(), Precision.FP32);
    }

    private void assertRejected(Container forged, String... fragments) throws IOException {
        Path file = dir.resolve("forged.lgc");
        ContainerWriter.write(file, forged, Codec.AUTO);
        assertThat(ContainerReader.verify(file).totalBytes()).isPositive(); // the container itself is fine
        assertThatThrownBy(() -> ArtifactFile.read(file))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void theUnforgedBaseReads() throws IOException {
        for (Container c : List.of(int8(), fp32())) {
            Path file = dir.resolve("base.lgc");
            ContainerWriter.write(file, c, Codec.AUTO);
            assertThat(ArtifactFile.read(file).mixtures()).hasSize(3);
        }
    }

    @Test
    void aTensorOfTheWrongDtypeIsNamed() throws IOException {
        Container c = int8();
        float[] w = c.section("decoder").tensor("layers.0.weight").toFloats();
        assertRejected(replace(c, "decoder", NamedTensor.ofFloats("layers.0.weight", new long[] {72, 4}, w)),
                "layers.0.weight", "is F32, expected I8");
        Container f = fp32();
        float[] means = f.section("mixtures").tensor("class.1.means").toFloats();
        assertRejected(replace(f, "mixtures", NamedTensor.ofHalfs("class.1.means", new long[] {2, 4}, means)),
                "class.1.means", "is F16, expected F32");
        assertRejected(replace(int8(), "mixtures", NamedTensor.ofHalfs("class.0.weights", new long[] {2},
                new float[] {0.5f, 0.5f})), "class.0.weights", "expected F32");
    }

    @Test
    void aTensorOfTheWrongShapeIsNamed() throws IOException {
        Container c = fp32();
        assertRejected(replace(c, "decoder", NamedTensor.ofFloats("layers.0.bias", new long[] {71}, new float[71])),
                "layers.0.bias", "[71]", "[72]");
        assertRejected(replace(c, "decoder", NamedTensor.ofFloats("layers.0.bias", new long[] {8, 9},
                new float[72])), "layers.0.bias", "shape [8, 9]");
        assertRejected(replace(c, "mixtures", NamedTensor.ofFloats("class.2.covariance_factors", new long[] {2, 9},
                new float[18])), "class.2.covariance_factors", "[2, 9]");
    }

    @Test
    void scalesMustBeFiniteAndPositive() throws IOException {
        for (float bad : new float[] {0f, -0.01f, Float.NaN, Float.POSITIVE_INFINITY}) {
            float[] scales = int8().section("decoder").tensor("layers.4.weight.scale").toFloats();
            scales[3] = bad;
            assertRejected(replace(int8(), "decoder", NamedTensor.ofFloats("layers.4.weight.scale", new long[] {8},
                    scales)), "layers.4.weight.scale", "scale " + bad + " for channel 3", "finite and positive");
        }
    }

    @Test
    void int8MixturesReadBackAndTheirScalesAndLevelsAreChecked() throws IOException {
        Path file = dir.resolve("int8-mixtures.lgc");
        ContainerWriter.write(file, int8Mixtures(), Codec.AUTO);
        assertThat(ArtifactFile.readVerified(file).precision().mixtures()).isEqualTo(Precision.INT8);
        NamedTensor scale = int8Mixtures().section("mixtures").tensor("class.1.covariance_factors.scale");
        for (float bad : new float[] {0f, -1f, Float.NaN}) {
            float[] scales = scale.toFloats();
            scales[1] = bad;
            assertRejected(replace(int8Mixtures(), "mixtures", NamedTensor.ofFloats(scale.name(), scale.shape(),
                    scales)), "class.1.covariance_factors.scale", "scale " + bad + " at index 1", "finite and positive");
        }
        float[] huge = scale.toFloats();
        huge[0] = Float.MAX_VALUE;
        assertRejected(replace(int8Mixtures(), "mixtures", NamedTensor.ofFloats(scale.name(), scale.shape(), huge)),
                "class.1.covariance_factors", "Infinity", "once scaled");
        NamedTensor lower = int8Mixtures().section("mixtures").tensor("class.0.covariance_factors");
        byte[] q = lower.data().clone();
        q[1] = -128;
        assertRejected(replace(int8Mixtures(), "mixtures", NamedTensor.ofInt8(lower.name(), lower.shape(), q)),
                "class.0.covariance_factors", "-128 at index 1", "-127..127");
        assertRejected(remove(int8Mixtures(), "mixtures", "class.2.covariance_factors.scale"),
                "no tensor 'class.2.covariance_factors.scale'");
        // the means stay fp16 under int8
        assertThat(int8Mixtures().section("mixtures").tensor("class.0.means").dtype())
                .isEqualTo(io.lgc.artifact.container.DType.F16);
        // a diagonal of a Cholesky factor stored as 0 (the writer stores at least one step)
        NamedTensor factors = int8Mixtures().section("mixtures").tensor("class.0.covariance_factors");
        byte[] f = factors.data().clone();
        f[0] = 0;
        assertRejected(replace(int8Mixtures(), "mixtures", NamedTensor.ofInt8(factors.name(), factors.shape(), f)),
                "class.0.covariance_factors", "positive diagonal");
        // int8 tensors under a header that says fp16: their scales have no place there
        assertRejected(editHeader(int8Mixtures(), h -> h.getAsJsonObject("precision").addProperty("mixtures", "fp16")),
                "class.0.covariance_factors");
    }

    @Test
    void aScaleThatOverflowsTheWeightsIsRefused() throws IOException {
        float[] scales = int8().section("decoder").tensor("layers.4.weight.scale").toFloats();
        scales[0] = Float.MAX_VALUE;
        assertRejected(replace(int8(), "decoder", NamedTensor.ofFloats("layers.4.weight.scale", new long[] {8},
                scales)), "layers.4.weight", "Infinity");
    }

    @Test
    void minus128IsNotAnInt8WeightWeWrite() throws IOException {
        byte[] q = int8().section("decoder").tensor("layers.0.weight").data().clone();
        q[5] = -128;
        assertRejected(replace(int8(), "decoder", NamedTensor.ofInt8("layers.0.weight", new long[] {72, 4}, q)),
                "layers.0.weight", "-128 at index 5", "-127..127");
    }

    @Test
    void anInt4FileHoldsNothingBeyondSeven() throws IOException {
        Container int4 = ArtifactFile.toContainer(TinyArtifacts.tiny(), Precision.INT4);
        byte[] q = int4.section("decoder").tensor("layers.0.weight").data().clone();
        for (byte b : q) {
            assertThat(Math.abs(b)).isLessThanOrEqualTo(7);
        }
        q[5] = 8;
        assertRejected(replace(int4, "decoder", NamedTensor.ofInt8("layers.0.weight", new long[] {72, 4}, q)),
                "layers.0.weight", "8 at index 5", "int4 weights are symmetric, -7..7");
    }

    @Test
    void missingAndSurplusTensorsAreNamed() throws IOException {
        assertRejected(remove(int8(), "decoder", "layers.10.weight.scale"), "no tensor 'layers.10.weight.scale'");
        assertRejected(remove(fp32(), "mixtures", "class.1.means"), "no tensor 'class.1.means'",
                "the header's 3 classes");
        assertRejected(replace(fp32(), "decoder", NamedTensor.ofFloats("layers.1.weight", new long[] {1},
                new float[1])), "tensor 'layers.1.weight' is not part of the header's decoder at fp32");
        // a scale where the precision has none
        assertRejected(replace(fp32(), "decoder", NamedTensor.ofFloats("layers.0.weight.scale", new long[] {72},
                new float[72])), "layers.0.weight.scale");
    }

    @Test
    void mixturesForMoreClassesThanTheHeaderHasAreRefused() throws IOException {
        Container c = fp32();
        assertRejected(replace(c, "mixtures", NamedTensor.ofFloats("class.3.weights", new long[] {1},
                new float[] {1f})), "class.3.weights", "the header's 3 classes");
    }

    @Test
    void aHeaderWithMoreClassesThanMixturesIsRefused() throws IOException {
        Container c = editHeader(fp32(), h -> {
            JsonObject extra = new JsonObject();
            extra.addProperty("name", "hexagon");
            extra.addProperty("count", 5);
            extra.addProperty("components", 2);
            h.getAsJsonArray("classes").add(extra);
        });
        assertRejected(c, "no tensor 'class.3.weights'");
    }

    @Test
    void mixtureValuesMustMakeAMixture() throws IOException {
        assertRejected(replace(fp32(), "mixtures", NamedTensor.ofFloats("class.0.weights", new long[] {2},
                new float[] {1.2f, -0.2f})), "class.0.weights", "-0.2", ">= 0");
        assertRejected(replace(fp32(), "mixtures", NamedTensor.ofFloats("class.0.weights", new long[] {2},
                new float[] {0.6f, 0.6f})), "class.0.weights", "sums to 1.2");
        float[] means = fp32().section("mixtures").tensor("class.2.means").toFloats();
        means[3] = Float.NaN;
        assertRejected(replace(fp32(), "mixtures", NamedTensor.ofFloats("class.2.means", new long[] {2, 4}, means)),
                "class.2.means", "NaN at index 3");
        float[] factors = fp32().section("mixtures").tensor("class.1.covariance_factors").toFloats();
        factors[CovarianceFactors.diagonalIndex(CovarianceType.FULL, 2)] = 0f;
        assertRejected(replace(fp32(), "mixtures", NamedTensor.ofFloats("class.1.covariance_factors",
                new long[] {2, 10}, factors)), "class.1.covariance_factors", "diagonal entry 0.0", "row 2");
        float[] halfs = int8().section("mixtures").tensor("class.1.covariance_factors").toFloats();
        halfs[10 + CovarianceFactors.diagonalIndex(CovarianceType.FULL, 3)] = -1f;
        assertRejected(replace(int8(), "mixtures", NamedTensor.ofHalfs("class.1.covariance_factors",
                new long[] {2, 10}, halfs)), "class.1.covariance_factors", "block 1 at row 3");
    }

    @Test
    void aNonFiniteDecoderValueIsNamed() throws IOException {
        float[] bias = fp32().section("decoder").tensor("layers.4.bias").toFloats();
        bias[1] = Float.NEGATIVE_INFINITY;
        assertRejected(replace(fp32(), "decoder", NamedTensor.ofFloats("layers.4.bias", new long[] {8}, bias)),
                "layers.4.bias", "-Infinity at index 1");
    }

    @Test
    void thePrecisionMustBeOneWeKnow() throws IOException {
        assertRejected(editHeader(int8(), h -> h.getAsJsonObject("precision").addProperty("decoder", "fp8")),
                "precision.decoder", "fp8");
        assertRejected(editHeader(int8(), h -> h.getAsJsonObject("precision").addProperty("mixtures", "int4")),
                "precision.mixtures is int4");
        assertRejected(editHeader(int8(), h -> h.getAsJsonObject("precision").addProperty("extra", "x")),
                "'precision' must be an object");
        assertRejected(editHeader(int8(), h -> h.addProperty("precision", "int8")), "'precision' must be an object");
        // a header that claims fp32 for int8 tensors: their scales have no place
        assertRejected(editHeader(int8(), h -> h.getAsJsonObject("precision").addProperty("decoder", "fp32")),
                "'layers.0.weight.scale' is not part of the header's decoder at fp32");
    }

    @Test
    void aHeaderWithoutPrecisionMeansFp32AsFilesFromBeforeItExisted() throws IOException {
        Path file = dir.resolve("old.lgc");
        ContainerWriter.write(file, editHeader(fp32(), h -> h.remove("precision")), Codec.AUTO);
        assertThat(ArtifactFile.readVerified(file).precision()).isEqualTo(StoragePrecision.FP32);
        assertRejected(editHeader(int8(), h -> h.remove("precision")), "class.0.means", "is F16, expected F32");
    }

    @Test
    void missingSectionsAreNamed() throws IOException {
        Container c = fp32();
        assertRejected(new Container(c.header(), List.of(c.section("mixtures"))), "no section 'decoder'");
        assertRejected(new Container(c.header(), List.of(c.section("decoder"))), "no section 'mixtures'");
    }

    @Test
    void unknownSectionsAreIgnoredForForwardCompatibility() throws IOException {
        Container c = fp32();
        List<Section> sections = new ArrayList<>(c.sections());
        sections.add(new Section("thumbnails", List.of(NamedTensor.ofUint8("x", new long[] {2}, new byte[2]))));
        Path file = dir.resolve("newer.lgc");
        ContainerWriter.write(file, new Container(c.header(), sections), Codec.AUTO);
        assertThat(ArtifactFile.read(file).mixtures()).hasSize(3);
    }

    @Test
    void aDecoderWhoseActivationsWouldExhaustMemoryIsRefused() throws IOException {
        NetworkSpec huge = new NetworkSpec(new long[] {4}, List.of(new Layer.Linear(4, 4),
                new Layer.Reshape(new long[] {1, 2, 2}), new Layer.Upsample(5000)));
        CompressedDataset data = new CompressedDataset(
                TinyArtifacts.metadata(huge, new ImageShape(1, 10000, 10000), TinyArtifacts.CLASSES,
                        CovarianceType.DIAG),
                TinyArtifacts.randomMixtures(3, 1, 4, CovarianceType.DIAG, 1), TinyArtifacts.randomWeights(huge, 1));
        assertRejected(ArtifactFile.assemble(data, StoragePrecision.FP32), "decoder layer 2 (upsample_nearest)",
                "[1, 10000, 10000]");
    }

    @Test
    void aBrokenHeaderIsNamed() throws IOException {
        assertRejected(editHeader(fp32(), h -> h.addProperty("latent_dim", 5)), "invalid header", "latent dimension 5");
        assertRejected(editHeader(fp32(), h -> h.remove("classes")), "invalid header");
        assertRejected(editHeader(fp32(), h -> h.getAsJsonObject("pixel_scaling").addProperty("dtype", "uint16")),
                "invalid header", "pixel_scaling.dtype is 'uint16'");
        assertRejected(editHeader(fp32(), h -> h.getAsJsonArray("classes").get(1).getAsJsonObject()
                .addProperty("count", -1)), "invalid header", "classes[1].count is -1, outside 0..2147483647");
    }

    @Test
    void theWriterRefusesADecoderBeyondFp16sRange() {
        CompressedDataset data = TinyArtifacts.tiny();
        data.decoderWeights().get("layers.4.bias")[2] = 1e5f;
        assertThatThrownBy(() -> ArtifactFile.toContainer(data, Precision.FP16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layers.4.bias")
                .hasMessageContaining("fp16's range");
        assertThatThrownBy(() -> ArtifactFile.toContainer(data, Precision.INT8))
                .hasMessageContaining("layers.4.bias");
        assertThat(ArtifactFile.toContainer(data, Precision.FP32).sections()).hasSize(3);
        data.decoderWeights().get("layers.4.bias")[2] = 0f;
        data.decoderWeights().get("layers.4.weight")[0] = 1e5f;
        assertThat(ArtifactFile.toContainer(data, Precision.INT8).sections()).hasSize(3); // int8 has no range limit
    }

    private static Container replace(Container c, String section, NamedTensor tensor) {
        Section s = c.section(section);
        List<NamedTensor> tensors = new ArrayList<>();
        boolean replaced = false;
        for (NamedTensor t : s.tensors()) {
            if (t.name().equals(tensor.name())) {
                tensors.add(tensor);
                replaced = true;
            } else {
                tensors.add(t);
            }
        }
        if (!replaced) {
            tensors.add(tensor);
        }
        return withSection(c, new Section(section, tensors, s.metadata()));
    }

    private static Container remove(Container c, String section, String tensor) {
        Section s = c.section(section);
        List<NamedTensor> tensors = new ArrayList<>(s.tensors());
        assertThat(tensors.removeIf(t -> t.name().equals(tensor))).as("tensor %s exists", tensor).isTrue();
        return withSection(c, new Section(section, tensors, s.metadata()));
    }

    private static Container withSection(Container c, Section replacement) {
        List<Section> sections = new ArrayList<>();
        for (Section s : c.sections()) {
            sections.add(s.name().equals(replacement.name()) ? replacement : s);
        }
        return new Container(c.header(), sections);
    }

    private static Container editHeader(Container c, Consumer<JsonObject> edit) {
        JsonObject h = JsonParser.parseString(c.header().toString()).getAsJsonObject();
        edit.accept(h);
        return new Container(h, c.sections());
    }
}
