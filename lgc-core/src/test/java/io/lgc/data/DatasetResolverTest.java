package io.lgc.data;

import static io.lgc.data.IdxFixtures.writeRawPair;
import static io.lgc.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Turning a command-line dataset argument into a dataset and its source files. */
class DatasetResolverTest {
    @TempDir
    Path dir;

    /** A resolver that sees only the given environment and an empty system directory. */
    private DatasetResolver resolver(Map<String, String> environment) {
        return new DatasetResolver(environment::get, dir.resolve("system"));
    }

    private void installFashionFiles(Path where) throws IOException {
        // Fashion-MNIST's names, with tiny content; gzip'd as the real ones are
        Files.createDirectories(where);
        IdxWriter.write(IdxFixtures.dataset(20, new ImageShape(1, 3, 3), 10), where, "train");
        IdxWriter.write(IdxFixtures.dataset(10, new ImageShape(1, 3, 3), 10), where, "t10k");
        Files.delete(where.resolve("classes.txt"));
    }

    @Test
    void namedDatasetsAreFoundInAFashionMnistFolderUnderLgcData() throws IOException {
        installFashionFiles(dir.resolve("data/fashion-mnist"));

        ResolvedDataset train = resolver(Map.of("LGC_DATA", dir.resolve("data").toString()))
                .load("fashion-mnist/train", null);

        assertThat(train.dataset().size()).isEqualTo(20);
        assertThat(train.dataset().classNames()).isEqualTo(ClassNames.FASHION_MNIST);
        assertThat(train.displayName()).isEqualTo("fashion-mnist/train");
        assertThat(train.files()).containsExactly(
                dir.resolve("data/fashion-mnist/train-images-idx3-ubyte.gz"),
                dir.resolve("data/fashion-mnist/train-labels-idx1-ubyte.gz"));
    }

    @Test
    void namedDatasetsAreFoundDirectlyInLgcDataToo() throws IOException {
        installFashionFiles(dir.resolve("data"));

        Dataset test = resolver(Map.of("LGC_DATA", dir.resolve("data").toString()))
                .load("fashion-mnist/test", null).dataset();

        assertThat(test.size()).isEqualTo(10);
    }

    @Test
    void theSystemDirectoryIsSearchedAfterLgcData() throws IOException {
        installFashionFiles(dir.resolve("system/fashion-mnist"));

        assertThat(resolver(Map.of()).load("fashion-mnist/test", null).dataset().size()).isEqualTo(10);
        assertThat(resolver(Map.of("LGC_DATA", dir.resolve("empty").toString()))
                .load("fashion-mnist/test", null).files().get(0))
                .isEqualTo(dir.resolve("system/fashion-mnist/t10k-images-idx3-ubyte.gz"));
    }

    @Test
    void namedDatasetsKeepTheirClassNamesWhateverClassesTxtSays() throws IOException {
        installFashionFiles(dir.resolve("system/fashion-mnist"));
        write(dir.resolve("system/fashion-mnist/classes.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n".getBytes());

        ResolvedDataset test = resolver(Map.of()).load("fashion-mnist/test", null);

        assertThat(test.dataset().classNames()).isEqualTo(ClassNames.FASHION_MNIST);
        assertThat(test.files()).hasSize(2);
    }

    @Test
    void aMissingNamedDatasetSaysHowToGetIt() {
        assertThatThrownBy(() -> resolver(Map.of()).load("fashion-mnist/train", null))
                .isInstanceOf(InputException.class)
                .hasMessage("fashion-mnist/train not found under $LGC_DATA or " + dir.resolve("system/fashion-mnist")
                        + "; install it with `sudo apt-get install dataset-fashion-mnist` or set LGC_DATA"
                        + " (to a directory holding train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz)");
    }

    @Test
    void theMissingDatasetMessageShowsWhereLgcDataPoints() {
        String data = dir.resolve("nowhere").toString();

        assertThatThrownBy(() -> resolver(Map.of("LGC_DATA", data)).load("fashion-mnist/test", null))
                .hasMessageStartingWith("fashion-mnist/test not found under $LGC_DATA (" + data + ") or ");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> resolver(Map.of()).load("fashion-mnist/validation", null))
                .hasMessage("fashion-mnist/validation: unknown dataset; known: fashion-mnist/train, fashion-mnist/test");
    }

