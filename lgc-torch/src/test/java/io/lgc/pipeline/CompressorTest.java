package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactFormatException;
import io.lgc.artifact.Precision;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.eval.SyntheticImages;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.Decoder;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compression of a tiny synthetic image set, and the artifact it yields, end to end in memory. */
class CompressorTest {
    private static CompressionResult result;
    private static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void compress() {
        data = SyntheticImages.stripes(30, 7);
        AutoencoderConfig ae = new AutoencoderConfig(3, 16, new FitConfig(3, 16, 3e-3, 3), 0.1,
                FeatureMatching.OFF);
        CompressionConfig config = new CompressionConfig(ae, MixtureSettings.fixed(2, CovarianceType.FULL, 1), 3);
        result = Compressor.compress(data, new SourceInfo("stripes", "idx", "00", 1234), config, Progress.silent());
    }

    @Test
    void oneMixturePerClassInTheLatentSpace() {
        CompressedDataset c = result.dataset();
        assertThat(c.mixtures()).hasSize(3).allSatisfy(m -> {
            assertThat(m.dimension()).isEqualTo(3);
            assertThat(m.components()).isEqualTo(2);
        });
        assertThat(c.metadata().classNames()).containsExactly("horizontal", "vertical", "diagonal");
        assertThat(c.metadata().classCounts()).containsExactly(30, 30, 30);
        assertThat(c.metadata().mixtureReport().getAsJsonArray("classes")).hasSize(3);
        assertThat(c.metadata().provenance().getAsJsonObject("source").get("name").getAsString())
                .isEqualTo("stripes");
        assertThat(result.times().seconds()).containsKeys("train autoencoder", "encode", "fit mixtures");
    }

    @Test
    void artifactRoundTripKeepsParametersAndDecoderOutputs() {
        Path file = dir.resolve("stripes.lgc");
        ArtifactFile.write(file, result.dataset(), Precision.FP32);
        CompressedDataset back = ArtifactFile.read(file);
        for (int c = 0; c < 3; c++) {
            GaussianMixture a = result.dataset().mixtures().get(c);
            GaussianMixture b = back.mixtures().get(c);
            assertThat(b.weights()).usingElementComparator(relative(1e-6)).containsExactly(box(a.weights()));
            assertThat(b.covariancesFlat()).usingElementComparator(relative(1e-5))
                    .containsExactly(box(a.covariancesFlat()));
            for (int k = 0; k < a.components(); k++) {
                assertThat(b.means()[k]).usingElementComparator(relative(1e-6)).containsExactly(box(a.means()[k]));
            }
        }
        back.decoderWeights().forEach((name, w) ->
                assertThat(w).as(name).containsExactly(result.dataset().decoderWeights().get(name)));
        float[] latents = {0.5f, -1f, 2f, 0f, 0.25f, -0.75f};
        try (Decoder before = Decoder.load(result.dataset().metadata().decoder(), result.dataset().decoderWeights());
                Decoder after = Decoder.load(back.metadata().decoder(), back.decoderWeights())) {
            assertThat(after.decode(latents, 2)).containsExactly(before.decode(latents, 2));
        }
        ArtifactFile.write(dir.resolve("again.lgc"), back, Precision.FP32);
        assertThat(bytes(dir.resolve("again.lgc"))).isEqualTo(bytes(file));
    }

