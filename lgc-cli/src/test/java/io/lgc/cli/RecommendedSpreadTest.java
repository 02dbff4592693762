package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.VerifiedArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * compress --spread records the spread a file is best drawn at; reconstruct draws there unless told
 * otherwise, and a file without one is drawn at reconstruct's own default.
 */
class RecommendedSpreadTest extends QuickCompressFixture {
    @Test
    void theFileRecordsItAndReconstructDrawsThereByDefault() throws Exception {
        Path file = dir.resolve("wide.lgc");
        CliRun run = quick.to(file, "--spread", "1.5", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        VerifiedArtifact read = ArtifactFile.readVerified(file);
        assertThat(read.header().get("spread").getAsDouble()).isEqualTo(1.5);
        assertThat(read.dataset().metadata().drawSpread()).hasValue(1.5);

        CliRun plain = reconstruct(file, "default");
        assertThat(plain.out()).contains("drawn at spread 1.5 as the file recommends");
        reconstruct(file, "given-1.5", "--spread", "1.5");
        reconstruct(file, "given-1.2", "--spread", "1.2");
        assertThat(Files.mismatch(images("default"), images("given-1.5"))).isEqualTo(-1L);
        assertThat(Files.mismatch(images("default"), images("given-1.2"))).isNotEqualTo(-1L);
        assertThat(CliRun.of("inspect", file.toString()).out())
                .contains("spread: 1.5, as the writer recommends drawing");
    }

    @Test
    void aFileWithoutOneIsDrawnAtReconstructsDefault() throws Exception {
        Path file = dir.resolve("plain.lgc");
        assertThat(quick.to(file, "-q").exitCode()).isZero();
        assertThat(ArtifactFile.readVerified(file).header().has("spread")).isFalse();
        CliRun plain = reconstruct(file, "default");
        assertThat(plain.out()).doesNotContain("recommends");
        reconstruct(file, "given-1.2", "--spread", "1.2");
        assertThat(Files.mismatch(images("default"), images("given-1.2"))).isEqualTo(-1L);
    }

    @Test
    void aSpreadNoFileMayRecordIsRefusedInOneLineBeforeAnyWork() {
        Path out = dir.resolve("refused.lgc");
        for (String bad : new String[] {"0", "-1", "100.5", "NaN", "Infinity"}) {
            CliRun run = quick.to(out, "--spread", bad);
            assertThat(run.exitCode()).as(bad + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("lgc: --spread must be above 0 and at most 100, got ")
                    .doesNotContain("\n");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void reconstructStillRefusesASpreadOfItsOwnThatIsNotPositive() throws Exception {
        Path file = dir.resolve("wide.lgc");
        assertThat(quick.to(file, "--spread", "1.5", "-q").exitCode()).isZero();
        Path images = dir.resolve("refused-images");
        CliRun run = CliRun.of("reconstruct", file.toString(), "-o", images.toString(), "--per-class", "3",
                "--spread", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lgc: --spread must be a positive number, got 0");
        assertThat(images).doesNotExist();
    }

    private CliRun reconstruct(Path file, String name, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("reconstruct", file.toString(),
                "-o", dir.resolve(name).toString(), "--per-class", "6"));
        args.addAll(java.util.List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private Path images(String name) {
        return dir.resolve(name).resolve("train-images-idx3-ubyte.gz");
    }
}
