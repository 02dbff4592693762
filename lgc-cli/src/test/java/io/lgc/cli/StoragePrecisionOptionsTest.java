package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.model.RoundingTuning;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.NamedTensor;
import io.lgc.artifact.container.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** compress --precision int4 and --mixture-precision: what the header records and what the user is told. */
class StoragePrecisionOptionsTest extends QuickCompressFixture {
    private CliRun compress(String name, String... options) {
        return quick.plain(dir.resolve(name), options);
    }

    private JsonObject precision(String name) {
        return ArtifactFile.readVerified(dir.resolve(name)).header().getAsJsonObject("precision");
    }

    @Test
    void int4StoresTheDecoderOnFifteenLevelsInFewerBytes() throws IOException {
        CliRun int4 = compress("int4.lgc", "--precision", "int4");
        CliRun int8 = compress("int8.lgc", "--precision", "int8");
        assertThat(int4.exitCode()).as(int4.err()).isZero();
        assertThat(int8.exitCode()).as(int8.err()).isZero();
        assertThat(precision("int4.lgc").get("decoder").getAsString()).isEqualTo("int4");
        assertThat(Files.size(dir.resolve("int4.lgc"))).isLessThan(Files.size(dir.resolve("int8.lgc")));
        Section decoder = ContainerReader.read(dir.resolve("int4.lgc")).section("decoder");
        int weights = 0;
        for (NamedTensor t : decoder.tensors()) {
            if (t.name().endsWith(".weight")) {
                weights++;
                for (byte q : t.data()) {
                    assertThat(Math.abs(q)).as(t.name()).isLessThanOrEqualTo(7);
                }
            }
        }
        assertThat(weights).isPositive();
    }

    @Test
    void roundingStepsTrainTheDecoderForInt4AndAreRecorded() {
        CliRun tuned = compress("tuned.lgc", "--precision", "int4", "--rounding-steps", "20");
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        assertThat(tuned.err()).contains("tune for rounding: 20 steps");
        JsonObject record = config(dir.resolve("tuned.lgc")).getAsJsonObject("rounding_tuning");
        assertThat(record.get("precision").getAsString()).isEqualTo("int4");
        assertThat(record.get("steps").getAsInt()).isEqualTo(20);

        CliRun plain = compress("plain.lgc", "--precision", "int4", "--rounding-steps", "0", "--report",
                dir.resolve("report").toString());
        assertThat(dir.resolve("report").resolve("index.html")).isNotEmptyFile(); // drawn from the file as written
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(config(dir.resolve("plain.lgc")).has("rounding_tuning")).isFalse(); // 0 turns it off
        Map<String, float[]> a = ArtifactFile.read(dir.resolve("tuned.lgc")).decoderWeights();
        Map<String, float[]> b = ArtifactFile.read(dir.resolve("plain.lgc")).decoderWeights();
        assertThat(a.keySet()).anySatisfy(name -> assertThat(a.get(name)).isNotEqualTo(b.get(name)));
    }

    @Test
    void int4IsTunedForItsGridByDefault() {
        CliRun int4 = compress("int4-default.lgc", "--precision", "int4");
        assertThat(int4.exitCode()).as(int4.err()).isZero();
        assertThat(int4.err()).contains("tune for rounding: 300 steps");
        JsonObject record = config(dir.resolve("int4-default.lgc")).getAsJsonObject("rounding_tuning");
        assertThat(record.get("precision").getAsString()).isEqualTo("int4");
        assertThat(record.get("steps").getAsInt()).isEqualTo(RoundingTuning.INT4_DEFAULT_STEPS);
        assertThat(record.get("schedule").getAsString()).isEqualTo("constant");
    }

