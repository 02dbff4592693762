package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * compress --rounding-candidates N: the rounding steps run N times, with the draws seeded --seed, --seed + 1, …,
 * and the file whose draws train the best classifiers is kept, the choice recorded beside the rounding's.
 */
class RoundingCandidatesOptionTest extends QuickCompressFixture {
    private static final String[] INT4 = {"--decoder", "autoencoder", "--precision", "int4", "--rounding-steps", "5"};

    private CliRun compress(String name, String... options) {
        return quick.to(dir.resolve(name), QuickCompress.concat(INT4, options));
    }

    @Test
    void everyCandidateIsJudgedAndTheKeptOneIsRecorded() {
        CliRun two = compress("two.lgc", "--rounding-candidates", "2");
        CliRun one = compress("one.lgc");
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(one.exitCode()).as(one.err()).isZero();

        assertThat(two.out()).containsPattern("rounding candidate 1/2: classifiers trained on its draws score"
                + " [0-9.]+ % on the images compressed").contains("rounding candidate 2/2: ")
                .containsPattern("rounding: kept candidate [12] of 2 \\(its rounding steps drew with --seed \\+ [01]\\)");
        assertThat(two.err().split("tune for rounding: 5 steps", -1)).hasSize(3); // the steps ran twice
        JsonObject record = config(dir.resolve("two.lgc")).getAsJsonObject("rounding_tuning");
        int chosen = record.get("chosen").getAsInt();
        assertThat(record.get("candidates").getAsInt()).isEqualTo(2);
        assertThat(record.getAsJsonArray("scores")).hasSize(2);
        double kept = record.getAsJsonArray("scores").get(chosen).getAsDouble();
        assertThat(record.getAsJsonArray("scores").asList()).allMatch(s -> s.getAsDouble() <= kept);
        assertThat(two.out()).contains("kept candidate " + (chosen + 1) + " of 2");
        // candidate 0 is the file one rounding makes: kept, it is that file's decoder; else another
        Map<String, float[]> keptWeights = ArtifactFile.read(dir.resolve("two.lgc")).decoderWeights();
        Map<String, float[]> single = ArtifactFile.read(dir.resolve("one.lgc")).decoderWeights();
        boolean same = keptWeights.keySet().equals(single.keySet()) && keptWeights.keySet().stream()
                .allMatch(k -> java.util.Arrays.equals(keptWeights.get(k), single.get(k)));
        assertThat(same).as("kept candidate %d is candidate 0's decoder", chosen).isEqualTo(chosen == 0);
        assertThat(config(dir.resolve("one.lgc")).getAsJsonObject("rounding_tuning").has("candidates")).isFalse();
    }

    @Test
    void oneCandidateWritesTheFileOfOneRoundingToTheByte() throws IOException {
        assertTheSameFileWith("one-candidate", "--rounding-candidates", "1", INT4);
        assertTheDefaultToTheByte("--rounding-candidates", "1"); // and the PCA file of the defaults
    }

    @Test
    void aCountOutOfRangeOrNoRoundingToRepeatIsRefusedBeforeTrainingAndNothingIsWritten() throws IOException {
        assertRefusedBeforeTraining(compress("zero.lgc", "--rounding-candidates", "0"),
                "lgc: --rounding-candidates must be between 1 and 16, got 0");
        assertRefusedBeforeTraining(compress("many.lgc", "--rounding-candidates", "17"),
                "lgc: --rounding-candidates must be between 1 and 16, got 17");
        assertRefusedBeforeTraining(quick.to(dir.resolve("fp32.lgc"), "--decoder", "autoencoder", "--precision", "fp32",
                "--rounding-candidates", "2"), "lgc: --rounding-candidates chooses among the paths of the rounding"
                + " steps, and there are none here");
        assertRefusedBeforeTraining(quick.to(dir.resolve("off.lgc"), "--decoder", "autoencoder", "--precision", "int4",
                "--rounding-steps", "0", "--rounding-candidates", "3"), "there are none here");
        assertRefusedBeforeTraining(quick.plain(dir.resolve("dp.lgc"), "--epsilon", "1", "--rounding-candidates", "2"),
                "lgc: --rounding-candidates judges files by the real images, which --epsilon's privacy budget does"
                        + " not count");
    }

    @Test
    void aTableIsRefusedNamingTheFile() throws IOException {
        Path csv = smallTable();
        CliRun run = CliRun.of("compress", csv.toString(), "-o", dir.resolve("t.lgc").toString(), "--precision",
                "int4", "--rounding-candidates", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).endsWith("table.csv: a table; --rounding-candidates judges files by classifiers"
                + " trained on their decoded images, so it applies to images only").doesNotContain("\n");
        assertThat(dir.resolve("t.lgc")).doesNotExist();
    }
}
