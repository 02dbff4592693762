package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.VerifiedArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** compress --covariance-rank: full covariances stored as loading vectors plus a diagonal, only when asked. */
class CovarianceRankOptionTest extends QuickCompressFixture {
    @Test
    void theFileStoresTheRankSaysHowFarItMovesAndReconstructs() throws Exception {
        Path ranked = dir.resolve("ranked.lgc");
        Path whole = dir.resolve("whole.lgc");
        CliRun run = quick.to(ranked, "--covariance-rank", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("covariances stored as 3 loading vectors plus a diagonal, which moves a"
                + " class by at most \\d\\.\\de[+-]\\d\\d nats");
        assertThat(quick.to(whole, "-q").exitCode()).isZero();
        VerifiedArtifact read = ArtifactFile.readVerified(ranked);
        assertThat(read.header().get("covariance_type").getAsString()).isEqualTo("lowrank");
        assertThat(read.header().get("covariance_rank").getAsInt()).isEqualTo(3);
        // (3 + 1) x 16 values a component where the triangle takes 136
        assertThat(read.dataset().metadata().covarianceRank()).isEqualTo(3);
        assertThat(Files.size(ranked)).isLessThan(Files.size(whole));
        Path images = dir.resolve("images");
        CliRun reconstruct = CliRun.of("reconstruct", ranked.toString(), "-o", images.toString(), "--per-class", "4");
        assertThat(reconstruct.exitCode()).as(reconstruct.err()).isZero();
        assertThat(images.resolve("train-images-idx3-ubyte.gz")).exists();
        CliRun inspect = CliRun.of("inspect", ranked.toString());
        assertThat(inspect.out()).contains("covariance: full, stored as 3 loading vectors plus a diagonal");
    }

    @Test
    void theRankSurvivesTheDecodersRoundingSteps() throws Exception {
        // int4's rounding steps rewrite the header's provenance; the rank must come through with it
        Path ranked = dir.resolve("ranked-int4.lgc");
        CliRun run = quick.to(ranked, "--covariance-rank", "3", "--precision", "int4", "--rounding-steps", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        VerifiedArtifact read = ArtifactFile.readVerified(ranked);
        assertThat(read.dataset().metadata().covarianceRank()).isEqualTo(3);
        assertThat(read.header().get("covariance_rank").getAsInt()).isEqualTo(3);
        assertThat(read.header().getAsJsonObject("provenance").getAsJsonObject("config").has("rounding_tuning"))
                .isTrue();
    }

    @Test
    void zeroIsTheDefaultToTheByte() throws Exception {
        assertTheDefaultToTheByte("--covariance-rank", "0");
    }

    @Test
    void aRankThatCannotApplyIsRefusedInOneLineBeforeAnyWork() {
        Path out = dir.resolve("refused.lgc");
        refused(out, quick.to(out, "--covariance", "diag", "--covariance-rank", "2"),
                "lgc: --covariance-rank stores full covariances; --covariance diag has no rank to cut");
        refused(out, quick.to(out, "--latent-dim", "4", "--covariance-rank", "4"),
                "lgc: --covariance-rank must be below the latent dimension (4), got 4");
        refused(out, quick.to(out, "--covariance-rank", "20"),
                "lgc: --covariance-rank must be below the latent dimension (16), got 20");
        refused(out, quick.to(out, "--covariance-rank", "-1"), "lgc: --covariance-rank must be at least 0, got -1");
        refused(out, quick.plain(out, "--epsilon", "1", "--covariance-rank", "2"),
                "lgc: --covariance-rank applies to fitted mixtures; --epsilon stores its own");
    }

    @Test
    void theBudgetChoosesTheStorageSoTheRankIsRefusedBesideIt() {
        Path out = dir.resolve("budget.lgc");
        CliRun run = quick.to(out, "--budget", "60000", "--covariance-rank", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--covariance-rank");
        assertThat(out).doesNotExist();
    }

    private static void refused(Path out, CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(message);
        assertThat(out).doesNotExist();
    }
}
