package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateCompressTest {
    @TempDir
    Path dir;

    private Path train;

    @BeforeEach
    void dataset() throws Exception {
        train = dir.resolve("train");
        IdxWriter.write(SyntheticImages.bands(100, 3, 8, 1), train, "train");
    }

    @Test
    void writesAFileThatRecordsItsGuaranteeAndNoSource() throws Exception {
        Path file = dir.resolve("dp.lgc");
        CliRun run = CliRun.of("compress", train.toString(), "-o", file.toString(), "--epsilon", "2", "--delta",
                "1e-4", "--latent-dim", "4", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("differential privacy: (2.0, 1.0E-4)-DP");
        CompressedDataset data = ArtifactFile.read(file);
        JsonObject provenance = data.metadata().provenance();
        assertThat(provenance.has("source")).isFalse();
        assertThat(provenance.getAsJsonObject("differential_privacy").get("epsilon").getAsDouble()).isEqualTo(2.0);
        assertThat(data.mixtures()).hasSize(3).allSatisfy(m -> assertThat(m.components()).isEqualTo(1));
        CliRun inspect = CliRun.of("inspect", file.toString());
        assertThat(inspect.out()).contains("differential privacy: (2.0, 1.0E-4)-DP for adding or removing one record")
                .contains("source: not recorded");
        CliRun reconstruct = CliRun.of("reconstruct", file.toString(), "-o", dir.resolve("recon").toString(),
                "--per-class", "5", "-q");
        assertThat(reconstruct.exitCode()).as(reconstruct.err()).isZero();
    }

    @Test
    void refusesBudgetsThatAreNoGuarantee() {
        assertRefused("--epsilon must be a positive number, got 0", "--epsilon", "0");
        assertRefused("--epsilon must be a positive number, got NaN", "--epsilon", "NaN");
        // 300 records: delta must stay below 1/300
        assertRefused("--delta must be above 0 and below 1/n", "--epsilon", "1", "--delta", "0.01");
        assertRefused("--delta must be above 0 and below 1/n", "--epsilon", "1", "--delta", "0");
        assertRefused("--delta applies only with --epsilon", "--delta", "1e-6");
    }

    @Test
    void refusesOptionsItWouldOtherwiseIgnore() {
        assertRefused("--decoder does not apply with --epsilon", "--epsilon", "1", "--decoder", "autoencoder");
        assertRefused("--components does not apply with --epsilon", "--epsilon", "1", "--components", "5");
    }

    private void assertRefused(String message, String... options) {
        Path out = dir.resolve("refused.lgc");
        String[] args = new String[options.length + 4];
        args[0] = "compress";
        args[1] = train.toString();
        args[2] = "-o";
        args[3] = out.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(message);
        assertThat(Files.exists(out)).isFalse();
    }
}
