package io.lgc.data;

import static io.lgc.data.ImageFixtures.constantGray;
import static io.lgc.data.ImageFixtures.gray;
import static io.lgc.data.ImageFixtures.rgb;
import static io.lgc.data.ImageFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders: classes, order, decoding, resizing, channels, and damaged images. */
class ImageFolderReaderTest {
    @TempDir
    Path dir;

    private ReadResult read(ReadOptions options) {
        return ImageFolderReader.read(dir, options);
    }

    private Dataset read() {
        return read(ReadOptions.DEFAULTS).dataset();
    }

    private static ReadOptions.Builder options() {
        return ReadOptions.builder();
    }

    @Test
    void classesAreTheSortedSubFoldersAndGrayscaleValuesAreExact() {
        write(dir.resolve("dog/1.png"), gray(3, 2, (x, y) -> 10 * x + y));
        write(dir.resolve("cat/1.png"), constantGray(3, 2, 255));

        Dataset data = read();

        assertThat(data.classNames()).containsExactly("cat", "dog");
        assertThat(data.labels()).containsExactly(0, 1);
        assertThat(data.shape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(Arrays.copyOfRange(data.pixels(), 6, 12)).isEqualTo(NpzFixtures.bytes(0, 10, 20, 1, 11, 21));
    }

    @Test
    void rgbImagesBecomeThreeChannelPlanes() {
        write(dir.resolve("a/x.png"), rgb(2, 1, (x, y) -> x == 0 ? 0x102030 : 0x405060));

        Dataset data = read();

        assertThat(data.shape()).isEqualTo(new ImageShape(3, 1, 2));
        assertThat(data.pixels()).isEqualTo(NpzFixtures.bytes(0x10, 0x40, 0x20, 0x50, 0x30, 0x60));
    }

    @Test
    void bmpAndJpegAreDecodedToo() {
        write(dir.resolve("a/x.bmp"), rgb(4, 4, (x, y) -> 0x0a0b0c));
        write(dir.resolve("b/y.jpg"), rgb(4, 4, (x, y) -> 0x808080));

        Dataset data = read();

        assertThat(data.shape()).isEqualTo(new ImageShape(3, 4, 4));
        assertThat(Arrays.copyOfRange(data.pixels(), 0, 16)).containsOnly((byte) 0x0a);
        for (int i = 48; i < 96; i++) { // JPEG is lossy: close to mid-gray
            assertThat(data.pixels()[i] & 0xFF).isBetween(0x78, 0x88);
        }
    }

    @Test
    void gifsWithAGrayPaletteAreGrayscale() {
        // 8x8: the JDK's GIF codec garbles smaller grayscale images on its own
        write(dir.resolve("a/x.gif"), gray(8, 8, (x, y) -> 3 * (x + 8 * y)));

        Dataset data = read();

        assertThat(data.shape()).isEqualTo(new ImageShape(1, 8, 8));
        for (int i = 0; i < 64; i++) {
            assertThat(data.pixels()[i] & 0xFF).isEqualTo(3 * i);
        }
    }

    @Test
    void gifsWithAColourPaletteAreRgb() {
        write(dir.resolve("a/x.gif"), rgb(2, 1, (x, y) -> x == 0 ? 0xff0000 : 0x0000ff));

        Dataset data = read();

        assertThat(data.shape()).isEqualTo(new ImageShape(3, 1, 2));
        assertThat(data.pixels()).isEqualTo(NpzFixtures.bytes(255, 0, 0, 0, 0, 255));
    }

    @Test
    void sixteenBitGrayIsRoundedToEightBits() {
        BufferedImage deep = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 65535);
        deep.getRaster().setSample(1, 0, 0, 257 * 7);
        deep.getRaster().setSample(2, 0, 0, 257 * 7 + 128);
        write(dir.resolve("a/x.png"), deep);

        assertThat(read().pixels()).isEqualTo(NpzFixtures.bytes(255, 7, 7));
    }

