package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a reconstruct, in a separate JVM: its temporaries go with it and the
 * earlier output it was to replace stays as it was.
 */
class InterruptedReconstructTest {
    /** Long enough to be certain of catching the writer at work. */
    private static final long START_LIMIT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void sigtermLeavesNoTemporariesAndTheEarlierOutputIntact() throws Exception {
        Path artifact = dir.resolve("gray.lgc");
        ArtifactFile.write(artifact, TinyArtifacts.fashionSized(3), Precision.FP32);
        Path out = dir.resolve("out");
        assertThat(CliRun.of("reconstruct", artifact.toString(), "-o", out.toString(), "--format", "png",
                "--per-class", "2", "-q").exitCode()).isZero();
        TreeMap<String, Long> earlier = sizes(out);

        Process lgc = new ProcessBuilder(java(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "reconstruct", artifact.toString(),
                "-o", out.toString(), "--format", "png", "--per-class", "200000", "--force", "-q")
                .redirectErrorStream(true).redirectOutput(dir.resolve("lgc.log").toFile()).start();
        try {
            Path temp = awaitPngsIn(out, lgc);
            assertThat(temp).as("the reconstruction is under way in a temporary").isNotNull();
            lgc.destroy(); // SIGTERM
            assertThat(lgc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            lgc.destroyForcibly();
        }

        assertThat(OutputPolicyTest.hiddenSiblings(out)).as(Files.readString(dir.resolve("lgc.log"))).isEmpty();
        assertThat(sizes(out)).isEqualTo(earlier);
        assertThat(Files.readString(dir.resolve("lgc.log"))).as("no temporary's name reaches the user")
                .doesNotContain(".tmp");
    }

    /** The temporary directory beside {@code out} once it holds PNGs, or null if the run ended first. */
    private static Path awaitPngsIn(Path out, Process lgc) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline && lgc.isAlive()) {
            for (Path temp : OutputPolicyTest.hiddenSiblings(out)) {
                if (countFiles(temp) > 100) {
                    return temp;
                }
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static long countFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // changing under our feet
        }
    }

    private static TreeMap<String, Long> sizes(Path root) throws IOException {
        TreeMap<String, Long> sizes = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            sizes.put(root.relativize(f).toString(), Files.size(f));
        }
        return sizes;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
