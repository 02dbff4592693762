package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private Path train;
    private Path test;

    @BeforeEach
    void datasets() throws Exception {
        train = dir.resolve("train");
        test = dir.resolve("test");
        IdxWriter.write(SyntheticImages.bands(6, 3, 8, 1), train, "train");
        IdxWriter.write(SyntheticImages.bands(4, 3, 8, 2), test, "t10k");
    }

    @Test
    void convnetWithRepeatsWritesTheAggregatedJson() throws Exception {
        Path json = dir.resolve("eval.json");
        CliRun run = CliRun.of("evaluate", "--train", train.toString(), "--test", test.toString(), "--protocol",
                "convnet", "--epochs", "2", "--repeats", "2", "--seed", "7", "--json", json.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(o.get("protocol").getAsString()).isEqualTo("convnet");
        assertThat(o.get("augment").getAsBoolean()).isFalse();
        assertThat(o.get("repeats").getAsInt()).isEqualTo(2);
        assertThat(o.get("seed").getAsLong()).isEqualTo(7);
        assertThat(o.getAsJsonArray("accuracies")).hasSize(2);
        double mean = (o.getAsJsonArray("accuracies").get(0).getAsDouble()
                + o.getAsJsonArray("accuracies").get(1).getAsDouble()) / 2;
        assertThat(o.get("accuracy").getAsDouble()).isEqualTo(mean);
        assertThat(o.get("accuracy_std").getAsDouble()).isNotNegative();
        assertThat(o.getAsJsonObject("per_class").keySet()).containsExactly("class0", "class1", "class2");
        assertThat(o.get("epochs").getAsInt()).isEqualTo(2);
        assertThat(o.get("train_size").getAsInt()).isEqualTo(18);
        int total = 0;
        for (var row : o.getAsJsonArray("confusion")) {
            assertThat(row.getAsJsonArray()).hasSize(3);
            for (var v : row.getAsJsonArray()) {
                total += v.getAsInt();
            }
        }
        assertThat(total).isEqualTo(2 * 12); // summed over both runs
        assertThat(run.out()).contains("accuracy:").contains("over 2 runs").contains("convnet").contains("runs:");
    }

    @Test
    void unknownProtocolIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("evaluate", "--train", train.toString(), "--test", test.toString(), "--protocol",
                "resnet");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).isEqualTo("lgc: unknown protocol 'resnet'; known: fast, convnet\n");
    }

    @Test
    void nonPositiveRepeatsOrEpochsAreExitTwo() {
        for (String[] bad : new String[][] {{"--repeats", "0"}, {"--epochs", "0"}, {"--repeats", "x"}}) {
            CliRun run = CliRun.of("evaluate", "--train", train.toString(), "--test", test.toString(), bad[0], bad[1]);
            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains(bad[0]);
        }
    }

    @Test
    void helpDescribesBothProtocols() {
        CliRun run = CliRun.of("evaluate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--protocol").contains("convnet")
                .contains("--repeats").contains("population standard deviation");
    }

    @Test
    void augmentIsRecordedInTheJson() throws Exception {
        Path json = dir.resolve("augmented.json");
        CliRun run = CliRun.of("evaluate", "--train", train.toString(), "--test", test.toString(), "--epochs", "1",
                "--augment", "--json", json.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(o.get("augment").getAsBoolean()).isTrue();
        assertThat(o.get("protocol").getAsString()).isEqualTo("fast");
    }

    @Test
    void tablesRefuseAugmentInOneLine() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i % 2 * 5 + i * 0.1).append(',').append(i).append(',').append(i % 2 == 0 ? "x" : "y")
                    .append('\n');
        }
        Path table = Files.writeString(dir.resolve("table.csv"), csv);
        Path json = dir.resolve("table.json");
        CliRun run = CliRun.of("evaluate", "--train", table.toString(), "--test", table.toString(), "--augment",
                "--json", json.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("lgc: " + table + ": a table; --augment scales, rotates, shifts and masks"
                + " images; a table has no pixels to move\n");
        assertThat(json).doesNotExist();
    }
}