    @Test
    void alphaIsDroppedKeepingTheColour() {
        BufferedImage argb = ImageFixtures.withRgb(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB),
                (x, y) -> 0x00112233); // fully transparent
        write(dir.resolve("a/x.png"), argb);

        Dataset data = read();

        assertThat(data.shape().channels()).isEqualTo(3);
        assertThat(data.pixels()).isEqualTo(NpzFixtures.bytes(0x11, 0x22, 0x33));
    }

    @Test
    void imagesAreSortedByTheirPathInTheClassFolderAndOtherFilesIgnored() throws IOException {
        write(dir.resolve("a/b.png"), constantGray(1, 1, 2));
        write(dir.resolve("a/sub/a.png"), constantGray(1, 1, 3));
        write(dir.resolve("a/a.PNG"), constantGray(1, 1, 1));
        write(dir.resolve("a/.hidden.png"), constantGray(1, 1, 99));
        write(dir.resolve("a/.cache/c.png"), constantGray(1, 1, 99));
        write(dir.resolve(".git/c.png"), constantGray(1, 1, 99));
        Files.writeString(dir.resolve("a/notes.txt"), "not an image");
        Files.writeString(dir.resolve("README"), "not a class");

        ReadResult result = read(ReadOptions.DEFAULTS);

        assertThat(result.dataset().classNames()).containsExactly("a");
        assertThat(result.dataset().pixels()).isEqualTo(NpzFixtures.bytes(1, 2, 3));
        assertThat(result.files()).containsExactly(dir.resolve("a/a.PNG"), dir.resolve("a/b.png"),
                dir.resolve("a/sub/a.png"));
    }

    @Test
    void theMostCommonSizeWinsAndTheOthersAreResized() {
        write(dir.resolve("a/1.png"), constantGray(4, 2, 10));
        write(dir.resolve("a/2.png"), constantGray(8, 8, 77));
        write(dir.resolve("b/3.png"), constantGray(4, 2, 20));

        ReadResult result = read(ReadOptions.DEFAULTS);

        assertThat(result.dataset().shape()).isEqualTo(new ImageShape(1, 2, 4));
        assertThat(Arrays.copyOfRange(result.dataset().pixels(), 8, 16)).containsOnly((byte) 77);
        assertThat(result.warnings()).containsExactly("resized 1 of 3 images to 4x2, the most common size in " + dir);
    }

    @Test
    void aTieGoesToTheSizeMetFirst() {
        write(dir.resolve("a/1.png"), constantGray(3, 3, 0));
        write(dir.resolve("b/1.png"), constantGray(2, 2, 0));

        assertThat(read().shape()).isEqualTo(new ImageShape(1, 3, 3));
    }

    @Test
    void anAskedSizeResizesEveryImage() {
        write(dir.resolve("a/1.png"), gray(4, 4, (x, y) -> x < 2 ? 0 : 200));

        ReadResult result = read(options().size(new ImageSize(2, 1)).build());

        assertThat(result.dataset().shape()).isEqualTo(new ImageShape(1, 1, 2));
        assertThat(result.dataset().pixels()).isEqualTo(NpzFixtures.bytes(0, 200));
        assertThat(result.warnings()).containsExactly("resized 1 of 1 images to 2x1");
    }

    @Test
    void mixedGrayscaleAndColourIsRefusedNamingAnImageOfEach() {
        Path grayImage = write(dir.resolve("a/1.png"), constantGray(1, 1, 0));
        Path colourImage = write(dir.resolve("b/1.png"), rgb(1, 1, (x, y) -> 0xff0000));

        assertThatThrownBy(this::read).isInstanceOf(InputException.class)
                .hasMessage(dir + ": mixes grayscale and colour images (" + grayImage + " is grayscale, " + colourImage
                        + " is RGB); ask for 1 or 3 channels to convert them all");
    }

    @Test
    void askingForChannelsConvertsEveryImage() {
        write(dir.resolve("a/1.png"), constantGray(1, 1, 50));
        write(dir.resolve("b/1.png"), rgb(1, 1, (x, y) -> 0x64c832)); // 100, 200, 50

        ReadResult asRgb = read(options().channels(3).build());
        ReadResult asGray = read(options().channels(1).build());

        assertThat(asRgb.dataset().pixels()).isEqualTo(NpzFixtures.bytes(50, 50, 50, 100, 200, 50));
        assertThat(asRgb.warnings()).containsExactly("converted 1 of 2 images to RGB");
        // luma: (299·100 + 587·200 + 114·50 + 500) / 1000 = 153
        assertThat(asGray.dataset().pixels()).isEqualTo(NpzFixtures.bytes(50, 153));
        assertThat(asGray.warnings()).containsExactly("converted 1 of 2 images to grayscale");
    }

    @Test
    void anUnreadableImageIsRefusedNamingIt() throws IOException {
        write(dir.resolve("a/1.png"), constantGray(2, 2, 0));
        Path bad = Files.write(dir.resolve("a/2.png"), "this is no image".getBytes());

        assertThatThrownBy(this::read).isInstanceOf(InputException.class)
                .hasMessage(bad + ": cannot read the image: not a PNG, JPEG, BMP or GIF image"
                        + " (ReadOptions.skipBad leaves unreadable images out)");
    }

    @Test
    void aTruncatedImageIsRefusedNamingIt() throws IOException {
        write(dir.resolve("a/1.png"), gray(16, 16, (x, y) -> x * y));
        byte[] whole = Files.readAllBytes(dir.resolve("a/1.png"));
        Path cut = Files.write(dir.resolve("a/2.png"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> read(options().size(new ImageSize(16, 16)).build()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(cut + ": cannot read the image: ")
                .hasMessageEndingWith(" (ReadOptions.skipBad leaves unreadable images out)");
    }

    @Test
    void anImageDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
        write(dir.resolve("a/1.png"), constantGray(2, 2, 0));
        Path huge = Files.write(dir.resolve("a/2.png"), pngHeader(20000, 20000));

        assertThatThrownBy(this::read)
                .hasMessage(huge + ": cannot read the image: 20000x20000 pixels, more than the " + ImageFiles.MAX_PIXELS + " allowed"
                        + " (ReadOptions.skipBad leaves unreadable images out)");
    }

    @Test
    void skippingBadImagesReportsThem() throws IOException {
        write(dir.resolve("a/1.png"), constantGray(2, 2, 9));
        Path empty = Files.write(dir.resolve("a/2.png"), new byte[0]);
        write(dir.resolve("b/2.png"), constantGray(2, 2, 8));
        Path bad = Files.write(dir.resolve("b/1.jpg"), "junk".getBytes());

        ReadResult result = read(options().skipBad(true).build());

        assertThat(result.dataset().labels()).containsExactly(0, 1);
        assertThat(result.skippedImages()).isEqualTo(2);
        assertThat(result.files()).containsExactly(dir.resolve("a/1.png"), dir.resolve("b/2.png"));
        assertThat(result.warnings()).containsExactly(
                "skipped 2 of 4 images in " + dir + " that could not be read",
                "skipped " + empty + ": empty file",
                "skipped " + bad + ": not a PNG, JPEG, BMP or GIF image");
    }

    @Test
    void skippingEveryImageLeavesNothingToRead() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Path bad = Files.write(dir.resolve("a/1.png"), "junk".getBytes());

        assertThatThrownBy(() -> read(options().skipBad(true).build()))
                .hasMessage(dir + ": none of its 1 images could be read; the first: " + bad
                        + ": not a PNG, JPEG, BMP or GIF image");
    }

    @Test
    void aClassFolderWithoutImagesIsRefused() throws IOException {
        write(dir.resolve("a/1.png"), constantGray(1, 1, 0));
        Files.createDirectories(dir.resolve("b"));

        assertThatThrownBy(this::read)
                .hasMessage(dir.resolve("b") + ": class folder holds no images (.bmp, .gif, .jpeg, .jpg, .png)");
    }

    @Test
    void aClassWithASingleImageIsReadAndLeftToRequireAtLeastToRefuse() {
        write(dir.resolve("a/1.png"), constantGray(1, 1, 0));
        write(dir.resolve("a/2.png"), constantGray(1, 1, 0));
        write(dir.resolve("b/1.png"), constantGray(1, 1, 0));

        Dataset data = read();

        assertThat(data.classCounts()).containsExactly(2, 1);
        assertThatThrownBy(() -> data.requireAtLeast(2, dir.toString())).isInstanceOf(InputException.class)
                .hasMessage(dir + ": every class needs at least 2 samples, but 'b' (label 1) has 1");
    }

    @Test
    void imagesOutsideClassFoldersAreNoDataset() {
        write(dir.resolve("1.png"), constantGray(1, 1, 0));

        assertThatThrownBy(this::read).hasMessage(dir + ": holds no class sub-folders; an image folder holds one"
                + " sub-folder of images per class");
    }

    @Test
    void classesTxtGivesTheExactNamesAndOrderForSafeFolderNames() throws IOException {
        Files.writeString(dir.resolve("classes.txt"), "T-shirt/top\nAnkle boot\n.hidden\n");
        write(dir.resolve("T-shirt_top/1.png"), constantGray(1, 1, 1));
        write(dir.resolve("Ankle boot/1.png"), constantGray(1, 1, 2));
        write(dir.resolve("_hidden/1.png"), constantGray(1, 1, 3));

        ReadResult result = read(ReadOptions.DEFAULTS);

        assertThat(result.dataset().classNames()).containsExactly("T-shirt/top", "Ankle boot", ".hidden");
        assertThat(result.dataset().labels()).containsExactly(0, 1, 2);
        assertThat(result.dataset().pixels()).isEqualTo(NpzFixtures.bytes(1, 2, 3));
        assertThat(result.files()).endsWith(dir.resolve("classes.txt"));
    }

    @Test
    void withClassesTxtAnEmptyClassFolderIsAClassWithoutSamples() throws IOException {
        Files.writeString(dir.resolve("classes.txt"), "a\nb\n");
        write(dir.resolve("a/1.png"), constantGray(1, 1, 1));
        Files.createDirectories(dir.resolve("b"));

        Dataset data = read();

        assertThat(data.classNames()).containsExactly("a", "b");
        assertThat(data.classCounts()).containsExactly(1, 0);
    }

    @Test
    void aFolderClassesTxtDoesNotNameIsRefused() throws IOException {
        Path classes = Files.writeString(dir.resolve("classes.txt"), "a\n");
        write(dir.resolve("a/1.png"), constantGray(1, 1, 1));
        write(dir.resolve("typo/1.png"), constantGray(1, 1, 1));

        assertThatThrownBy(this::read).hasMessage(dir.resolve("typo") + ": folder is not one of the classes " + classes
                + " names (their folders: a)");
    }

    @Test
    void aClassWithoutItsFolderIsRefused() throws IOException {
        Path classes = Files.writeString(dir.resolve("classes.txt"), "a\nb/c\n");
        write(dir.resolve("a/1.png"), constantGray(1, 1, 1));

        assertThatThrownBy(this::read).hasMessage(classes + ": line 2 names class 'b/c', but its folder "
                + dir.resolve("b_c") + " is missing");
    }

    @Test
    void sourceFilesListEveryImageWithoutDecoding() throws IOException {
        Path bad = Files.write(Files.createDirectories(dir.resolve("a")).resolve("1.png"), "junk".getBytes());

        assertThat(ImageFolderReader.sourceFiles(dir)).containsExactly(bad);
    }

    /** A PNG signature and a valid IHDR chunk declaring the size, and nothing else. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