    @Test
    void int8TunesOnlyWhenAskedAndFloatsHaveNothingToTune() {
        CliRun standard = compress("default.lgc");
        assertThat(standard.exitCode()).as(standard.err()).isZero();
        assertThat(config(dir.resolve("default.lgc")).has("rounding_tuning")).isFalse();
        CliRun int8 = compress("int8.lgc", "--rounding-steps", "4");
        assertThat(int8.exitCode()).as(int8.err()).isZero();
        assertThat(config(dir.resolve("int8.lgc")).getAsJsonObject("rounding_tuning").get("precision").getAsString())
                .isEqualTo("int8");
        CliRun fp16 = compress("fp16.lgc", "--precision", "fp16", "--rounding-steps", "4");
        assertThat(fp16.exitCode()).isEqualTo(2);
        assertThat(fp16.err().strip()).isEqualTo("lgc: --rounding-steps trains the decoder for int8's or int4's grid;"
                + " --precision fp16 rounds nothing");
        CliRun privately = compress("dp.lgc", "--epsilon", "1", "--precision", "int4", "--rounding-steps", "3");
        assertThat(privately.exitCode()).isEqualTo(2);
        assertThat(privately.err()).contains("--rounding-steps does not apply with --epsilon");
        CliRun negative = compress("neg.lgc", "--precision", "int4", "--rounding-steps", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--rounding-steps");
        assertThat(dir.resolve("fp16.lgc")).doesNotExist();
    }

    @Test
    void theRoundingStepsRateIsConstantUnlessACosineIsAskedForAndTheHeaderSaysWhich() {
        CliRun constant = compress("constant.lgc", "--precision", "int4", "--rounding-steps", "6");
        CliRun cosine = compress("cosine.lgc", "--precision", "int4", "--rounding-steps", "6", "--rounding-schedule",
                "Cosine");
        assertThat(constant.exitCode()).as(constant.err()).isZero();
        assertThat(cosine.exitCode()).as(cosine.err()).isZero();
        assertThat(config(dir.resolve("constant.lgc")).getAsJsonObject("rounding_tuning").get("schedule").getAsString())
                .isEqualTo("constant");
        assertThat(config(dir.resolve("cosine.lgc")).getAsJsonObject("rounding_tuning").get("schedule").getAsString())
                .isEqualTo("cosine");
        Map<String, float[]> a = ArtifactFile.read(dir.resolve("constant.lgc")).decoderWeights();
        Map<String, float[]> b = ArtifactFile.read(dir.resolve("cosine.lgc")).decoderWeights();
        assertThat(a.keySet()).anySatisfy(name -> assertThat(a.get(name)).isNotEqualTo(b.get(name)));

        CliRun none = compress("none.lgc", "--rounding-schedule", "cosine"); // int8: no rounding steps by default
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("lgc: --rounding-schedule sets the rounding steps' learning rate;"
                + " there are none here (they run for --precision int4, or int8 with --rounding-steps above 0)");
        CliRun unknown = compress("unknown.lgc", "--precision", "int4", "--rounding-schedule", "linear");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("lgc: --rounding-schedule must be constant or cosine, got 'linear'");
        CliRun budget = compress("budget.lgc", "--budget", "78400", "--rounding-schedule", "cosine");
        assertThat(budget.exitCode()).isEqualTo(2);
        assertThat(budget.err()).contains("--rounding-schedule does not apply with --budget");
        CliRun privately = compress("dp.lgc", "--epsilon", "1", "--rounding-schedule", "cosine");
        assertThat(privately.exitCode()).isEqualTo(2);
        assertThat(privately.err()).contains("--rounding-schedule does not apply with --epsilon");
        for (String refused : List.of("none.lgc", "unknown.lgc", "budget.lgc", "dp.lgc")) {
            assertThat(dir.resolve(refused)).doesNotExist();
        }
    }

    @Test
    void fp16MixturesAsAskedAreStoredSoAndTheSummarySaysHowFarTheyMoved() {
        CliRun run = compress("fp16.lgc", "--precision", "int4", "--mixture-precision", "fp16");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(precision("fp16.lgc").get("mixtures").getAsString()).isEqualTo("fp16");
        assertThat(run.out()).containsPattern("mixtures stored in fp16 as asked, which moves a class by at most "
                + "[0-9.]+e[-+][0-9]+ nats");
    }

    @Test
    void int8MixturesAsAskedAreStoredSoInFewerBytesThanFp16() throws java.io.IOException {
        CliRun fp16 = compress("m16.lgc", "--mixture-precision", "fp16");
        CliRun int8 = compress("m8.lgc", "--mixture-precision", "int8");
        assertThat(int8.exitCode()).as(int8.err()).isZero();
        assertThat(fp16.exitCode()).as(fp16.err()).isZero();
        assertThat(precision("m8.lgc").get("mixtures").getAsString()).isEqualTo("int8");
        assertThat(int8.out()).containsPattern("mixtures stored in int8 as asked, which moves a class by at most "
                + "[0-9.]+e[-+][0-9]+ nats");
        // the same network and mixtures (same seed), only the mixtures' storage differs
        assertThat(java.nio.file.Files.size(dir.resolve("m8.lgc"))).isLessThan(
                java.nio.file.Files.size(dir.resolve("m16.lgc")));
        CliRun inspect = CliRun.of("inspect", dir.resolve("m8.lgc").toString());
        assertThat(inspect.out()).contains("int8 mixtures");
    }

    @Test
    void fp32MixturesStayFp32WhateverTheDecoder() {
        CliRun run = compress("fp32.lgc", "--precision", "int8", "--mixture-precision", "FP32");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject p = precision("fp32.lgc");
        assertThat(p.get("decoder").getAsString()).isEqualTo("int8");
        assertThat(p.get("mixtures").getAsString()).isEqualTo("fp32");
        assertThat(run.out()).doesNotContain("as asked");
    }

    @Test
    void anUnknownMixturePrecisionIsRefusedInOneLineBeforeAnyWork() {
        CliRun run = compress("bad.lgc", "--mixture-precision", "int4");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lgc: --mixture-precision must be auto, fp16, int8 or fp32, got"
                + " 'int4'");
        assertThat(dir.resolve("bad.lgc")).doesNotExist();
    }

    @Test
    void theBudgetChoosesTheMixturesPrecisionItself() {
        CliRun run = compress("budget.lgc", "--budget", "100000", "--mixture-precision", "fp16");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--mixture-precision does not apply with --budget");
    }
}
