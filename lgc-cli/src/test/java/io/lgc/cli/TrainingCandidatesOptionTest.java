package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * compress --training-candidates N: the whole compression runs N times, seeded --seed, --seed + 1, …, and the file
 * whose draws train the best ConvNet on the images compressed is kept: the file that seed alone writes, with the
 * choice recorded.
 */
class TrainingCandidatesOptionTest extends QuickCompressFixture {
    private static final String[] AUTOENCODER = {"--decoder", "autoencoder"};

    private CliRun compress(String name, String... options) {
        return quick.to(dir.resolve(name), QuickCompress.concat(AUTOENCODER, options));
    }

    @Test
    void everySeedIsCompressedAndJudgedAndTheKeptFileIsThatSeedsOwnWithTheChoiceRecorded() {
        CliRun two = compress("two.lgc", "--training-candidates", "2", "--seed", "4");
        assertThat(two.exitCode()).as(two.err()).isZero();

        assertThat(two.out()).containsPattern("training candidate 1/2 \\(seed 4\\): a convnet classifier trained on"
                + " its draws scores [0-9.]+ % on the images compressed").contains("training candidate 2/2 (seed 5): ")
                .containsPattern("training: kept candidate [12] of 2 \\(seed [45]: ");
        assertThat(two.err().split("autoencoder epoch 2/2", -1).length).isGreaterThan(2); // trained twice
        JsonObject record = ArtifactFile.read(dir.resolve("two.lgc")).metadata().provenance()
                .getAsJsonObject("training_candidates");
        int chosen = record.get("chosen").getAsInt();
        assertThat(record.get("candidates").getAsInt()).isEqualTo(2);
        assertThat(record.get("first_seed").getAsLong()).isEqualTo(4);
        assertThat(record.get("judge").getAsString()).isEqualTo("convnet x1");
        double kept = record.getAsJsonArray("scores").get(chosen).getAsDouble();
        assertThat(record.getAsJsonArray("scores").asList()).hasSize(2).allMatch(s -> s.getAsDouble() <= kept);
        assertThat(ArtifactFile.read(dir.resolve("two.lgc")).metadata().provenance().get("seed").getAsLong())
                .isEqualTo(4 + chosen);

        // the judge's score is what reconstruct and evaluate say of the kept file, tested on the images compressed
        Path draws = dir.resolve("draws");
        Path judged = dir.resolve("judged.json");
        assertThat(CliRun.of("reconstruct", dir.resolve("two.lgc").toString(), "-o", draws.toString(), "--per-class",
                "20", "--seed", "4", "-q").exitCode()).isZero();
        CliRun evaluate = CliRun.of("evaluate", "--train", draws.toString(), "--test", quick.data().toString(),
                "--protocol", "convnet", "--seed", "4", "--json", judged.toString(), "-q");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(kept).isCloseTo(JsonParser.parseString(read(judged)).getAsJsonObject().get("accuracy")
                .getAsDouble(), within(1e-6));

        long keptSeed = 4 + chosen;
        CliRun alone = compress("alone.lgc", "--seed", Long.toString(keptSeed), "-q");
        CliRun other = compress("other.lgc", "--seed", Long.toString(9 - keptSeed), "-q");
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(sameNumbers(dir.resolve("two.lgc"), dir.resolve("alone.lgc"))).isTrue();
        assertThat(sameNumbers(dir.resolve("two.lgc"), dir.resolve("other.lgc"))).isFalse();
        assertThat(ArtifactFile.read(dir.resolve("alone.lgc")).metadata().provenance().has("training_candidates"))
                .isFalse();
    }

    @Test
    void aBudgetsCompressionIsChosenAmongSeedsToo() {
        CliRun two = quick.plain(dir.resolve("budget.lgc"), "--budget", "60000", "--training-candidates", "2");
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(two.out()).contains("training candidate 1/2 (seed 1): ").contains("training candidate 2/2 (seed 2): ")
                .containsPattern("training: kept candidate [12] of 2");
        JsonObject provenance = ArtifactFile.read(dir.resolve("budget.lgc")).metadata().provenance();
        int chosen = provenance.getAsJsonObject("training_candidates").get("chosen").getAsInt();
        assertThat(provenance.get("seed").getAsLong()).isEqualTo(1 + chosen);
        assertThat(sizeOf(dir.resolve("budget.lgc"))).isLessThanOrEqualTo(60_000);
    }

    @Test
    void oneCandidateWritesTheFileOfOneCompressionToTheByte() throws IOException {
        assertTheSameFileWith("one-candidate", "--training-candidates", "1", AUTOENCODER);
        assertTheDefaultToTheByte("--training-candidates", "1");
    }

    @Test
    void aCountOutOfRangeOrPrivacyIsRefusedBeforeTrainingAndNothingIsWritten() throws IOException {
        assertRefusedBeforeTraining(compress("zero.lgc", "--training-candidates", "0"),
                "lgc: --training-candidates must be between 1 and 16, got 0");
        assertRefusedBeforeTraining(compress("many.lgc", "--training-candidates", "17"),
                "lgc: --training-candidates must be between 1 and 16, got 17");
        assertRefusedBeforeTraining(quick.plain(dir.resolve("dp.lgc"), "--epsilon", "1", "--training-candidates", "2"),
                "lgc: --training-candidates judges files by the real images, which --epsilon's privacy budget does"
                        + " not count");
    }

    @Test
    void imagesTooSmallForTheConvNetAreRefusedNamingTheFileBeforeTraining() throws IOException {
        Path tiny = dir.resolve("tiny");
        IdxWriter.write(SyntheticImages.bands(10, 2, 4, 1), tiny, "train");
        CliRun run = CliRun.of("compress", tiny.toString(), "-o", dir.resolve("t.lgc").toString(), "--decoder",
                "autoencoder", "--epochs", "1", "--training-candidates", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("tiny").contains("--training-candidates judges files by a ConvNet, and"
                + " images of").contains("too small").doesNotContain("\n").doesNotContain("Exception");
        assertThat(run.err()).doesNotContain("autoencoder epoch");
        assertThat(dir.resolve("t.lgc")).doesNotExist();
    }

    @Test
    void aTableIsRefusedNamingTheFile() throws IOException {
        Path csv = smallTable();
        CliRun run = CliRun.of("compress", csv.toString(), "-o", dir.resolve("t.lgc").toString(),
                "--training-candidates", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).endsWith("table.csv: a table; --training-candidates judges files by a ConvNet"
                + " trained on their decoded images, so it applies to images only").doesNotContain("\n");
        assertThat(dir.resolve("t.lgc")).doesNotExist();
    }

    /** Whether two files hold the same decoder weights and mixtures, whatever their headers say of how they were made. */
    private static boolean sameNumbers(Path a, Path b) {
        CompressedDataset x = ArtifactFile.read(a);
        CompressedDataset y = ArtifactFile.read(b);
        return x.decoderWeights().keySet().equals(y.decoderWeights().keySet())
                && x.decoderWeights().keySet().stream().allMatch(k -> Arrays.equals(x.decoderWeights().get(k),
                        y.decoderWeights().get(k)))
                && java.util.stream.IntStream.range(0, x.mixtures().size()).allMatch(c -> Arrays.equals(
                        x.mixtures().get(c).weights(), y.mixtures().get(c).weights())
                        && Arrays.deepEquals(x.mixtures().get(c).means(), y.mixtures().get(c).means())
                        && Arrays.equals(x.mixtures().get(c).covariancesFlat(), y.mixtures().get(c).covariancesFlat()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