    @Test
    void aMissingPathIsReportedAsSuch() {
        String missing = dir.resolve("no-such-images").toString();

        assertThatThrownBy(() -> resolver(Map.of()).load(missing, null))
                .hasMessage(missing + ": no such file or directory, nor a known dataset"
                        + " (fashion-mnist/train, fashion-mnist/test)");
    }

    @Test
    void anImagesPathIsReadWithItsLabelsAndClassesTxt() {
        Path images = writeRawPair(dir, "mine", 6, 3);
        Path classes = write(dir.resolve("classes.txt"), "x\ny\nz\n".getBytes());

        ResolvedDataset mine = resolver(Map.of()).load(images.toString(), null);

        assertThat(mine.dataset().size()).isEqualTo(6);
        assertThat(mine.dataset().classNames()).containsExactly("x", "y", "z");
        assertThat(mine.files()).containsExactly(images, dir.resolve("mine-labels-idx1-ubyte"), classes);
        assertThat(mine.displayName()).isEqualTo(images.toString());
    }

    @Test
    void aLabelsOverrideIsHonoured() {
        Path images = writeRawPair(dir, "mine", 3, 2);
        Path labels = write(dir.resolve("elsewhere/labels"), IdxFixtures.labelsFile(4, 4, 4));

        ResolvedDataset mine = resolver(Map.of()).load(images.toString(), labels);

        assertThat(mine.dataset().labels()).containsExactly(4, 4, 4);
        assertThat(mine.files()).contains(labels);
    }

    @Test
    void aDirectoryWithOneImagesFileResolvesToIt() throws IOException {
        Path out = dir.resolve("reconstructed");
        IdxWriter.write(IdxFixtures.dataset(5, new ImageShape(1, 2, 2), 2), out, "train");

        ResolvedDataset resolved = resolver(Map.of()).load(out.toString(), null);

        assertThat(resolved.dataset().size()).isEqualTo(5);
        assertThat(resolved.files().get(0)).isEqualTo(out.resolve("train-images-idx3-ubyte.gz"));
    }

    @Test
    void aDirectoryWithoutAnyDatasetSaysWhatItLookedFor() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> resolver(Map.of()).load(empty.toString(), null))
                .isInstanceOf(InputException.class)
                .hasMessage(empty + ": holds no dataset: no IDX images file (*-images-idx3-ubyte*), no CIFAR batch"
                        + " (data_batch_N.bin, test_batch.bin, train.bin, test.bin), no .npz archive, no train.csv"
                        + " and no class sub-folders with images");
    }

    @Test
    void aDirectoryReadAsIdxWithoutImagesFile() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ReadOptions idx = ReadOptions.builder().format(InputFormat.IDX).build();

        assertThatThrownBy(() -> resolver(Map.of()).loadWith(empty.toString(), idx))
                .hasMessage(empty + ": directory holds no *-images-idx3-ubyte* file");
    }

    @Test
    void aDirectoryWithSeveralImagesFilesIsAmbiguous() {
        writeRawPair(dir.resolve("both"), "train", 2, 2);
        writeRawPair(dir.resolve("both"), "t10k", 2, 2);

        assertThatThrownBy(() -> resolver(Map.of()).load(dir.resolve("both").toString(), null))
                .hasMessage(dir.resolve("both") + ": directory holds 2 images files"
                        + " (t10k-images-idx3-ubyte, train-images-idx3-ubyte); name one of them");
    }

    @Test
    void sourceFilesAreListedWithoutReadingThem() {
        Path images = write(dir.resolve("x-images-idx3-ubyte"), new byte[] {1}); // not even valid
        Path labels = write(dir.resolve("x-labels-idx1-ubyte"), new byte[] {2});

        assertThat(resolver(Map.of()).sourceFiles(images.toString(), null)).containsExactly(images, labels);
    }

    @Test
    void provenanceIsTheSizeAndSha256OfTheSourceFilesInOrder() throws Exception {
        Path images = writeRawPair(dir, "p", 4, 2);
        Path labels = dir.resolve("p-labels-idx1-ubyte");

        ResolvedDataset resolved = resolver(Map.of()).load(images.toString(), null);

        byte[] all = IdxFixtures.concat(Files.readAllBytes(images), Files.readAllBytes(labels));
        assertThat(resolved.sourceBytes()).isEqualTo(all.length);
        assertThat(resolved.sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all)));
    }

    @Test
    void knownNames() {
        assertThat(DatasetResolver.knownNames()).isEqualTo(List.of("fashion-mnist/train", "fashion-mnist/test"));
    }
}
