package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.data.Dataset;
import io.lgc.data.IdxWriter;
import io.lgc.data.ImageShape;
import io.lgc.report.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lgc report on the command line: the files it writes, and one-line errors that name the bad input. */
class ReportCommandTest {
    @TempDir
    static Path shared;
    private static Path artifact;

    @TempDir
    Path tmp;

    @BeforeAll
    static void artifact() {
        artifact = shared.resolve("shapes.lgc");
        ArtifactFile.write(artifact, ReportFixtures.artifact(true), Precision.FP32);
    }

    @Test
    void writesTheFullReport() throws Exception {
        Path eval = Files.writeString(tmp.resolve("eval.json"), ReportFixtures.evaluationJson(true));
        Path sweep = Files.writeString(tmp.resolve("sweep.json"), ReportFixtures.sweepJson());
        Path real = tmp.resolve("real");
        IdxWriter.write(ReportFixtures.realData(10), real, "train");
        Path out = tmp.resolve("report");

        CliRun run = CliRun.of("report", artifact.toString(), "-o", out.toString(), "--eval", eval.toString(),
                "--sweep", sweep.toString(), "--real", real.toString(), "--seed", "3", "--per-class", "5", "-q");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().strip()).isEqualTo("wrote " + out.toAbsolutePath().resolve("index.html")
                + " (12 pictures; sections: overview, samples, latent, bic, evaluation, sweep, size)");
        assertThat(out.resolve("index.html")).content().contains("LGC report: shapes.lgc").contains("seed 3");
        assertThat(out.resolve("samples-real-2.png")).exists();
        assertThat(out.resolve("confusion.png")).exists();
        assertThat(out.resolve("rate-accuracy.png")).exists();
    }

    @Test
    void missingEvaluationFileIsOneLineNamingItAndWritesNothing() {
        Path out = tmp.resolve("report");
        Path missing = tmp.resolve("missing-eval.json");
        CliRun run = CliRun.of("report", artifact.toString(), "-o", out.toString(), "--eval", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).containsExactly("lgc: " + missing + ": no such file");
        assertThat(out).doesNotExist();
    }

    @Test
    void malformedSweepIsOneLineNamingIt() throws Exception {
        Path sweep = Files.writeString(tmp.resolve("sweep.json"), "{\"points\": [");
        CliRun run = CliRun.of("report", artifact.toString(), "-o", tmp.resolve("r").toString(), "--sweep",
                sweep.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().startsWith("lgc: " + sweep + ": not valid JSON (");
    }

    @Test
    void realDataOfAnotherShapeIsOneLineNamingIt() throws Exception {
        Path real = tmp.resolve("small");
        IdxWriter.write(new Dataset(new byte[3 * 16], new int[] {0, 1, 2}, ReportFixtures.CLASSES,
                new ImageShape(1, 4, 4)), real, "train");
        CliRun run = CliRun.of("report", artifact.toString(), "-o", tmp.resolve("r").toString(), "--real",
                real.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).containsExactly("lgc: " + real + ": samples are 1x4x4, the artifact's are 1x8x8");
    }

    @Test
    void isListedInTheHelp() {
        CliRun run = CliRun.of("--help");
        assertThat(run.out()).contains("report");
        assertThat(CliRun.of("report", "--help").out()).contains("--eval").contains("--sweep").contains("--real");
    }
}
