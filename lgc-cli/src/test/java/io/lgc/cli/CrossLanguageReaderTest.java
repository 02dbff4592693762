package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.container.Codec;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.Precision;
import io.lgc.artifact.container.Section;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * tools/lgc_read.py, written from docs/FORMAT.md alone, must read what Java writes exactly as
 * Java does: same decoded images (to 1e-4; the decoder uses every layer op), the same verdict
 * on intact and damaged files, and samples from the stored mixtures. Skipped where
 * /usr/bin/python3 lacks numpy or torch (CI installs them).
 */
class CrossLanguageReaderTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path READER = Path.of("..", "tools", "lgc_read.py"); // the module directory is one below the root
    private static final int LATENTS = 32;

    @TempDir
    Path dir;

    @BeforeAll
    static void pythonHasNumpyAndTorch() {
        boolean available;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import numpy, torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        assumeTrue(available, PYTHON + " with numpy and torch is not installed");
        assertThat(READER).exists();
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * The output of Python {@code lines} run after the reader has read {@code artifact} into {@code a}
     * (with sys, json, numpy as np and lgc_read imported); the script must succeed.
     */
    private static String readerScript(Path artifact, String... lines) throws IOException, InterruptedException {
        List<String> script = new ArrayList<>(List.of("import sys, json, numpy as np",
                "sys.path.insert(0, '" + READER.getParent() + "')", "import lgc_read",
                "a = lgc_read.read_artifact(open(sys.argv[1], 'rb').read())"));
        script.addAll(List.of(lines));
        Process p = new ProcessBuilder(PYTHON, "-c", String.join("\n", script), artifact.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
        return output;
    }

    private static Run python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, READER.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("python finished").isTrue();
        return new Run(p.exitValue(), output);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void pythonDecodesTheSameImagesAsJava(Precision precision) throws Exception {
        Path artifact = dir.resolve(precision.label() + ".lgc");
        ArtifactFile.write(artifact, TinyArtifacts.tiny(), precision);
        assertPythonDecodesAsJava(artifact);
    }

    @Test
    void pythonDecodesAMixedDecoderAsJava() throws Exception {
        // every weight but the first on int4's grid, as --int8-layers leaves them: an int8 file of both kinds
        CompressedDataset tiny = TinyArtifacts.tiny();
        Map<String, long[]> shapes = tiny.metadata().decoder().parameterShapes();
        Map<String, float[]> weights = new LinkedHashMap<>();
        tiny.decoderWeights().forEach((name, values) -> weights.put(name, name.endsWith(".weight")
                && !name.equals("layers.0.weight") ? Precision.INT4.stored(values, (int) shapes.get(name)[0]) : values));
        Path artifact = dir.resolve("mixed.lgc");
        ArtifactFile.write(artifact, new CompressedDataset(tiny.metadata(), tiny.mixtures(), weights), Precision.INT8);
        assertThat(ArtifactFile.read(artifact).decoderWeights()).allSatisfy((name, values) -> {
            if (name.endsWith(".weight") && !name.equals("layers.0.weight")) {
                assertThat(values).as(name).containsExactly(weights.get(name));
            }
        });
        assertPythonDecodesAsJava(artifact);
    }

    private void assertPythonDecodesAsJava(Path artifact) throws Exception {
        float[] latents = latents(LATENTS, 9);
        Path in = dir.resolve("lat.npy");
        Path out = dir.resolve("out.npy");
        Npy.writeFloats(in, latents, LATENTS, TinyArtifacts.LATENT);

        Run run = python(artifact.toString(), "--decode", in.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        CompressedDataset read = ArtifactFile.read(artifact);
        float[] expected;
        try (Decoder decoder = Decoder.load(read.metadata().decoder(), read.decoderWeights())) {
            expected = decoder.decode(latents, LATENTS);
        }
        Npy.Array actual = Npy.read(Files.readAllBytes(out));
        assertThat(actual.descr()).isEqualTo("<f4");
        assertThat(actual.shape()).containsExactly(LATENTS, 2, 4, 4);
        float[] values = actual.floats();
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(values[i] - expected[i]));
        }
        assertThat(max).as("largest difference").isLessThanOrEqualTo(1e-4);
        float[] first = Arrays.copyOf(expected, 2 * 4 * 4);
        float[] second = Arrays.copyOfRange(expected, 2 * 4 * 4, 4 * 4 * 4);
        assertThat(second).as("outputs that depend on the latent").isNotEqualTo(first);
    }

    @Test
    void pythonVerifiesAnIntactFileAndRejectsDamagedOnes() throws Exception {
        Path good = dir.resolve("good.lgc");
        ArtifactFile.write(good, TinyArtifacts.tiny(), Precision.INT8);
        Run ok = python(good.toString(), "--verify");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output().strip()).isEqualTo(good + ": OK");

        byte[] bytes = Files.readAllBytes(good);
        for (int at : new int[] {30, bytes.length / 2, bytes.length - 10}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x04;
            Path file = dir.resolve("flipped-" + at + ".lgc");
            Files.write(file, damaged);
            Run run = python(file.toString(), "--verify");
            assertThat(run.exitCode()).as("flip at %d: %s", at, run.output()).isNotZero();
            assertThat(run.output()).contains("FAILED");
        }
    }

    @Test
    void pythonAppliesTheLgcChecksBehindValidChecksums() throws Exception {
        Path good = dir.resolve("good.lgc");
        ArtifactFile.write(good, TinyArtifacts.tiny(), Precision.INT8);
        Container c = ContainerReader.read(good);
        float[] scales = c.section("decoder").tensor("layers.7.weight.scale").toFloats();
        scales[5] = 0f;
        Path forged = dir.resolve("zero-scale.lgc");
        ContainerWriter.write(forged, replaced(c, NamedTensor.ofFloats("layers.7.weight.scale", new long[] {8},
                scales)), Codec.AUTO);

        Run run = python(forged.toString(), "--verify");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("FAILED").contains("layers.7.weight.scale").contains("channel 5");
    }

    @Test
    void pythonAppliesTheInt8MixtureChecks() throws Exception {
        Path good = dir.resolve("int8-mixtures.lgc");
        ArtifactFile.write(good, TinyArtifacts.tiny(), new io.lgc.artifact.StoragePrecision(Precision.INT8,
                Precision.INT8));
        assertThat(python(good.toString(), "--verify").exitCode()).isZero();
        Container c = ContainerReader.read(good);
        NamedTensor scale = c.section("mixtures").tensor("class.2.covariance_factors.scale");
        float[] scales = scale.toFloats();
        scales[3] = 0f;
        Path zero = dir.resolve("zero-mixture-scale.lgc");
        ContainerWriter.write(zero, replaced(c, NamedTensor.ofFloats(scale.name(), scale.shape(),
                scales)), Codec.AUTO);
        Run run = python(zero.toString(), "--verify");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("FAILED").contains("class.2.covariance_factors.scale")
                .contains("finite and positive");
        NamedTensor factors = c.section("mixtures").tensor("class.0.covariance_factors");
        byte[] q = factors.data().clone();
        q[1] = -128;
        Path minus = dir.resolve("minus-128-factor.lgc");
        ContainerWriter.write(minus, replaced(c, NamedTensor.ofInt8(factors.name(), factors.shape(), q)),
                Codec.AUTO);
        run = python(minus.toString(), "--verify");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("FAILED").contains("class.0.covariance_factors")
                .contains("-128 at index 1");
    }

    @Test
    void pythonRefusesAnInt4WeightBeyondSeven() throws Exception {
        Path good = dir.resolve("int4.lgc");
        ArtifactFile.write(good, TinyArtifacts.tiny(), Precision.INT4);
        Container c = ContainerReader.read(good);
        byte[] q = c.section("decoder").tensor("layers.0.weight").data().clone();
        q[9] = -9;
        Path forged = dir.resolve("int4-nine.lgc");
        ContainerWriter.write(forged, replaced(c, NamedTensor.ofInt8("layers.0.weight", new long[] {72, 4}, q)),
                Codec.AUTO);

        assertThat(python(good.toString(), "--verify").exitCode()).isZero();
        Run run = python(forged.toString(), "--verify");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("FAILED").contains("layers.0.weight").contains("-9 at index 9")
                .contains("-7..7");
    }

    @Test
    void pythonSamplesEachClassFromItsMixture() throws Exception {
        // components so narrow (std 1e-6) that every sample is, to the pixel, its component's decoded mean
        CompressedDataset base = TinyArtifacts.tiny();
        Random r = new Random(4);
        List<GaussianMixture> mixtures = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[][] means = new double[2][TinyArtifacts.LATENT];
            for (double[] m : means) {
                for (int j = 0; j < m.length; j++) {
                    m[j] = 2 * r.nextGaussian();
                }
            }
            double[] variances = new double[2 * TinyArtifacts.LATENT];
            Arrays.fill(variances, 1e-12);
            mixtures.add(GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {0.3, 0.7}, means,
                    variances));
        }
        CompressedDataset data = new CompressedDataset(TinyArtifacts.metadata(base.metadata().decoder(),
                TinyArtifacts.IMAGE, TinyArtifacts.CLASSES, CovarianceType.DIAG), mixtures, base.decoderWeights());
        Path artifact = dir.resolve("narrow.lgc");
        ArtifactFile.write(artifact, data, Precision.FP32);
        Path out = dir.resolve("samples.npz");

        Run run = python(artifact.toString(), "--sample", "40", "--seed", "3", "-o", out.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        Npy.Array x = Npy.readFromZip(out, "x.npy");
        Npy.Array y = Npy.readFromZip(out, "y.npy");
        assertThat(x.descr()).isEqualTo("|u1");
        assertThat(x.shape()).containsExactly(120, 2, 4, 4);
        assertThat(y.descr()).isEqualTo("<i8");
        long[] labels = y.longs();
        byte[] pixels = x.data();
        int size = 2 * 4 * 4;
        int[] usedComponents = new int[2];
        try (Decoder decoder = Decoder.load(data.metadata().decoder(), data.decoderWeights())) {
            for (int c = 0; c < 3; c++) {
                float[] means = new float[2 * TinyArtifacts.LATENT];
                for (int k = 0; k < 2; k++) {
                    for (int j = 0; j < TinyArtifacts.LATENT; j++) {
                        means[k * TinyArtifacts.LATENT + j] = (float) mixtures.get(c).means()[k][j];
                    }
                }
                float[] decoded = decoder.decode(means, 2);
                for (int s = 0; s < 40; s++) {
                    int row = c * 40 + s;
                    assertThat(labels[row]).isEqualTo(c);
                    int component = closest(pixels, row * size, decoded, size, data);
                    assertThat(component).as("sample %d matches a component of class %d", row, c).isNotNegative();
                    usedComponents[component]++;
                }
            }
        }
        assertThat(usedComponents[0]).as("weight 0.3 of 120 draws").isBetween(15, 60);
    }

    @Test
    void pythonLatentsHaveTheMixturesMoments() throws Exception {
        // full covariances: a mistake in the packing order or a transposed factor changes the covariance
        CompressedDataset data = TinyArtifacts.tiny(CovarianceType.FULL, 21);
        Path artifact = dir.resolve("full.lgc");
        ArtifactFile.write(artifact, data, Precision.FP32);
        String output = readerScript(artifact,
                "z, y = lgc_read.sample_latents(a, 100000, np.random.default_rng(5))",
                "z = z[y == 1]",
                "print(json.dumps({'mean': z.mean(0).tolist(), 'cov': np.cov(z.T, bias=True).ravel().tolist()}))");
        com.google.gson.JsonObject moments = com.google.gson.JsonParser.parseString(output.strip()).getAsJsonObject();

        GaussianMixture m = data.mixtures().get(1);
        int d = TinyArtifacts.LATENT;
        double[] mean = new double[d];
        double[] second = new double[d * d];
        double[] cov = m.covariancesFlat();
        for (int k = 0; k < m.components(); k++) {
            double w = m.weights()[k];
            double[] mu = m.means()[k];
            for (int i = 0; i < d; i++) {
                mean[i] += w * mu[i];
                for (int j = 0; j < d; j++) {
                    second[i * d + j] += w * (cov[k * d * d + i * d + j] + mu[i] * mu[j]);
                }
            }
        }
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, second[i * d + i] - mean[i] * mean[i]);
        }
        for (int i = 0; i < d; i++) {
            assertThat(moments.getAsJsonArray("mean").get(i).getAsDouble()).as("mean[%d]", i)
                    .isCloseTo(mean[i], org.assertj.core.data.Offset.offset(0.03 * Math.sqrt(scale)));
            for (int j = 0; j < d; j++) {
                double expected = second[i * d + j] - mean[i] * mean[j];
                assertThat(moments.getAsJsonArray("cov").get(i * d + j).getAsDouble()).as("cov[%d][%d]", i, j)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.03 * scale));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void pythonReadsInt8MixturesAsJavaDoes(CovarianceType type) throws Exception {
        // each value is q times its row's scale: a row assigned the wrong scale moves a mean or a covariance
        CompressedDataset data = TinyArtifacts.tiny(type, 8);
        Path artifact = dir.resolve("int8-mixtures-" + type + ".lgc");
        ArtifactFile.write(artifact, data, new io.lgc.artifact.StoragePrecision(Precision.INT8, Precision.INT8));
        String output = readerScript(artifact,
                "out = []",
                "for w, means, factors in a.mixtures:",
                "    cov = np.einsum('kij,klj->kil', factors, factors)",
                "    if a.covariance_type == 'tied': cov = cov[:1]",
                "    if a.covariance_type == 'diag': cov = np.diagonal(cov, axis1=1, axis2=2)",
                "    if a.covariance_type == 'spherical': cov = cov[:, 0, 0]",
                "    out.append({'means': means.ravel().tolist(), 'cov': cov.ravel().tolist()})",
                "print(json.dumps(out))");
        com.google.gson.JsonArray classes = com.google.gson.JsonParser.parseString(output.strip()).getAsJsonArray();

        CompressedDataset read = ArtifactFile.read(artifact);
        assertThat(classes).hasSize(read.mixtures().size());
        for (int c = 0; c < classes.size(); c++) {
            GaussianMixture m = read.mixtures().get(c);
            double[] means = Arrays.stream(m.means()).flatMapToDouble(Arrays::stream).toArray();
            com.google.gson.JsonArray pyMeans = classes.get(c).getAsJsonObject().getAsJsonArray("means");
            com.google.gson.JsonArray pyCov = classes.get(c).getAsJsonObject().getAsJsonArray("cov");
            assertThat(pyMeans).hasSize(means.length);
            for (int i = 0; i < means.length; i++) {
                assertThat(pyMeans.get(i).getAsDouble()).as("class %d mean value %d", c, i).isEqualTo(means[i]);
            }
            double[] cov = m.covariancesFlat();
            assertThat(pyCov).hasSize(cov.length);
            for (int i = 0; i < cov.length; i++) {
                assertThat(pyCov.get(i).getAsDouble()).as("class %d covariance value %d", c, i)
                        .isCloseTo(cov[i], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(cov[i]))));
            }
        }
        // and the grid moved them: int8 is not fp32 under another name
        double[] original = data.mixtures().get(0).means()[0];
        double[] stored = read.mixtures().get(0).means()[0];
        assertThat(stored).isNotEqualTo(original);
    }

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FP32", "FP16", "INT8"})
    void pythonReadsLowRankCovariancesAsJavaDoes(Precision mixtures) throws Exception {
        // loading vectors then deviations, row by row: a transposed block or a missing square changes a covariance
        CompressedDataset tiny = TinyArtifacts.tiny(CovarianceType.FULL, 9);
        CompressedDataset data = new CompressedDataset(tiny.metadata().withCovarianceRank(2), tiny.mixtures(),
                tiny.decoderWeights());
        Path artifact = dir.resolve("lowrank-" + mixtures + ".lgc");
        ArtifactFile.write(artifact, data, new io.lgc.artifact.StoragePrecision(Precision.FP32, mixtures));
        String output = readerScript(artifact,
                "print(json.dumps([np.einsum('kij,klj->kil', f, f).ravel().tolist() for _, _, f in a.mixtures]))");
        com.google.gson.JsonArray classes = com.google.gson.JsonParser.parseString(output.strip()).getAsJsonArray();
        CompressedDataset read = ArtifactFile.read(artifact);
        assertThat(classes).hasSize(read.mixtures().size());
        for (int c = 0; c < classes.size(); c++) {
            double[] cov = read.mixtures().get(c).covariancesFlat();
            com.google.gson.JsonArray pyCov = classes.get(c).getAsJsonArray();
            assertThat(pyCov).hasSize(cov.length);
            for (int i = 0; i < cov.length; i++) {
                assertThat(pyCov.get(i).getAsDouble()).as("class %d covariance value %d", c, i)
                        .isCloseTo(cov[i], org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(cov[i]))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void pythonDecodesTheSameTableRowsAsJava(Precision precision) throws Exception {
        CompressedDataset data = TinyArtifacts.table(CovarianceType.FULL, 11);
        Path artifact = dir.resolve("table-" + precision.label() + ".lgc");
        ArtifactFile.write(artifact, data, precision);
        float[] latents = latents(LATENTS, 12);
        Path in = dir.resolve("lat.npy");
        Path out = dir.resolve("out.npy");
        Npy.writeFloats(in, latents, LATENTS, TinyArtifacts.LATENT);

        Run run = python(artifact.toString(), "--decode", in.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        CompressedDataset read = ArtifactFile.read(artifact);
        float[] expected;
        try (Decoder decoder = Decoder.load(read.metadata().decoder(), read.decoderWeights())) {
            expected = decoder.decode(latents, LATENTS);
        }
        Npy.Array actual = Npy.read(Files.readAllBytes(out));
        assertThat(actual.descr()).isEqualTo("<f4");
        assertThat(actual.shape()).containsExactly(LATENTS, 3);
        float[] values = actual.floats();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) values[i]).as("output %d", i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-4));
        }
        Run verified = python(artifact.toString(), "--verify");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
    }

    @Test
    void pythonUndoesATablesStandardisationAsJavaDoes() throws Exception {
        // point-like classes at known standardised positions, decoded by a pass-through decoder
        double[][] means = {{0, 0, 0}, {1, -2, 0.5}, {-1, 3, 2}};
        CompressedDataset data = TinyArtifacts.pointTable(means);
        Path artifact = dir.resolve("points.lgc");
        ArtifactFile.write(artifact, data, Precision.FP32);
        Path out = dir.resolve("samples.npz");

        Run run = python(artifact.toString(), "--sample", "10", "--seed", "2", "-o", out.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        Npy.Array x = Npy.readFromZip(out, "x.npy");
        long[] labels = Npy.readFromZip(out, "y.npy").longs();
        assertThat(x.descr()).isEqualTo("<f4");
        assertThat(x.shape()).containsExactly(30, 3);
        assertThat(Npy.readFromZip(out, "feature_names.npy").shape()).containsExactly(3);
        List<float[]> javaRows = new ArrayList<>();
        io.lgc.synth.Reconstructor.reconstructBatches(data, io.lgc.synth.SamplingPlan.uniform(3, 1, 2, 1.0),
                batch -> {
                    io.lgc.data.Table t = (io.lgc.data.Table) batch;
                    for (int i = 0; i < t.size(); i++) {
                        javaRows.add(Arrays.copyOfRange(t.values(), 3 * i, 3 * i + 3));
                    }
                }, io.lgc.Progress.silent());
        double[] mean = TinyArtifacts.TABLE_SCALING.mean();
        double[] std = TinyArtifacts.TABLE_SCALING.std();
        float[] values = x.floats();
        for (int row = 0; row < 30; row++) {
            int c = (int) labels[row];
            assertThat(c).isEqualTo(row / 10);
            for (int j = 0; j < 3; j++) {
                double expected = mean[j] + std[j] * means[c][j];
                assertThat((double) values[row * 3 + j]).as("python row %d feature %d", row, j)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
                assertThat((double) javaRows.get(c)[j]).as("java class %d feature %d", c, j)
                        .isCloseTo(values[row * 3 + j], org.assertj.core.data.Offset.offset(2e-3));
            }
        }
    }

    /** The component whose decoded mean equals the sample to ±1 level, or -1. */
    private static int closest(byte[] pixels, int offset, float[] decoded, int size, CompressedDataset data) {
        for (int k = 0; k < 2; k++) {
            boolean all = true;
            for (int i = 0; i < size && all; i++) {
                int expected = data.metadata().scaling().toUint8(decoded[k * size + i]) & 0xff;
                all = Math.abs((pixels[offset + i] & 0xff) - expected) <= 1;
            }
            if (all) {
                return k;
            }
        }
        return -1;
    }

    private static float[] latents(int n, long seed) {
        Random r = new Random(seed);
        float[] z = new float[n * TinyArtifacts.LATENT];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (2 * r.nextGaussian());
        }
        return z;
    }

    private static Container replaced(Container c, NamedTensor tensor) {
        List<Section> sections = new ArrayList<>();
        for (Section s : c.sections()) {
            List<NamedTensor> tensors = new ArrayList<>();
            s.tensors().forEach(t -> tensors.add(t.name().equals(tensor.name()) ? tensor : t));
            sections.add(new Section(s.name(), tensors, s.metadata()));
        }
        return new Container(c.header(), sections);
    }

    /** Just enough of NumPy's .npy format (version 1.0, C order) for these tests. */
    static final class Npy {
        private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
        private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
        private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

        record Array(String descr, long[] shape, byte[] data) {
            float[] floats() {
                float[] out = new float[data.length / 4];
                ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
                return out;
            }

            long[] longs() {
                long[] out = new long[data.length / 8];
                ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
                return out;
            }
        }

        static void writeFloats(Path file, float[] values, int rows, int cols) throws IOException {
            String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
            StringBuilder header = new StringBuilder(dict);
            while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) {
                header.append(' ');
            }
            header.append('\n');
            ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * values.length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length())
                    .put(header.toString().getBytes(StandardCharsets.US_ASCII));
            buf.asFloatBuffer().put(values);
            Files.write(file, buf.array());
        }

        static Array read(byte[] bytes) {
            assertThat(Arrays.copyOf(bytes, MAGIC.length)).as("npy magic").isEqualTo(MAGIC);
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int major = bytes[6];
            int headerLength = major == 1 ? buf.getShort(8) & 0xffff : buf.getInt(8);
            int start = major == 1 ? 10 : 12;
            String header = new String(bytes, start, headerLength, StandardCharsets.US_ASCII);
            assertThat(header).contains("'fortran_order': False");
            Matcher descr = DESCR.matcher(header);
            Matcher shape = SHAPE.matcher(header);
            assertThat(descr.find() && shape.find()).as(header).isTrue();
            long[] dims = Arrays.stream(shape.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            return new Array(descr.group(1), dims, Arrays.copyOfRange(bytes, start + headerLength, bytes.length));
        }

        static Array readFromZip(Path npz, String entry) throws IOException {
            try (ZipFile zip = new ZipFile(npz.toFile())) {
                ZipEntry e = zip.getEntry(entry);
                assertThat(e).as(entry + " in " + npz).isNotNull();
                try (InputStream in = zip.getInputStream(e)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    return read(out.toByteArray());
                }
            }
        }
    }
}
