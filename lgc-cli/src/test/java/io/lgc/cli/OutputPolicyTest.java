package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every command may do to what is already where it writes: nothing, unless --force, and then
 * only to lgc's own output; and an output is never an input, nor in a missing or unwritable place.
 */
class OutputPolicyTest {
    @TempDir
    Path dir;

    private Path artifact;
    private Path grayArtifact;

    @BeforeEach
    void artifacts() {
        artifact = dir.resolve("tiny.lgc");
        ArtifactFile.write(artifact, TinyArtifacts.tiny(), Precision.FP32);
        grayArtifact = dir.resolve("gray.lgc");
        ArtifactFile.write(grayArtifact, TinyArtifacts.fashionSized(3), Precision.FP32);
    }

    @Test
    void aFolderHoldingARealDatasetIsLeftUntouchedEvenWithForce() throws IOException {
        Path data = dir.resolve("photos");
        Files.createDirectories(data.resolve("cat"));
        Files.createDirectories(data.resolve(".git"));
        Files.writeString(data.resolve("classes.txt"), "cat\n");
        Files.write(data.resolve("cat/0.png"), new byte[] {1, 2, 3});
        Files.writeString(data.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(data.resolve(".env"), "SECRET=1\n");
        TreeMap<String, String> before = snapshot(data);

        for (String force : List.of("--quiet", "--force")) {
            CliRun run = CliRun.of("reconstruct", grayArtifact.toString(), "-o", data.toString(), "--format", "png",
                    "--per-class", "2", force);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains(data.toString()).contains("not lgc's output").doesNotContain("Exception");
            assertThat(snapshot(data)).isEqualTo(before);
        }
        assertThat(hiddenSiblings(data)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"idx", "npz", "png"})
    void anEarlierReconstructionIsReplacedOnlyWithForce(String format) throws IOException {
        Path out = dir.resolve("out");
        assertThat(CliRun.of("reconstruct", grayArtifact.toString(), "-o", out.toString(), "--format", format,
                "--per-class", "2", "-q").exitCode()).isZero();
        TreeMap<String, String> first = snapshot(out);

        CliRun refused = CliRun.of("reconstruct", grayArtifact.toString(), "-o", out.toString(), "--format", format,
                "--per-class", "1", "-q");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains(out.toString()).contains("--force");
        assertThat(snapshot(out)).isEqualTo(first);

        CliRun forced = CliRun.of("reconstruct", grayArtifact.toString(), "-o", out.toString(), "--format", format,
                "--per-class", "1", "--seed", "2", "-q", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(snapshot(out)).isNotEqualTo(first);
        assertThat(io.lgc.data.DatasetResolver.resolve(out.toString(), null).size()).isEqualTo(10);
        assertThat(hiddenSiblings(out)).isEmpty();
    }

    @Test
    void anEmptyDirectoryIsFilled() throws IOException {
        Path out = Files.createDirectory(dir.resolve("empty"));
        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", out.toString(), "--format", "idx",
                "--per-class", "2", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("train-images-idx4-ubyte.gz")).isRegularFile();
    }

    @Test
    void compressNeverWritesOverItsInput() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.write(SyntheticImages.bands(5, 2, 4, 1), data, "train");
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        byte[] before = Files.readAllBytes(images);

        CliRun same = CliRun.of("compress", images.toString(), "-o", images.toString(), "-q", "--force");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.errLines()).hasSize(1);
        assertThat(same.err()).contains(images + ": is the input");

        CliRun inside = CliRun.of("compress", data.toString(), "-o", data.resolve("model.lgc").toString(), "-q");
        assertThat(inside.exitCode()).isEqualTo(2);
        assertThat(inside.err()).contains(data.resolve("model.lgc") + ": lies inside the input " + data);

