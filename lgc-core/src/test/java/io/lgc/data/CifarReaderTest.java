package io.lgc.data;

import static io.lgc.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10 and CIFAR-100 binary batches, built byte by byte. */
class CifarReaderTest {
    @TempDir
    Path dir;

    private static final int PIXELS = 3072;

    /** Records whose pixels are all the record's {@code fill} byte, plus a marker at pixel 1024 (green). */
    static byte[] cifar10(int[] labels, int fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < labels.length; i++) {
            out.write(labels[i]);
            out.writeBytes(pixels(fill + i));
        }
        return out.toByteArray();
    }

    static byte[] cifar100(int[] coarse, int[] fine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fine.length; i++) {
            out.write(coarse[i]);
            out.write(fine[i]);
            out.writeBytes(pixels(i));
        }
        return out.toByteArray();
    }

    private static byte[] pixels(int fill) {
        byte[] p = new byte[PIXELS];
        java.util.Arrays.fill(p, (byte) fill);
        p[1024] = (byte) 200; // first green value
        return p;
    }

    private static Dataset read(Path path) {
        return CifarReader.read(path).dataset();
    }

    @Test
    void aCifar10BatchIsReadAsRgb32x32InChannelPlanes() {
        Path batch = write(dir.resolve("test_batch.bin"), cifar10(new int[] {3, 9}, 10));

        Dataset data = read(batch);

        assertThat(data.shape()).isEqualTo(new ImageShape(3, 32, 32));
        assertThat(data.labels()).containsExactly(3, 9);
        assertThat(data.classNames()).isEqualTo(ClassNames.numbered(10));
        assertThat(data.pixels()[0]).isEqualTo((byte) 10);
        assertThat(data.pixels()[1024]).isEqualTo((byte) 200);
        assertThat(data.pixels()[PIXELS]).isEqualTo((byte) 11);
    }

    @Test
    void aDirectoryReadsTheTrainingBatchesInNumericOrderWithTheMetaNames() {
        write(dir.resolve("data_batch_10.bin"), cifar10(new int[] {2}, 100));
        write(dir.resolve("data_batch_2.bin"), cifar10(new int[] {1}, 20));
        write(dir.resolve("data_batch_1.bin"), cifar10(new int[] {0}, 10));
        write(dir.resolve("test_batch.bin"), cifar10(new int[] {5}, 50));
        Path meta = write(dir.resolve("batches.meta.txt"), ("airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\n"
                + "ship\ntruck\n\n\n").getBytes());

        ReadResult result = CifarReader.read(dir);

        assertThat(result.dataset().labels()).containsExactly(0, 1, 2);
        assertThat(result.dataset().pixels()[2 * PIXELS]).isEqualTo((byte) 100);
        assertThat(result.dataset().classNames()).startsWith("airplane", "automobile").endsWith("truck");
        assertThat(result.files()).containsExactly(dir.resolve("data_batch_1.bin"), dir.resolve("data_batch_2.bin"),
                dir.resolve("data_batch_10.bin"), meta);
    }

    @Test
    void aDirectoryWithOnlyTheTestBatchReadsIt() {
        write(dir.resolve("test_batch.bin"), cifar10(new int[] {7}, 0));

        assertThat(read(dir).labels()).containsExactly(7);
    }

    @Test
    void cifar100UsesTheFineLabelsAndTheirNames() {
        write(dir.resolve("train.bin"), cifar100(new int[] {4, 19}, new int[] {0, 99}));
        write(dir.resolve("test.bin"), cifar100(new int[] {0}, new int[] {5}));
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            names.append("fine").append(i).append('\n');
        }
        write(dir.resolve("fine_label_names.txt"), names.toString().getBytes());

        Dataset train = read(dir);

        assertThat(train.labels()).containsExactly(0, 99);
        assertThat(train.classNames()).hasSize(100).endsWith("fine99");
        assertThat(train.pixels()[PIXELS]).isEqualTo((byte) 1);
        assertThat(read(dir.resolve("test.bin")).labels()).containsExactly(5);
    }

    @Test
    void anUnusualNameIsToldApartByTheNamesFileBesideIt() {
        // the size fits CIFAR-10 only; the names file says CIFAR-100, and wins
        Path batch = write(dir.resolve("mine.bin"), cifar10(new int[] {1}, 0));
        write(dir.resolve("fine_label_names.txt"), "x\n".getBytes());

        assertThatThrownBy(() -> read(batch)).hasMessageContaining("3073 bytes is not a whole number of 3074-byte"
                + " CIFAR-100 records");
    }

    @Test
    void anUnusualNameIsToldApartByTheSize() {
        Path batch = write(dir.resolve("mine.bin"), cifar100(new int[] {1, 2}, new int[] {42, 43}));

        assertThat(read(batch).labels()).containsExactly(42, 43);
    }

    @Test
    void aSizeThatIsNoWholeNumberOfRecordsIsRefused() {
        byte[] records = cifar10(new int[] {1, 2}, 0);
        Path batch = write(dir.resolve("data_batch_1.bin"), java.util.Arrays.copyOf(records, records.length - 5));

        assertThatThrownBy(() -> read(batch)).isInstanceOf(InputException.class)
                .hasMessage(batch + ": 6141 bytes is not a whole number of 3073-byte CIFAR-10 records (1 records and"
                        + " 3068 bytes over); the file is truncated or not a CIFAR-10 batch");
    }

    @Test
    void labelsOutOfRangeAreRefusedNamingTheRecord() {
        Path batch = write(dir.resolve("data_batch_1.bin"), cifar10(new int[] {1, 10}, 0));

        assertThatThrownBy(() -> read(batch))
                .hasMessage(batch + ": record 1 (byte 3073): label 10, CIFAR-10 has 10 classes (0..9)");
    }

    @Test
    void coarseLabelsOutOfRangeBetrayAFileThatIsNoCifar100() {
        Path batch = write(dir.resolve("train.bin"), cifar100(new int[] {20}, new int[] {1}));

        assertThatThrownBy(() -> read(batch))
                .hasMessage(batch + ": record 0 (byte 0): coarse label 20, CIFAR-100 has 20 superclasses (0..19)");
    }

    @Test
    void aNamesFileMustNameEveryClass() {
        Path batch = write(dir.resolve("test_batch.bin"), cifar10(new int[] {1}, 0));
        Path meta = write(dir.resolve("batches.meta.txt"), "a\nb\n".getBytes());

        assertThatThrownBy(() -> read(batch)).hasMessage(meta + ": 2 class names, but CIFAR-10 has 10");
    }

    @Test
    void aDirectoryMixingBothVariantsIsAmbiguous() {
        write(dir.resolve("test_batch.bin"), cifar10(new int[] {1}, 0));
        write(dir.resolve("test.bin"), cifar100(new int[] {1}, new int[] {1}));

        assertThatThrownBy(() -> read(dir)).hasMessage(dir + ": holds both CIFAR-10 batches (data_batch_N.bin,"
                + " test_batch.bin) and CIFAR-100 ones (train.bin, test.bin); name the batch file to read");
    }

    @Test
    void emptyAndUndecidableFilesAreRefused() {
        Path empty = write(dir.resolve("data_batch_1.bin"), new byte[0]);
        assertThatThrownBy(() -> read(empty))
                .hasMessage(empty + ": empty file, expected CIFAR-10 records of 3073 bytes");

        Path odd = write(dir.resolve("odd.bin"), new byte[100]);
        assertThatThrownBy(() -> read(odd)).hasMessageStartingWith(odd + ": cannot tell CIFAR-10 from CIFAR-100");
    }

    @Test
    void sourceFilesAreListedWithoutReading() {
        Path batch = write(dir.resolve("data_batch_1.bin"), new byte[] {1});

        assertThat(CifarReader.sourceFiles(dir)).isEqualTo(List.of(batch));
    }
}
