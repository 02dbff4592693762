package io.lgc.data;

import static io.lgc.data.IdxFixtures.concat;
import static io.lgc.data.IdxFixtures.gzip;
import static io.lgc.data.IdxFixtures.header;
import static io.lgc.data.IdxFixtures.imagesFile;
import static io.lgc.data.IdxFixtures.labelsFile;
import static io.lgc.data.IdxFixtures.pixels;
import static io.lgc.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed file is refused with an {@link InputException} whose message starts with the
 * file's path and says what is wrong.
 */
class IdxReaderMalformedInputTest {
    @TempDir
    Path dir;

    private static final byte[] GOOD_IMAGES = imagesFile(4, 2, 3, pixels(4, new ImageShape(1, 2, 3)));

    private Path images(byte[] content) {
        return write(dir.resolve("train-images-idx3-ubyte.gz"), content);
    }

    @Test
    void badMagic() {
        Path file = images(concat(header(0, 4, 2, 3), new byte[24]));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": bad magic 0x00000000, expected 0x00000803 (IDX3 unsigned byte images)");
    }

    @Test
    void badMagicInsideGzip() {
        Path file = images(gzip(concat(header(0x12345678, 1, 1, 1), new byte[1])));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageStartingWith(file + ": bad magic 0x12345678, expected 0x00000803");
    }

    @Test
    void aLabelsFileGivenAsImagesIsNamedForWhatItIs() {
        Path file = images(labelsFile(1, 2, 3));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageStartingWith(file + ": bad magic 0x00000801 (IDX1 unsigned byte data), expected 0x00000803");
    }

    @Test
    void imagesOfAnotherElementTypeAreRefused() {
        Path file = images(concat(header(0x00000D03, 1, 1, 1), new byte[4]));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageStartingWith(file + ": bad magic 0x00000D03 (IDX3 32-bit float data)");
    }

    @Test
    void labelsWithBadMagic() {
        Path file = write(dir.resolve("train-labels-idx1-ubyte.gz"), GOOD_IMAGES);

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessage(file + ": bad magic 0x00000803 (IDX3 unsigned byte data), expected 0x00000801 (IDX1 unsigned byte labels)");
    }

    @Test
    void emptyFile() {
        Path file = images(new byte[0]);

        assertThatThrownBy(() -> IdxReader.readImages(file)).hasMessage(file + ": empty file");
    }

    @Test
    void emptyGzipStream() {
        Path file = images(gzip(new byte[0]));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": empty (the gzip stream holds no data)");
    }

    @Test
    void truncatedHeader() {
        Path file = images(Arrays.copyOf(GOOD_IMAGES, 10));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated header: 10 bytes, an IDX3 header has 16");
    }

    @Test
    void truncatedPixelsInPlainFile() {
        Path file = images(Arrays.copyOf(GOOD_IMAGES, GOOD_IMAGES.length - 5));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated: header declares 4 images of 2x3 (24 bytes), but only 19 bytes follow the header");
    }

    @Test
    void truncatedPixelsInsideACompleteGzipStream() {
        Path file = images(gzip(Arrays.copyOf(GOOD_IMAGES, GOOD_IMAGES.length - 5)));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated: header declares 4 images of 2x3 (24 bytes), but only 19 bytes follow the header");
    }

    @Test
    void gzipStreamCutShort() {
        byte[] big = imagesFile(200, 28, 28, pixels(200, new ImageShape(1, 28, 28)));
        byte[] gz = gzip(big);
        Path file = images(Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageStartingWith(file + ": truncated: header declares 200 images of 28x28 (156800 bytes), but only")
                .hasMessageEndingWith("(the gzip stream ends abruptly)");
    }

    @Test
    void gzipWithoutItsTrailer() {
        byte[] gz = gzip(GOOD_IMAGES);
        Path file = images(Arrays.copyOf(gz, gz.length - 8));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated: the gzip stream ends abruptly after the 4 images of 2x3");
    }

    @Test
    void gzipWithWrongChecksum() {
        byte[] gz = gzip(GOOD_IMAGES);
        gz[gz.length - 8] ^= 1; // first byte of the CRC-32
        Path file = images(gz);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessageStartingWith(file + ": corrupt gzip data after the 4 images of 2x3");
    }

    @Test
    void trailingGarbageInPlainFile() {
        Path file = images(concat(GOOD_IMAGES, new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": trailing garbage: 3 bytes after the 4 images of 2x3 the header declares");
    }

    @Test
    void trailingGarbageInsideGzip() {
        Path file = images(gzip(concat(GOOD_IMAGES, new byte[7])));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": trailing garbage: 7 bytes after the 4 images of 2x3 the header declares");
    }

    @Test
    void bytesAfterTheGzipStreamItselfAreIgnoredAsGzipDoes() {
        // The data inside is complete and checksummed; gzip -d too only warns here.
        Path file = images(concat(gzip(GOOD_IMAGES), new byte[] {'x', 'y'}));

        assertThat(IdxReader.readImages(file).count()).isEqualTo(4);
    }

    @Test
    void trailingGarbageInLabels() {
        Path file = write(dir.resolve("labels"), concat(labelsFile(1, 2), new byte[1]));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessage(file + ": trailing garbage: 1 bytes after the 2 labels the header declares");
    }

    @Test
    void zeroOrNegativeDimensions() {
        Path zero = images(header(IdxFixtures.IMAGES, 4, 0, 3));
        Path negative = write(dir.resolve("neg"), header(IdxFixtures.IMAGES, -1, 2, 3));

        assertThatThrownBy(() -> IdxReader.readImages(zero))
                .hasMessage(zero + ": header declares dimensions 4x0x3; each must be positive");
        assertThatThrownBy(() -> IdxReader.readImages(negative))
                .hasMessage(negative + ": header declares dimensions -1x2x3; each must be positive");
    }

    @Test
    void forgedDimensionsBeyondWhatAnArrayCanHoldAreRefusedFromTheHeader() {
        Path file = images(header(IdxFixtures.IMAGES, Integer.MAX_VALUE, 65535, 65535));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": header declares dimensions 2147483647x65535x65535, more than the"
                        + " 2147483639 bytes a dataset can hold");
    }

    @Test
    void forgedDimensionsInAPlainFileAreCheckedAgainstItsSizeBeforeAllocating() {
        // 2 GB declared in a 26-byte file: refused by comparing with the file size
        Path file = images(concat(header(IdxFixtures.IMAGES, 2000, 1000, 1000), new byte[10]));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated: header declares 2000 images of 1000x1000 (2000000000 bytes),"
                        + " but only 10 bytes follow the header");
    }

    @Test
    void forgedDimensionsInAGzipFileAreCheckedAgainstTheMostItCanExpandTo() {
        byte[] gz = gzip(concat(header(IdxFixtures.IMAGES, 2000, 1000, 1000), new byte[10]));
        Path file = images(gz);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated: header declares 2000 images of 1000x1000 (2000000000 bytes),"
                        + " but a gzip file of " + gz.length + " bytes cannot hold more than " + gz.length * 1032L);
    }

    @Test
    void forgedLabelCountInAPlainFile() {
        Path file = write(dir.resolve("labels"), concat(header(IdxFixtures.LABELS, 2_000_000_000), new byte[3]));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessage(file + ": truncated: header declares 2000000000 labels (2000000000 bytes),"
                        + " but only 3 bytes follow the header");
    }

    @Test
    void imagesAndLabelsMustAgreeInCount() {
        Path labels = write(dir.resolve("train-labels-idx1-ubyte.gz"), labelsFile(0, 1, 0));
        Path file = images(GOOD_IMAGES);

        assertThatThrownBy(() -> IdxReader.read(file))
                .hasMessage(file + ": 4 images, but " + labels + " holds 3 labels");
    }

    @Test
    void aDirectoryIsNotAnIdxFile() {
        Path sub = dir.resolve("train-images-idx3-ubyte");
        write(sub.resolve("x"), new byte[1]);

        assertThatThrownBy(() -> IdxReader.readImages(sub))
                .hasMessage(sub + ": is a directory, expected an IDX file");
    }

    @Test
    void aMissingFile() {
        Path missing = dir.resolve("nothing-here");

        assertThatThrownBy(() -> IdxReader.readLabels(missing)).hasMessage(missing + ": no such file");
    }
}