        assertThat(Files.readAllBytes(images)).isEqualTo(before);
        assertThat(data.resolve("model.lgc")).doesNotExist();
    }

    @Test
    void reconstructNeverWritesOverTheArtifactNorIntoADatasetHoldingIt() throws IOException {
        byte[] before = Files.readAllBytes(artifact);
        CliRun same = CliRun.of("reconstruct", artifact.toString(), "-o", artifact.toString(), "-q", "--force");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains(artifact + ": is the input").doesNotContain("Exception");

        CliRun holding = CliRun.of("reconstruct", artifact.toString(), "-o", dir.toString(), "-q", "--force");
        assertThat(holding.exitCode()).isEqualTo(2);
        assertThat(holding.err()).contains(dir + ": holds the input");
        assertThat(Files.readAllBytes(artifact)).isEqualTo(before);
    }

    @Test
    void baselineRefusesToWriteInsideItsInput() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.write(SyntheticImages.bands(5, 2, 4, 1), data, "train");
        CliRun run = CliRun.of("baseline", "random-subset", data.toString(), "--bytes", "64", "-o",
                data.resolve("subset").toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("lies inside the input");
        assertThat(data.resolve("subset")).doesNotExist();
    }

    @Test
    void aMissingParentIsRefusedTheSameWayByEveryCommand() {
        Path missing = dir.resolve("no/such/place");
        List<CliRun> runs = List.of(
                CliRun.of("reconstruct", artifact.toString(), "-o", missing.toString(), "-q"),
                CliRun.of("compress", dir.resolve("absent-images-idx3-ubyte.gz").toString(), "-o",
                        missing.resolve("a.lgc").toString(), "-q"),
                CliRun.of("report", artifact.toString(), "-o", missing.toString(), "-q"),
                CliRun.of("evaluate", "--train", "x", "--test", "y", "--json", missing.resolve("r.json").toString()));
        for (CliRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains(missing.toString()).contains("does not exist")
                    .doesNotContain("Exception").doesNotContain(".tmp");
        }
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void aFileWhereADirectoryIsWantedAndTheReverseAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path folder = Files.createDirectory(dir.resolve("folder"));

        CliRun reconstruct = CliRun.of("reconstruct", artifact.toString(), "-o", file.toString(), "-q", "--force");
        assertThat(reconstruct.exitCode()).isEqualTo(2);
        assertThat(reconstruct.err()).contains(file + ": exists and is not a directory");

        CliRun report = CliRun.of("report", artifact.toString(), "-o", file.toString(), "-q");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains(file + ": exists and is not a directory");

        CliRun compress = CliRun.of("compress", dir.resolve("absent-images-idx3-ubyte.gz").toString(), "-o",
                folder.toString(), "-q", "--force");
        assertThat(compress.exitCode()).isEqualTo(2);
        assertThat(compress.err()).contains(folder + ": exists and is a directory");

        CliRun evaluate = CliRun.of("evaluate", "--train", "x", "--test", "y", "--json", folder.toString());
        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.errLines()).hasSize(1);
        assertThat(evaluate.err()).contains(folder + ": exists and is a directory");

        assertThat(file).hasContent("mine");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anExistingArtifactIsReplacedOnlyWithForce() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.write(SyntheticImages.bands(5, 2, 4, 1), data, "train");
        Path out = Files.writeString(dir.resolve("model.lgc"), "an earlier file");
        CliRun run = CliRun.of("compress", data.resolve("train-images-idx3-ubyte.gz").toString(), "-o",
                out.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(out + ": exists; pass --force to replace it");
        assertThat(out).hasContent("an earlier file");
    }

    @Test
    void anUnwritableParentIsRefusedNamingTheOutput() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path out = locked.resolve("out");
            CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", out.toString(), "-q");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains(out + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void staleTemporariesOfTheSameOutputAreRemovedAndNothingElse() throws IOException {
        Path out = dir.resolve("out");
        Path staleDir = Files.createDirectories(dir.resolve(".out.00c0ffee00c0ffee.tmp/cat"));
        Files.write(staleDir.resolve("0.png"), new byte[100]);
        Path staleFile = Files.writeString(dir.resolve(".out.tmp-1234abcd"), "half");
        List<Path> others = List.of(Files.writeString(dir.resolve(".other.00c0ffee00c0ffee.tmp"), "keep"),
                Files.writeString(dir.resolve(".outer.00c0ffee00c0ffee.tmp"), "keep"),
                Files.writeString(dir.resolve(".out.notes"), "keep"),
                Files.writeString(dir.resolve(".out.xyz.tmp"), "keep"));

        CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", out.toString(), "--format", "npz",
                "--per-class", "2", "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(staleDir.getParent()).doesNotExist();
        assertThat(staleFile).doesNotExist();
        others.forEach(p -> assertThat(p).hasContent("keep"));
    }

    @Test
    void sweepAndDemoNeverWriteIntoADirectoryHoldingOtherFiles() throws IOException {
        Path work = Files.createDirectory(dir.resolve("work"));
        Files.writeString(work.resolve("notes.txt"), "mine");
        List<CliRun> runs = List.of(
                CliRun.of("demo", "--out", work.toString(), "--force", "-q"),
                CliRun.of("sweep", "absent", "--test", "absent", "-o", work.toString(), "--force", "-q"));
        for (CliRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains(work + ": exists and holds notes.txt");
        }
        assertThat(snapshot(work)).containsOnlyKeys("", "notes.txt");
    }

    @Test
    void anEarlierReportIsReplacedOnlyWithForce() throws IOException {
        Path out = dir.resolve("report");
        assertThat(CliRun.of("report", grayArtifact.toString(), "-o", out.toString(), "-q").exitCode()).isZero();
        TreeMap<String, String> first = snapshot(out);

        CliRun refused = CliRun.of("report", grayArtifact.toString(), "-o", out.toString(), "-q", "--seed", "2");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(out + ": exists (an earlier lgc output); pass --force to replace it");
        assertThat(snapshot(out)).isEqualTo(first);

        CliRun forced = CliRun.of("report", grayArtifact.toString(), "-o", out.toString(), "-q", "--seed", "2",
                "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(snapshot(out)).isNotEqualTo(first);
        assertThat(hiddenSiblings(out)).isEmpty();
    }

    @Test
    void moreSamplesThanADatasetHoldsIsAClearErrorBeforeAnyWork() {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("reconstruct", grayArtifact.toString(), "-o", out.toString(), "--per-class", "500000",
                "--format", "png", "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("5000000").contains("--per-class").doesNotContain("internal error");
        assertThat(out).doesNotExist();
    }

    private static TreeMap<String, String> snapshot(Path root) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/"
                        : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** Hidden entries beside {@code target} named after it: temporaries left behind. */
    static List<Path> hiddenSiblings(Path target) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith("." + target.getFileName() + "."))
                    .forEach(found::add);
        }
        return found;
    }
}
