package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every dataset input must be a regular file: a FIFO would block the reader until someone writes
 * to it, a device such as /dev/zero never ends. Both are refused from their attributes, before
 * anything opens them (the timeout fails a test that would otherwise wait on a FIFO forever).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NonRegularInputsTest {
    @TempDir
    Path dir;

    static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor(20, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        return path;
    }

    private static ResolvedDataset load(Path path, ReadOptions options) {
        return DatasetResolver.system().loadWith(path.toString(), options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train-images-idx3-ubyte", "train.csv", "x.npz", "data_batch_1.bin", "plain"})
    void aFifoNamedAsAnyFormatIsRefused(String name) throws Exception {
        Path pipe = fifo(dir.resolve(name));
        assertThatThrownBy(() -> load(pipe, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessage(pipe + ": a FIFO (named pipe), not a regular file");
    }

    @ParameterizedTest
    @EnumSource(value = InputFormat.class, names = {"IDX", "CSV", "NPZ", "CIFAR"})
    void aFifoReadAsAGivenFormatIsRefused(InputFormat format) throws Exception {
        Path pipe = fifo(dir.resolve("data"));
        assertThatThrownBy(() -> load(pipe, ReadOptions.builder().format(format).build()))
                .isInstanceOf(InputException.class).hasMessage(pipe + ": a FIFO (named pipe), not a regular file");
    }

    @Test
    void aCharacterDeviceIsRefusedAlsoThroughALink() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertThatThrownBy(() -> load(zero, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessage("/dev/zero: a character device, not a regular file");
        Path link = Files.createSymbolicLink(dir.resolve("train-images-idx3-ubyte.gz"), zero);
        assertThatThrownBy(() -> load(link, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessage(link + ": a character device, not a regular file");
    }

    @Test
    void aFifoLabelsFileIsRefused() throws Exception {
        Path images = IdxFixtures.writeRawPair(dir, "train", 6, 2);
        Path pipe = fifo(dir.resolve("labels"));
        assertThatThrownBy(() -> load(images, ReadOptions.builder().labels(pipe).build()))
                .isInstanceOf(InputException.class).hasMessage(pipe + ": a FIFO (named pipe), not a regular file");
    }

    @Test
    void aFifoClassesTxtBesideIdxFilesIsRefusedNotIgnored() throws Exception {
        Path images = IdxFixtures.writeRawPair(dir, "train", 6, 2);
        Path pipe = fifo(dir.resolve(IdxFileNames.CLASS_NAMES));
        assertThatThrownBy(() -> load(images, ReadOptions.DEFAULTS))
                .isInstanceOf(InputException.class).hasMessage(pipe + ": a FIFO (named pipe), not a regular file");
    }

    @Test
    void aFifoClassesTxtInAnImageFolderIsRefusedNotIgnored() throws Exception {
        ImageFixtures.write(dir.resolve("a/1.png"), ImageFixtures.constantGray(4, 4, 10));
        ImageFixtures.write(dir.resolve("b/1.png"), ImageFixtures.constantGray(4, 4, 200));
        Path pipe = fifo(dir.resolve(IdxFileNames.CLASS_NAMES));
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS))
                .isInstanceOf(InputException.class).hasMessage(pipe + ": a FIFO (named pipe), not a regular file");
    }

    @Test
    void aFifoNamedLikeAnImageIsRefusedOrSkipped() throws Exception {
        ImageFixtures.write(dir.resolve("a/1.png"), ImageFixtures.constantGray(4, 4, 10));
        ImageFixtures.write(dir.resolve("b/1.png"), ImageFixtures.constantGray(4, 4, 200));
        Path pipe = fifo(dir.resolve("b/2.png"));
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(pipe + ": cannot read the image: a FIFO (named pipe), not a regular file");
        org.assertj.core.api.Assertions.assertThat(load(dir, ReadOptions.builder().skipBad(true).build())
                .skippedImages()).isEqualTo(1);
    }
}
