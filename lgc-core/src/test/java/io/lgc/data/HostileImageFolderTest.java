package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image folders that try to make the reader allocate without bound or accept damage silently:
 * decompression bombs, damaged PNG chunks, links that lead nowhere, a huge size asked for.
 */
class HostileImageFolderTest {
    @TempDir
    Path dir;

    private static ResolvedDataset load(Path path, ReadOptions options) {
        return DatasetResolver.system().loadWith(path.toString(), options);
    }

    private void twoGoodClasses() {
        ImageFixtures.write(dir.resolve("a/1.png"), ImageFixtures.constantGray(4, 4, 10));
        ImageFixtures.write(dir.resolve("b/1.png"), ImageFixtures.constantGray(4, 4, 200));
    }

    /** One PNG chunk: length, type, data, CRC over type and data. */
    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** A grayscale PNG whose header declares width x height; its pixel data is a few rows of zeros. */
    static byte[] bombPng(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 << 16]);
        deflater.finish();
        byte[] idat = new byte[1 << 16];
        int n = deflater.deflate(idat);
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(PngChunks.SIGNATURE);
        png.writeBytes(chunk("IHDR", ihdr));
        png.writeBytes(chunk("IDAT", java.util.Arrays.copyOf(idat, n)));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    @Test
    void anImageDeclaringEnormousDimensionsIsRefusedByItsHeader() throws Exception {
        twoGoodClasses();
        Path bomb = Files.write(dir.resolve("b/bomb.png"), bombPng(100_000, 100_000));
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessage(bomb + ": cannot read the image: 100000x100000 pixels, more than the "
                        + ImageFiles.MAX_PIXELS + " allowed (ReadOptions.skipBad leaves unreadable images out)");
    }

    @Test
    void theHeaderBudgetLeavesNoImageOfSeveralHundredMegabytes() throws Exception {
        twoGoodClasses();
        Path bomb = Files.write(dir.resolve("b/bomb.png"), bombPng(8000, 8000));
        assertThat(8000L * 8000).isGreaterThan(ImageFiles.MAX_PIXELS);
        assertThatThrownBy(() -> load(dir, ReadOptions.builder().size(new ImageSize(4, 4)).build()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(bomb + ": cannot read the image: 8000x8000 pixels, more than the");
        assertThat(load(dir, ReadOptions.builder().skipBad(true).build()).skippedImages()).isEqualTo(1);
    }

    @Test
    void aSizeBeyondThePixelBudgetIsRefused() {
        assertThatThrownBy(() -> ImageSize.parse("30000x30000")).isInstanceOf(InputException.class)
                .hasMessage("image size 30000x30000 is 900000000 pixels per image; at most "
                        + ImageSize.MAX_REQUESTED_PIXELS + " (1024x1024) are allowed");
        assertThat(ImageSize.parse("1024x1024")).isEqualTo(new ImageSize(1024, 1024));
    }

    @Test
    void aPngWithADamagedChunkIsRefusedOrSkipped() throws Exception {
        twoGoodClasses();
        Path damaged = ImageFixtures.write(dir.resolve("b/2.png"),
                ImageFixtures.gray(8, 8, (x, y) -> 16 * x + y));
        byte[] bytes = Files.readAllBytes(damaged);
        int idat = indexOf(bytes, "IDAT".getBytes(StandardCharsets.US_ASCII));
        bytes[idat + 6] ^= 0x01; // a bit of the compressed pixels; ImageIO alone would not notice
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(damaged + ": cannot read the image: PNG chunk IDAT at byte " + (idat - 4)
                        + " fails its CRC");
        ResolvedDataset skipping = load(dir, ReadOptions.builder().skipBad(true).build());
        assertThat(skipping.skippedImages()).isEqualTo(1);
        assertThat(skipping.dataset().size()).isEqualTo(2);
    }

    @Test
    void aTruncatedPngIsRefused() throws Exception {
        twoGoodClasses();
        Path cut = ImageFixtures.write(dir.resolve("b/2.png"), ImageFixtures.gray(8, 8, (x, y) -> x + y));
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 12)); // IEND gone
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("truncated PNG");
    }

    @Test
    void linksThatLeadNowhereAreRefusedOrSkippedAndCounted() throws Exception {
        twoGoodClasses();
        Path loop = dir.resolve("b/loop.png");
        Files.createSymbolicLink(loop, loop.getFileName());
        Path dangling = Files.createSymbolicLink(dir.resolve("b/dangling.png"), Path.of("missing.png"));
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessage(dangling + ": cannot read the image: dangling symbolic link (its target missing.png does"
                        + " not exist) (ReadOptions.skipBad leaves unreadable images out)");
        Files.delete(dangling);
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(loop + ": cannot read the image: symbolic link loop");
        Files.createSymbolicLink(dangling, Path.of("missing.png"));
        ResolvedDataset skipping = load(dir, ReadOptions.builder().skipBad(true).build());
        assertThat(skipping.skippedImages()).isEqualTo(2);
        assertThat(skipping.warnings()).anyMatch(w -> w.startsWith("skipped 2 of 4 images"));
    }

    @Test
    void aLinkToAFolderAboveIsALoopRefusedInOneLine() throws Exception {
        twoGoodClasses();
        Path loop = Files.createSymbolicLink(dir.resolve("b/up"), Path.of(".."));
        assertThatThrownBy(() -> load(dir, ReadOptions.DEFAULTS)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(loop + "")
                .hasMessageContaining("symbolic link loop");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
