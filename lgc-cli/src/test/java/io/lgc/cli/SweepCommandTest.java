package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.artifact.ArtifactFile;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep on synthetic 8×8 stripes: every grid point and baseline is measured once, the log
 * resumes where it stopped, and a sweep of another grid is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SweepCommandTest {
    @TempDir
    static Path dir;

    static Path train;
    static Path test;
    static Path out;

    @BeforeAll
    static void data() throws Exception {
        train = dir.resolve("train");
        test = dir.resolve("test");
        out = dir.resolve("sweep");
        IdxWriter.write(SyntheticImages.stripes(40, 1), train, "train");
        IdxWriter.write(SyntheticImages.stripes(20, 2), test, "t10k");
    }

    static CliRun sweep() {
        return sweep("30");
    }

    static CliRun sweep(String perClass) {
        List<String> args = new ArrayList<>(List.of("sweep", train.toString(), "--test", test.toString(), "-o",
                out.toString(), "--decoders", "pca,autoencoder", "--latent-dims", "2,4", "--components", "1,2",
                "--precisions", "int8,fp32", "--ae-epochs", "1", "--baselines", "random-subset,kcenter",
                "--budgets", "192,960", "--per-class", perClass, "--epochs", "3", "--published", "fashion-mnist", "-q"));
        return CliRun.of(args.toArray(String[]::new));
    }

    static JsonObject log() throws Exception {
        return JsonParser.parseString(Files.readString(out.resolve("sweep.json"))).getAsJsonObject();
    }

    static List<String> ids(JsonObject log) {
        List<String> ids = new ArrayList<>();
        for (JsonElement p : log.getAsJsonArray("points")) {
            ids.add(p.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    @Test
    @Order(1)
    void measuresEveryGridPointAndBaselineOnce() throws Exception {
        CliRun run = sweep();
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject log = log();
        assertThat(log.get("complete").getAsBoolean()).isTrue();
        // 2 decoders x 2 latent dims x 2 component counts x 2 precisions, then 2 budgets x 2 baselines
        assertThat(ids(log)).hasSize(20).doesNotHaveDuplicates()
                .startsWith("lgc-pca-k2-K1-int8", "lgc-pca-k2-K1-fp32", "lgc-pca-k2-K2-int8")
                .endsWith("random-subset-960", "kcenter-960");
        for (JsonElement e : log.getAsJsonArray("points")) {
            JsonObject p = e.getAsJsonObject();
            assertThat(p.get("accuracy").getAsDouble()).isBetween(0.0, 1.0);
            assertThat(p.get("bytes").getAsLong()).isPositive();
            if (p.has("artifact")) {
                assertThat(Files.size(out.resolve(p.get("artifact").getAsString())))
                        .isEqualTo(p.get("bytes").getAsLong());
                assertThat(p.get("train_size").getAsInt()).isEqualTo(90);
                JsonObject source = ArtifactFile.read(out.resolve(p.get("artifact").getAsString())).metadata()
                        .provenance().getAsJsonObject("source");
                assertThat(source.get("name").getAsString()).isEqualTo("train"); // minimal: no path, no hash
                assertThat(source.has("sha256")).isFalse();
            } else {
                assertThat(p.get("bytes").getAsLong()).isLessThanOrEqualTo(p.get("budget").getAsLong());
            }
        }
        assertThat(Files.readAllBytes(out.resolve("sweep.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(out.resolve("sweep.md"))).contains("| 192 B |").contains("| 960 B |")
                .contains("random-subset").contains("kcenter");
        JsonArray published = log.getAsJsonArray("published");
        assertThat(published).isNotEmpty().allSatisfy(p -> {
            assertThat(p.getAsJsonObject().get("source").getAsString()).isNotBlank();
            assertThat(p.getAsJsonObject().get("bytes").getAsLong())
                    .isEqualTo(p.getAsJsonObject().get("ipc").getAsLong() * 7840);
        });
    }

    @Test
    @Order(2)
    void anInterruptedSweepContinuesAtThePointItWasOn() throws Exception {
        JsonObject full = log();
        JsonObject cut = full.deepCopy();
        JsonArray kept = new JsonArray();
        for (int i = 0; i < 6; i++) {
            kept.add(full.getAsJsonArray("points").get(i));
        }
        cut.add("points", kept);
        cut.addProperty("complete", false);
        Files.writeString(out.resolve("sweep.json"), cut.toString());
        CliRun run = sweep();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("resuming").contains("6 of 20 points already measured")
                .contains("point 6/20 lgc-pca-k4-K1-fp32: already measured, skipped")
                .contains("point 7/20 lgc-pca-k4-K2-int8: ");
        JsonObject resumed = log();
        assertThat(ids(resumed)).containsExactlyElementsOf(ids(full));
        for (int i = 0; i < 6; i++) {
            assertThat(resumed.getAsJsonArray("points").get(i)).isEqualTo(full.getAsJsonArray("points").get(i));
        }
        assertThat(resumed.get("complete").getAsBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void aCompleteSweepRerunMeasuresNothing() throws Exception {
        JsonObject before = log();
        CliRun run = sweep();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("20 of 20 points already measured").doesNotContain("%, ").contains("| 960 B |");
        assertThat(log().getAsJsonArray("points")).isEqualTo(before.getAsJsonArray("points"));
    }

    @Test
    @Order(4)
    void aSweepOfAnotherGridIsRefusedWithoutTouchingTheLog() throws Exception {
        byte[] before = Files.readAllBytes(out.resolve("sweep.json"));
        CliRun run = sweep("31");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("lgc: " + out.resolve("sweep.json"))
                .contains("grid.per_class was 30, now 31").doesNotContain("\n").doesNotContain("Exception");
        assertThat(Files.readAllBytes(out.resolve("sweep.json"))).isEqualTo(before);
    }

    @Test
    @Order(5)
    void forceStartsAnEarlierSweepOver() throws Exception {
        CliRun run = CliRun.of("sweep", train.toString(), "--test", test.toString(), "-o", out.toString(),
                "--decoders", "none", "--baselines", "random-subset", "--budgets", "192", "--epochs", "3",
                "--published", "none", "-q", "--force");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("resuming");
        assertThat(ids(log())).hasSize(1);
        assertThat(out.resolve("artifacts")).doesNotExist();
    }

    @Test
    void badGridValuesAreOneLineErrors() {
        for (String[] bad : new String[][] {{"--latent-dims", "0"}, {"--decoders", "vae"}, {"--precisions", "int2"},
                {"--baselines", "magic"}, {"--published", "cifar"}}) {
            CliRun run = CliRun.of("sweep", train.toString(), "--test", test.toString(), "-o",
                    dir.resolve("bad").toString(), bad[0], bad[1]);
            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(run.err().strip()).as(String.join(" ", bad)).doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(dir.resolve("bad").resolve("sweep.json")).doesNotExist();
    }

    @Test
    void augmentReachesTheGridAndOnlyWhenAsked() throws Exception {
        JsonObject plain = augmentSweep("plain");
        JsonObject augmented = augmentSweep("augmented", "--augment");
        assertThat(plain.getAsJsonObject("setup").getAsJsonObject("grid").has("augment")).isFalse();
        assertThat(augmented.getAsJsonObject("setup").getAsJsonObject("grid").get("augment").getAsBoolean()).isTrue();
    }

    private static JsonObject augmentSweep(String name, String... extra) throws Exception {
        Path to = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("sweep", train.toString(), "--test", test.toString(), "-o",
                to.toString(), "--decoders", "none", "--baselines", "random-subset", "--budgets", "192", "--epochs",
                "1", "--published", "none", "-q"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JsonParser.parseString(Files.readString(to.resolve("sweep.json"))).getAsJsonObject();
    }

    @Test
    void theFrontierIsTheFileCompressBudgetWritesForEachBudgetThatSomethingFits() throws Exception {
        Path to = dir.resolve("frontier");
        CliRun run = CliRun.of("sweep", train.toString(), "--test", test.toString(), "-o", to.toString(),
                "--decoders", "none", "--baselines", "none", "--frontier", "--budgets", "100,6000,7000,60000",
                "--per-class", "10", "--epochs", "1", "--published", "none");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("point 1/4 lgc-budget-100: no measured setting fits, skipped")
                .contains("lgc-budget-6000: training pca, latent ").doesNotContain("lgc-budget-7000: training");
        JsonObject log = JsonParser.parseString(Files.readString(to.resolve("sweep.json"))).getAsJsonObject();
        assertThat(log.getAsJsonObject("setup").getAsJsonObject("grid").get("frontier").getAsBoolean()).isTrue();
        assertThat(ids(log)).containsExactly("lgc-budget-6000", "lgc-budget-7000", "lgc-budget-60000");
        for (JsonElement e : log.getAsJsonArray("points")) {
            JsonObject p = e.getAsJsonObject();
            long budget = p.get("for_budget").getAsLong();
            Path compressed = dir.resolve("frontier-compress-" + budget + ".lgc");
            CliRun compress = CliRun.of("compress", train.toString(), "--budget", Long.toString(budget), "--seed", "1",
                    "-o", compressed.toString(), "-q");
            assertThat(compress.exitCode()).as(compress.err()).isZero();
            assertThat(Files.mismatch(to.resolve(p.get("artifact").getAsString()), compressed)).as("budget " + budget)
                    .isEqualTo(-1L);
            assertThat(p.get("bytes").getAsLong()).isLessThanOrEqualTo(budget).isEqualTo(Files.size(compressed));
            assertThat(p.get("method").getAsString()).isEqualTo("lgc --budget");
        }
        // 7,000 B starts from 6,000 B's setting, whose file fits it: the file and its measurement are shared
        JsonObject six = log.getAsJsonArray("points").get(0).getAsJsonObject();
        JsonObject seven = log.getAsJsonArray("points").get(1).getAsJsonObject();
        assertThat(seven.get("measured_as").getAsString()).isEqualTo("lgc-budget-6000");
        assertThat(seven.get("accuracy").getAsDouble()).isEqualTo(six.get("accuracy").getAsDouble());
        assertThat(six.has("measured_as")).isFalse();
        assertThat(log.getAsJsonArray("points").get(2).getAsJsonObject().has("measured_as")).isFalse();
        assertThat(Files.readString(to.resolve("sweep.md"))).contains("| 6,000 B |").contains("| 7,000 B |")
                .contains("| 60,000 B |").doesNotContain("| 100 B |");
    }

    @Test
    void aBudgetWhoseSearchFellBackLendsItsFileToNoLargerBudgetThatItsFirstChoiceFits() throws Exception {
        // nearly constant classes: the best PCA setting's mixtures stay fp32 and its file outgrows 30,000 B,
        // so that budget falls back to one component a class; at 200,000 B the same first choice fits
        Path flat = dir.resolve("flat");
        IdxWriter.write(SyntheticImages.nearlyConstantClasses(), flat, "train");
        Path to = dir.resolve("fallback");
        CliRun run = CliRun.of("sweep", flat.toString(), "--test", flat.toString(), "-o", to.toString(), "--decoders",
                "none", "--baselines", "none", "--frontier", "--budgets", "30000,200000", "--per-class", "5",
                "--epochs", "1", "--published", "none", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (long budget : new long[] {30_000, 200_000}) {
            Path compressed = dir.resolve("fallback-compress-" + budget + ".lgc");
            CliRun compress = CliRun.of("compress", flat.toString(), "--budget", Long.toString(budget), "--seed", "1",
                    "-o", compressed.toString(), "-q");
            assertThat(compress.exitCode()).as(compress.err()).isZero();
            assertThat(Files.mismatch(to.resolve("artifacts").resolve("lgc-budget-" + budget + ".lgc"), compressed))
                    .as("budget " + budget).isEqualTo(-1L);
        }
        assertThat(ArtifactFile.read(to.resolve("artifacts").resolve("lgc-budget-200000.lgc")).metadata()
                .provenance().getAsJsonObject("config").get("components").getAsString()).isEqualTo("5");
    }
}
