package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * /dev/zero and FIFOs given to any command: one line naming the path and what it is, exit 2,
 * nothing written, and no read at all (a FIFO would block; the timeout fails a test that hangs).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NonRegularInputsCliTest {
    private static final Path ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path path = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor(20, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        return path;
    }

    private static void assertRefused(CliRun run, Path path, String kind) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).containsExactly("lgc: " + path + ": " + kind + ", not a regular file");
    }

    @Test
    void inspectRefusesADeviceAndAFifo() throws Exception {
        assumeTrue(Files.exists(ZERO));
        assertRefused(CliRun.of("inspect", ZERO.toString()), ZERO, "a character device");
        Path pipe = fifo("pipe.lgc");
        assertRefused(CliRun.of("inspect", pipe.toString()), pipe, "a FIFO (named pipe)");
        assertRefused(CliRun.of("inspect", "--verify", pipe.toString()), pipe, "a FIFO (named pipe)");
    }

    @Test
    void compressRefusesADeviceAndAFifoAndWritesNothing() throws Exception {
        assumeTrue(Files.exists(ZERO));
        Path out = dir.resolve("out.lgc");
        assertRefused(CliRun.of("compress", ZERO.toString(), "-o", out.toString(), "-q"), ZERO, "a character device");
        Path pipe = fifo("train.csv");
        assertRefused(CliRun.of("compress", pipe.toString(), "-o", out.toString(), "-q"), pipe, "a FIFO (named pipe)");
        assertThat(out).doesNotExist();
    }

    @Test
    void evaluateRefusesAFifoAsEitherSet() throws Exception {
        Path pipe = fifo("x.npz");
        assertRefused(CliRun.of("evaluate", "--train", pipe.toString(), "--test", pipe.toString(), "-q"), pipe,
                "a FIFO (named pipe)");
    }

    @Test
    void reconstructRefusesAFifoArtifact() throws Exception {
        Path pipe = fifo("model.lgc");
        assertRefused(CliRun.of("reconstruct", pipe.toString(), "-o", dir.resolve("out").toString(), "-q"), pipe,
                "a FIFO (named pipe)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aHugeSizeIsRefusedInOneLine() throws Exception {
        Path images = Files.createDirectory(dir.resolve("images"));
        CliRun run = CliRun.of("compress", images.toString(), "--size", "30000x30000", "-o",
                dir.resolve("a.lgc").toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("30000x30000").contains("at most 1048576").doesNotContain("\tat ");
    }
}
