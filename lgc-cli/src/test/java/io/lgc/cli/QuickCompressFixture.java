package io.lgc.cli;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of compress options: a fresh directory holding the {@link QuickCompress} images. */
abstract class QuickCompressFixture {
    @TempDir
    Path dir;

    QuickCompress quick;

    @BeforeEach
    void writeQuickCompressImages() throws IOException {
        quick = QuickCompress.in(dir);
    }

    /** Asserts that {@code option} at {@code value} writes the file of the defaults, byte for byte. */
    void assertTheDefaultToTheByte(String option, String value) throws IOException {
        assertTheSameFileWith("defaults", option, value);
    }

    /**
     * Asserts that {@code option} at {@code value} beside {@code options} writes the file of those alone, byte for
     * byte; the two files are {@code name}-given.lgc and {@code name}-plain.lgc.
     */
    void assertTheSameFileWith(String name, String option, String value, String... options) throws IOException {
        Path given = dir.resolve(name + "-given.lgc");
        Path plain = dir.resolve(name + "-plain.lgc");
        CliRun withOption = quick.to(given, QuickCompress.concat(options, option, value, "-q"));
        CliRun without = quick.to(plain, QuickCompress.concat(options, "-q"));
        org.assertj.core.api.Assertions.assertThat(withOption.exitCode()).as(withOption.err()).isZero();
        org.assertj.core.api.Assertions.assertThat(without.exitCode()).as(without.err()).isZero();
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.mismatch(given, plain)).isEqualTo(-1L);
    }

    /** The first weight tensor of an artifact's decoder, to tell two trainings apart. */
    static float[] firstDecoderTensor(Path artifact) {
        return ArtifactFile.read(artifact).decoderWeights().values().iterator().next();
    }

    /** Asserts that {@code option} is refused with {@code --epsilon}, which fits its own PCA decoder, before any work. */
    void assertRefusedWithEpsilon(String option, String value) {
        Path out = dir.resolve("private.lgc");
        CliRun run = quick.plain(out, "--epsilon", "1", option, value);
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(run.err().strip())
                .startsWith("lgc: " + option + " does not apply with --epsilon");
        org.assertj.core.api.Assertions.assertThat(out).doesNotExist();
    }

    /** A small table, {@code dir}/table.csv: 30 rows of two features and a label x or y. */
    Path smallTable() throws IOException {
        Path csv = dir.resolve("table.csv");
        StringBuilder rows = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 30; i++) {
            rows.append(i).append(',').append(i % 7).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        java.nio.file.Files.writeString(csv, rows);
        return csv;
    }

    /** Asserts that {@code run} was refused in one line holding {@code message}, before training, writing no file. */
    void assertRefusedBeforeTraining(CliRun run, String message) throws IOException {
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(run.err().strip()).contains(message).doesNotContain("\n")
                .doesNotContain("Exception");
        org.assertj.core.api.Assertions.assertThat(run.err()).doesNotContain("autoencoder epoch");
        try (var files = java.nio.file.Files.list(dir)) {
            org.assertj.core.api.Assertions.assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".lgc"));
        }
    }

    /** The configuration an artifact's header records ({@code provenance.config}). */
    static JsonObject config(Path artifact) {
        return ArtifactFile.read(artifact).metadata().provenance().getAsJsonObject("config");
    }
}
