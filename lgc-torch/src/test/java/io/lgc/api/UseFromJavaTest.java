package io.lgc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import io.lgc.data.OutputFormat;
import io.lgc.eval.SyntheticImages;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.DecoderKind;
import io.lgc.synth.SampleBatches;
import io.lgc.synth.SamplingPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UseFromJavaTest {
    private static final Path README = Path.of("..", "README.md"); // the module directory is one below the root
    // built and run against the installed modules by maven-invoker-plugin (see this module's pom)
    private static final Path EXAMPLE = Path.of("..", "examples", "java", "src", "main", "java", "example",
            "CompressAndTrain.java");
    private static final Path EXAMPLE_POM = Path.of("..", "examples", "java", "pom.xml");
    private static final Path ROOT_POM = Path.of("..", "pom.xml");

    @TempDir
    Path dir;

    @Test
    void theReadmeShowsTheExampleThatRuns() throws Exception {
        String source = Files.readString(EXAMPLE);
        String body = source.substring(source.indexOf("// README example begins\n") + 25,
                source.indexOf("    // README example ends"));
        String readme = Files.readString(README);
        assertThat(readme).contains("## Use from Java");
        String section = readme.substring(readme.indexOf("## Use from Java"));
        assertThat(section.substring(0, section.indexOf("\n## ", 5))).contains(body.stripTrailing());
    }

    @Test
    void theExampleIsAProgramOfAtMostFifteenLines() throws Exception {
        String source = Files.readString(EXAMPLE);
        String body = source.substring(source.indexOf("public static void main"), source.indexOf("    // README example ends"));
        long lines = body.lines().filter(line -> !line.isBlank()).count();
        assertThat(lines).isBetween(5L, 15L);
    }

    @Test
    void theExampleDependsOnThisVersionOfTheLibrary() throws Exception {
        String root = Files.readString(ROOT_POM);
        String version = root.substring(root.indexOf("<version>") + 9, root.indexOf("</version>"));
        assertThat(Files.readString(EXAMPLE_POM)).contains("<lgc.version>" + version + "</lgc.version>")
                .contains("<artifactId>lgc-torch</artifactId>");
    }

    @Test
    void arraysAreLabelledDataAsTheyStand() {
        byte[] pixels = new byte[3 * 2 * 2];
        pixels[5] = (byte) 200;
        LabelledData images = Lgc.images(pixels, new int[] {0, 1, 0}, List.of("a", "b"), 1, 2, 2);
        assertThat(images).isInstanceOfSatisfying(io.lgc.data.Dataset.class, d -> {
            assertThat(d.size()).isEqualTo(3);
            assertThat(d.pixels()).isSameAs(pixels);
            assertThat(d.shape()).isEqualTo(new io.lgc.data.ImageShape(1, 2, 2));
        });
        LabelledData table = Lgc.table(new float[] {1, 2, 3, 4}, new int[] {1, 0}, List.of("x", "y"),
                List.of("width", "height"));
        assertThat(table).isInstanceOfSatisfying(io.lgc.data.Table.class, t -> {
            assertThat(t.columns().features()).containsExactly("width", "height");
            assertThat(t.labels()).containsExactly(1, 0);
        });
    }

    @Test
    void sampleCountSplitsByTheSourcesClassShares() {
        CompressedDataset artifact = io.lgc.artifact.TinyArtifacts.tiny();
        int[] counts = new int[artifact.metadata().numClasses()];
        long total = 0;
        try (SampleBatches batches = Lgc.sampleCount(artifact, 30, 1)) {
            while (batches.hasNext()) {
                LabelledData b = batches.next();
                for (int label : b.labels()) {
                    counts[label]++;
                }
                total += b.size();
            }
        }
        assertThat(total).isEqualTo(30);
        assertThat(counts).isEqualTo(SamplingPlan.proportional(artifact.metadata().classCounts(), 30, 1,
                SamplingPlan.DEFAULT_SPREAD).perClass());
    }

    @Test
    void writeMakesTheDatasetReconstructWouldAndRefusesToReplaceOne() throws Exception {
        CompressedDataset artifact = io.lgc.artifact.TinyArtifacts.tiny();
        Path out = dir.resolve("samples");
        SamplingPlan plan = SamplingPlan.uniform(artifact.metadata().numClasses(), 4, 1, 1.0);
        assertThat(Lgc.write(artifact, plan, OutputFormat.NPZ, out)).isEqualTo(plan.total());
        LabelledData back = Lgc.read(out.toString());
        assertThat(back.size()).isEqualTo(plan.total());
        assertThat(back.classNames()).isEqualTo(artifact.metadata().classNames());
        assertThatThrownBy(() -> Lgc.write(artifact, plan, OutputFormat.NPZ, out))
                .isInstanceOf(io.lgc.InputException.class).hasMessageContaining(out.toString());
    }

    @Test
    void forStorageTunesAnInt4DecoderForItsGridAsCompressDoesAndLeavesOthersAlone() {
        // a table's dense decoder: the tiny image decoder's 4- and 8-filter convolutions meet the NaN trap
        // (ENVIRONMENT.md) when trained on two threads
        CompressedDataset artifact = io.lgc.artifact.TinyArtifacts.table(io.lgc.gmm.CovarianceType.FULL, 7);
        assertThat(Lgc.forStorage(artifact, io.lgc.artifact.Precision.INT8, 1)).isSameAs(artifact);
        CompressedDataset int4 = Lgc.forStorage(artifact, io.lgc.artifact.Precision.INT4, 1);
        assertThat(int4.metadata().provenance().toString()).contains("\"rounding_tuning\"").contains("\"steps\":300");
        assertThat(int4.decoderWeights().keySet()).anySatisfy(name -> assertThat(int4.decoderWeights().get(name))
                .isNotEqualTo(artifact.decoderWeights().get(name)));
        assertThat(int4.mixtures()).isEqualTo(artifact.mixtures());
    }

    @Test
    void compressWithinWritesAFileOfAtMostTheBudgetAndRefusesOneNothingFits() throws Exception {
        LabelledData bands = SyntheticImages.bands(20, 10, 8, 5);
        Path small = dir.resolve("small.lgc");
        Path large = dir.resolve("large.lgc");
        assertThat(Lgc.compressWithin(bands, 12_000, 1, small, Progress.silent()).totalBytes())
                .isEqualTo(Files.size(small)).isLessThanOrEqualTo(12_000);
        assertThat(Lgc.compressWithin(bands, 60_000, 1, large, Progress.silent()).totalBytes())
                .isEqualTo(Files.size(large)).isLessThanOrEqualTo(60_000).isGreaterThan(Files.size(small));
        assertThat(Lgc.load(large).metadata().numClasses()).isEqualTo(10);
        Path none = dir.resolve("none.lgc");
        assertThatThrownBy(() -> Lgc.compressWithin(bands, 100, 1, none, Progress.silent()))
                .isInstanceOfSatisfying(io.lgc.ParameterException.class,
                        e -> assertThat(e.parameters()).containsExactly(io.lgc.Parameter.BUDGET));
        assertThat(none).doesNotExist();
        LabelledData table = Lgc.table(new float[] {1, 2, 3, 4}, new int[] {0, 1}, List.of("a", "b"),
                List.of("x", "y"));
        assertThatThrownBy(() -> Lgc.compressWithin(table, 60_000, 1, none, Progress.silent()))
                .isInstanceOf(io.lgc.InputException.class).hasMessageContaining("a table");
    }

    @Test
    void withCovarianceRankSavesTheLowRankFormWhichReadsBack() throws Exception {
        CompressedDataset artifact = io.lgc.artifact.TinyArtifacts.tiny();
        Path whole = dir.resolve("whole.lgc");
        Path ranked = dir.resolve("ranked.lgc");
        Lgc.save(artifact, whole, io.lgc.artifact.Precision.FP32);
        Lgc.save(Lgc.withCovarianceRank(artifact, 1), ranked, io.lgc.artifact.Precision.FP32);
        assertThat(java.nio.file.Files.size(ranked)).isLessThan(java.nio.file.Files.size(whole));
        CompressedDataset back = Lgc.load(ranked);
        assertThat(back.metadata().covarianceRank()).isEqualTo(1);
        assertThat(back.mixtures().get(0).covariancesFlat()).isNotEqualTo(artifact.mixtures().get(0).covariancesFlat());
        assertThat(Lgc.withCovarianceRank(artifact, 0).metadata().covarianceRank()).isZero();
        assertThatThrownBy(() -> Lgc.withCovarianceRank(artifact, artifact.metadata().latentDim()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleGivesThePerClassCountsAskedFor() {
        CompressedDataset artifact = io.lgc.artifact.TinyArtifacts.tiny();
        int[] counts = new int[3];
        try (SampleBatches batches = Lgc.sample(artifact, 7, 1)) {
            batches.forEachRemaining(b -> {
                for (int label : b.labels()) {
                    counts[label]++;
                }
            });
        }
        assertThat(counts).containsExactly(7, 7, 7);
    }

    @Test
    void sampleDrawsAtTheSpreadTheFileRecommends() {
        CompressedDataset plain = io.lgc.artifact.TinyArtifacts.tiny();
        CompressedDataset wide = plain.withDrawSpread(2.5);
        float[] byFile = inputs(Lgc.sample(wide, 7, 1));
        assertThat(inputs(Lgc.sample(plain, SamplingPlan.uniform(3, 7, 1, 2.5)))).containsExactly(byFile);
        assertThat(inputs(Lgc.sample(plain, 7, 1))).isNotEqualTo(byFile)
                .containsExactly(inputs(Lgc.sample(plain, SamplingPlan.uniform(3, 7, 1, SamplingPlan.DEFAULT_SPREAD))));
    }

    /** Every sample's network inputs, batch after batch. */
    private static float[] inputs(SampleBatches batches) {
        List<Float> all = new ArrayList<>();
        try (batches) {
            batches.forEachRemaining(b -> {
                float[] values = new float[b.size() * b.layout().size()];
                b.inputs(java.util.stream.IntStream.range(0, b.size()).toArray(), 0, b.size(), values);
                for (float v : values) {
                    all.add(v);
                }
            });
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    @Test
    void progressIsWhatTheCallerMakesOfIt() {
        LabelledData data = SyntheticImages.bands(20, 2, 8, 3);
        List<String> lines = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        Progress mine = new Progress() {
            @Override
            public void update(String task, long done, long total, long startNanos) {
                tasks.add(task);
            }

            @Override
            public void line(String text) {
                lines.add(text);
            }
        };
        CompressionConfig config = CompressionConfig.defaultsFor(data, 1).withDecoder(DecoderKind.AUTOENCODER);
        Lgc.compress(data, config, mine);
        assertThat(tasks).anyMatch(t -> t.startsWith("autoencoder epoch"));
        assertThat(lines).anyMatch(l -> l.contains("train loss"));
    }

    @Test
    void theLibraryDefaultsForImagesAreTheCommandLinesOwn() {
        Dataset small = SyntheticImages.bands(10, 3, 8, 1);
        assertThat(CompressionConfig.defaultsFor(small, 1).decoder()).isEqualTo(DecoderKind.auto(small))
                .isEqualTo(DecoderKind.PCA);
        assertThat(Lgc.compress(small).metadata().provenance().getAsJsonObject("config").get("decoder")
                .getAsString()).isEqualTo("pca");
    }

    @Test
    void theLibraryDefaultsForATableFollowItsSize() {
        LabelledData table = tinyTable();
        CompressionConfig config = CompressionConfig.defaultsFor(table, 1);
        assertThat(config.autoencoder().latentDim()).isEqualTo(3); // no more than its 3 features
        assertThat(config.autoencoder().featureMatching().enabled()).isFalse();
        assertThat(config.autoencoder().fit().epochs()).isGreaterThan(8); // enough steps for few batches
    }

    private static LabelledData tinyTable() {
        float[] values = new float[30 * 3];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i % 2;
            values[i * 3] = i;
        }
        return new io.lgc.data.Table(values, labels, List.of("a", "b"), io.lgc.artifact.TinyArtifacts.TABLE);
    }
}
