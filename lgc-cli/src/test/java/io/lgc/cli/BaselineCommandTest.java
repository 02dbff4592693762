package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineCommandTest {
    @TempDir
    Path dir;

    private Path source;
    private Path out;

    /** Three classes of twenty 4×4 images: 48 bytes buy one image of each. */
    @BeforeEach
    void dataset() throws Exception {
        source = dir.resolve("source");
        IdxWriter.write(SyntheticImages.bands(20, 3, 4, 1), source, "train");
        out = dir.resolve("out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-subset", "kcenter", "herding"})
    void writesADatasetThatEvaluateCanRead(String method) {
        CliRun run = CliRun.of("baseline", method, source.toString(), "--bytes", "287", "-o", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Dataset written = DatasetResolver.resolve(out.toString(), null);
        assertThat(written.classCounts()).containsExactly(5, 5, 5);
        assertThat(written.classNames()).containsExactly("class0", "class1", "class2");
        assertThat(out.resolve("classes.txt")).exists();
        assertThat(run.out()).contains(method + ": 5 images per class, 15 images, 240 B of pixels")
                .contains("train-images-idx3-ubyte.gz").contains("train-labels-idx1-ubyte.gz");
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws Exception {
        Path again = dir.resolve("again");
        for (Path target : new Path[] {out, again}) {
            assertThat(CliRun.of("baseline", "kcenter", source.toString(), "--bytes", "96", "-o", target.toString(),
                    "--seed", "4").exitCode()).isZero();
        }
        String images = "train-images-idx3-ubyte.gz";
        assertThat(Files.readAllBytes(again.resolve(images))).isEqualTo(Files.readAllBytes(out.resolve(images)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "47"})
    void badBudgetsAreOneLineAndExitTwo(String bytes) {
        CliRun run = CliRun.of("baseline", "random-subset", source.toString(), "--bytes", bytes, "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: ").contains("--bytes");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBudgetThatIsNotANumberIsExitTwo() {
        CliRun run = CliRun.of("baseline", "random-subset", source.toString(), "--bytes", "300k", "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void unknownMethodIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("baseline", "kmeans", source.toString(), "--bytes", "96", "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).isEqualTo(
                "lgc: unknown baseline method 'kmeans'; known: random-subset, kcenter, herding\n");
    }

    @Test
    void aNameEndingInNpzIsOneFileHoldingTheSameImagesAsTheDirectoryForm() throws Exception {
        Path file = dir.resolve("subset.npz");
        CliRun run = CliRun.of("baseline", "kcenter", source.toString(), "--bytes", "96", "-o", file.toString(),
                "--seed", "4");
        CliRun asDirectory = CliRun.of("baseline", "kcenter", source.toString(), "--bytes", "96", "-o",
                out.toString(), "--seed", "4", "--format", "npz", "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(asDirectory.exitCode()).as(asDirectory.err()).isZero();
        assertThat(file).isRegularFile().hasSameBinaryContentAs(out.resolve("train.npz"));
        assertThat(run.out()).contains("wrote " + file);
        Dataset written = DatasetResolver.resolve(file.toString(), null);
        Dataset idx = DatasetResolver.resolve(source.toString(), null);
        assertThat(written.classCounts()).containsExactly(2, 2, 2);
        assertThat(written.classNames()).isEqualTo(idx.classNames());
    }

    @Test
    void anExistingOneFileOutputIsReplacedOnlyWithForce() throws Exception {
        Path file = Files.writeString(dir.resolve("subset.npz"), "an earlier file");

        CliRun refused = CliRun.of("baseline", "herding", source.toString(), "--bytes", "48", "-o", file.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains(file.toString()).contains("--force");
        assertThat(Files.readString(file)).isEqualTo("an earlier file");

        CliRun forced = CliRun.of("baseline", "herding", source.toString(), "--bytes", "48", "-o", file.toString(),
                "--force", "-q");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(DatasetResolver.resolve(file.toString(), null).size()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subset.png", "subset.gz", "subset.csv", "subset.lgc"})
    void aNameThatIsNoDatasetFileOfImagesIsRefusedBeforeAnyWork(String name) throws Exception {
        Path file = dir.resolve(name);
        CliRun run = CliRun.of("baseline", "random-subset", source.toString(), "--bytes", "48", "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("lgc: " + file + ": ");
        assertThat(file).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(source);
        }
    }

    @Test
    void aFormatThatDisagreesWithTheNameIsRefused() {
        Path file = dir.resolve("subset.npz");
        CliRun run = CliRun.of("baseline", "random-subset", source.toString(), "--bytes", "48", "-o", file.toString(),
                "--format", "idx");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--format is idx");
        assertThat(file).doesNotExist();
    }

    @Test
    void pngFormatWritesOneFolderOfImagesPerClass() {
        CliRun run = CliRun.of("baseline", "random-subset", source.toString(), "--bytes", "48", "-o", out.toString(),
                "--format", "png", "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("class0")).isDirectory();
        assertThat(DatasetResolver.resolve(out.toString(), null).classCounts()).containsExactly(1, 1, 1);
    }

    @Test
    void onlyPixelSpaceIsSupported() {
        CliRun run = CliRun.of("baseline", "kcenter", source.toString(), "--bytes", "96", "-o", out.toString(),
                "--space", "latent");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--space").contains("pixel");
    }

    @Test
    void helpNamesTheMethodsAndThePixelSpaceLimit() {
        CliRun run = CliRun.of("baseline", "--help");
        assertThat(run.exitCode()).isZero();
        String text = run.out().replaceAll("\\s+", " "); // as picocli wraps it, unwrapped
        assertThat(text).contains("Usage: lgc baseline").contains("random-subset").contains("kcenter")
                .contains("herding").contains("in pixel space only");
    }
}
