package io.lgc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.IdxWriter;
import io.lgc.data.LabelledData;
import io.lgc.eval.SyntheticImages;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.synth.SampleBatches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UseFromJavaTest {
    private static final Path README = Path.of("..", "README.md"); // the module directory is one below the root
    private static final Path EXAMPLE = Path.of("src", "test", "java", "io", "lgc", "api", "CompressAndTrain.java");

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
    void theExampleCompressesAndTrainsOnTheFile() throws Exception {
        Path train = dir.resolve("train");
        IdxWriter.write(SyntheticImages.bands(40, 3, 8, 1), train, "train");
        Path file = dir.resolve("bands.lgc");
        CompressAndTrain.main(new String[] {train.toString(), file.toString()});
        CompressedDataset artifact = Lgc.load(file);
        assertThat(artifact.metadata().classNames()).hasSize(3);
        assertThat(artifact.metadata().provenance().getAsJsonObject("source").get("name").getAsString())
                .isEqualTo("in-memory data");
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
        CompressionConfig config = CompressionConfig.defaultsFor(data, 1);
        Lgc.compress(data, config, mine);
        assertThat(tasks).anyMatch(t -> t.startsWith("autoencoder epoch"));
        assertThat(lines).anyMatch(l -> l.contains("train loss"));
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
