package io.lgc.data;

import static io.lgc.data.IdxFixtures.concat;
import static io.lgc.data.IdxFixtures.gzip;
import static io.lgc.data.IdxFixtures.header;
import static io.lgc.data.IdxFixtures.imagesFile;
import static io.lgc.data.IdxFixtures.labelsFile;
import static io.lgc.data.IdxFixtures.pixels;
import static io.lgc.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading well-formed IDX files. */
class IdxReaderTest {
    @TempDir
    Path dir;

    private static final ImageShape SHAPE = new ImageShape(1, 2, 3);
    private static final byte[] PIXELS = pixels(4, SHAPE);
    private static final int[] LABELS = {2, 0, 1, 2};

    @Test
    void readsRawImagesAndLabelsInFileOrder() {
        write(dir.resolve("train-labels-idx1-ubyte"), labelsFile(LABELS));
        Path images = write(dir.resolve("train-images-idx3-ubyte"), imagesFile(4, 2, 3, PIXELS));

        Dataset dataset = IdxReader.read(images);

        assertThat(dataset.shape()).isEqualTo(SHAPE);
        assertThat(dataset.pixels()).isEqualTo(PIXELS);
        assertThat(dataset.labels()).containsExactly(LABELS);
    }

    @Test
    void recognisesGzipByContentNotByName() {
        // gzip'd content under a plain name, plain content under a .gz name
        write(dir.resolve("a-labels-idx1-ubyte.gz"), labelsFile(LABELS));
        Path images = write(dir.resolve("a-images-idx3-ubyte.gz"), gzip(imagesFile(4, 2, 3, PIXELS)));

        Dataset dataset = IdxReader.read(images);

        assertThat(dataset.pixels()).isEqualTo(PIXELS);
        assertThat(dataset.labels()).containsExactly(LABELS);
    }

    @Test
    void pixelsAreUnsignedBytes() {
        byte[] pixels = {(byte) 0, (byte) 127, (byte) 128, (byte) 255};
        write(dir.resolve("x-labels-idx1-ubyte"), labelsFile(0));
        Path images = write(dir.resolve("x-images-idx3-ubyte"), imagesFile(1, 2, 2, pixels));

        Dataset dataset = IdxReader.read(images);

        assertThat(Byte.toUnsignedInt(dataset.pixels()[3])).isEqualTo(255);
    }

    @Test
    void labelsAreUnsignedBytesUpTo255() {
        Path labels = write(dir.resolve("l"), labelsFile(0, 200, 255));

        assertThat(IdxReader.readLabels(labels)).containsExactly(0, 200, 255);
    }

    @Test
    void withoutClassesTxtTheClassesAreNumberedUpToTheLargestLabel() {
        write(dir.resolve("t-labels-idx1-ubyte"), labelsFile(0, 4, 2));
        Path images = write(dir.resolve("t-images-idx3-ubyte"), imagesFile(3, 2, 3, pixels(3, SHAPE)));

        Dataset dataset = IdxReader.read(images);

        assertThat(dataset.classNames()).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void classesTxtBesideTheImagesNamesTheClasses() {
        write(dir.resolve("classes.txt"), "cat\ndog\nbird\nfish\n".getBytes());
        write(dir.resolve("t-labels-idx1-ubyte"), labelsFile(LABELS));
        Path images = write(dir.resolve("t-images-idx3-ubyte"), imagesFile(4, 2, 3, PIXELS));

        Dataset dataset = IdxReader.read(images);

        // four names although label 3 is never used: the file decides the number of classes
        assertThat(dataset.classNames()).containsExactly("cat", "dog", "bird", "fish");
    }

    @Test
    void anExplicitLabelsFileOverridesTheConvention() {
        write(dir.resolve("t-labels-idx1-ubyte"), labelsFile(0, 0, 0, 0));
        Path labels = write(dir.resolve("other.labels"), labelsFile(LABELS));
        Path images = write(dir.resolve("t-images-idx3-ubyte"), imagesFile(4, 2, 3, PIXELS));

        assertThat(IdxReader.read(images, labels).labels()).containsExactly(LABELS);
    }

    @Test
    void idx4ImagesCarryChannelsInChannelMajorOrder() {
        ImageShape rgb = new ImageShape(3, 2, 2);
        byte[] pixels = pixels(2, rgb);
        write(dir.resolve("c-labels-idx1-ubyte"), labelsFile(0, 1));
        Path images = write(dir.resolve("c-images-idx4-ubyte"),
                concat(header(IdxFixtures.IMAGES_WITH_CHANNELS, 2, 3, 2, 2), pixels));

        Dataset dataset = IdxReader.read(images);

        assertThat(dataset.shape()).isEqualTo(rgb);
        assertThat(dataset.pixels()).isEqualTo(pixels);
    }

    @Test
    void concatenatedGzipMembersReadAsOneStream() {
        byte[] file = imagesFile(4, 2, 3, PIXELS);
        byte[] twoMembers = concat(gzip(java.util.Arrays.copyOf(file, 10)),
                gzip(java.util.Arrays.copyOfRange(file, 10, file.length)));
        Path images = write(dir.resolve("images"), twoMembers);

        assertThat(IdxReader.readImages(images).pixels()).isEqualTo(PIXELS);
    }
}