    @Test
    void truncatedAndBitFlippedArtifactsAreRefused() throws Exception {
        Path file = dir.resolve("good.lgc");
        ArtifactFile.write(file, result.dataset(), Precision.FP32);
        byte[] good = Files.readAllBytes(file);
        Random random = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            Path damaged = dir.resolve("damaged.lgc");
            byte[] copy = good.clone();
            if (trial % 2 == 0) {
                copy = java.util.Arrays.copyOf(copy, random.nextInt(good.length));
            } else {
                copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
            }
            Files.write(damaged, copy);
            assertThatThrownBy(() -> ArtifactFile.read(damaged)).isInstanceOf(ArtifactFormatException.class)
                    .hasMessageStartingWith(damaged.toString());
        }
    }

    @Test
    void reconstructionIsDeterministicForASeedAndFollowsThePlan() {
        SamplingPlan plan = new SamplingPlan(new int[] {5, 0, 7}, 42, 1.0);
        ReconstructionCapture a = capture(plan);
        ReconstructionCapture b = capture(plan);
        assertThat(a.pixels()).isEqualTo(b.pixels());
        assertThat(a.labels()).containsExactlyElementsOf(b.labels());
        assertThat(a.labels()).hasSize(12).filteredOn(l -> l == 1).isEmpty();
        assertThat(a.labels()).filteredOn(l -> l == 2).hasSize(7);
        assertThat(capture(new SamplingPlan(new int[] {5, 0, 7}, 43, 1.0)).pixels()).isNotEqualTo(a.pixels());
    }

    @Test
    void aClassWithoutSamplesIsRefusedByName() {
        Dataset missing = new Dataset(new byte[2 * 64], new int[] {0, 0}, List.of("present", "absent"),
                new ImageShape(1, 8, 8));
        CompressionConfig config = CompressionConfig.defaults(1);
        assertThatThrownBy(() -> Compressor.compress(missing, new SourceInfo("tiny", "idx", "00", 1), config,
                Progress.silent())).isInstanceOf(InputException.class).hasMessageContaining("'absent'");
    }

    @Test
    void pcaDecoderGivesALinearArtifactWhoseSamplesLookLikeTheirClass() {
        CompressionConfig config = new CompressionConfig(DecoderKind.PCA, new AutoencoderConfig(6, 16,
                new FitConfig(1, 16, 1e-3, 3), 0.1, FeatureMatching.OFF),
                MixtureSettings.fixed(1, CovarianceType.FULL, 1), 3);
        CompressionResult pca = Compressor.compress(data, new SourceInfo("stripes", "idx", "00", 1234), config,
                Progress.silent());
        CompressedDataset c = pca.dataset();
        assertThat(c.metadata().decoder().layers()).hasSize(2);
        assertThat(c.metadata().provenance().getAsJsonObject("config").get("decoder").getAsString()).isEqualTo("pca");
        assertThat(c.metadata().provenance().getAsJsonObject("config").has("epochs")).isFalse();
        assertThat(pca.times().seconds()).containsKey("fit pca").doesNotContainKey("train autoencoder");
        // Each class's decoded samples are closer to its own mean image than to the other classes'.
        double[][] means = classMeans(data);
        List<byte[]> samples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Reconstructor.reconstruct(c, new SamplingPlan(new int[] {20, 20, 20}, 5, 1.0), (px, lb) -> {
            for (int i = 0; i < lb.length; i++) {
                samples.add(java.util.Arrays.copyOfRange(px, i * 64, (i + 1) * 64));
                labels.add(lb[i]);
            }
        }, Progress.silent());
        for (int i = 0; i < samples.size(); i++) {
            assertThat(nearest(means, samples.get(i))).as("sample %d", i).isEqualTo(labels.get(i));
        }
    }

    private static double[][] classMeans(Dataset d) {
        double[][] means = new double[3][64];
        int[] counts = d.classCounts();
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < 64; j++) {
                means[d.labels()[i]][j] += (d.pixels()[i * 64 + j] & 0xFF) / (double) counts[d.labels()[i]];
            }
        }
        return means;
    }

    private static int nearest(double[][] means, byte[] sample) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < means.length; c++) {
            double distance = 0;
            for (int j = 0; j < sample.length; j++) {
                double e = (sample[j] & 0xFF) - means[c][j];
                distance += e * e;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    private record ReconstructionCapture(byte[] pixels, List<Integer> labels) {
    }

    private static ReconstructionCapture capture(SamplingPlan plan) {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Integer> labels = new ArrayList<>();
        Reconstructor.reconstruct(result.dataset(), plan, (px, lb) -> {
            pixels.writeBytes(px);
            for (int l : lb) {
                labels.add(l);
            }
        }, Progress.silent());
        return new ReconstructionCapture(pixels.toByteArray(), labels);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Double[] box(double[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    private static java.util.Comparator<Double> relative(double tolerance) {
        return (x, y) -> Math.abs(x - y) <= tolerance * Math.max(1e-3, Math.abs(y)) ? 0 : Double.compare(x, y);
    }

    @Test
    void imagesTooLargeForAnyReaderAreRefusedBeforeTraining() {
        // four 1024x1024 images: the convolutional decoder's activations would pass the reader's limit
        ImageShape huge = new ImageShape(1, 1024, 1024);
        Dataset data = new Dataset(new byte[4 * huge.size()], new int[] {0, 0, 1, 1}, List.of("a", "b"), huge);
        CompressionConfig config = CompressionConfig.defaults(1);
        assertThatThrownBy(() -> Compressor.compress(data, new SourceInfo("big", "folder", "", 1), config,
                Progress.silent()))
                .isInstanceOf(io.lgc.InputException.class)
                .hasMessageStartingWith("big: samples this large make a decoder no reader accepts")
                .hasMessageEndingWith("; use smaller images (ReadOptions.size)");
    }
}
