package io.lgc.data;

import static io.lgc.data.ImageFixtures.constantGray;
import static io.lgc.data.NpzFixtures.bytes;
import static io.lgc.data.NpzFixtures.int64Array;
import static io.lgc.data.NpzFixtures.uint8Array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the resolver recognises formats, honours an explicit one, and refuses options that do not apply. */
class FormatDetectionTest {
    @TempDir
    Path dir;

    private DatasetResolver resolver() {
        return new DatasetResolver(name -> null, dir.resolve("system"));
    }

    private ResolvedDataset load(Path path, ReadOptions options) {
        return resolver().loadWith(path.toString(), options);
    }

    private ResolvedDataset load(Path path) {
        return load(path, ReadOptions.DEFAULTS);
    }

    private Path npzFile(Path file) {
        return NpzFixtures.npz(file, "x", uint8Array("(1, 1, 1)", bytes(7)), "y", int64Array(0));
    }

    private Path imageFolder(Path folder) {
        ImageFixtures.write(folder.resolve("cat/1.png"), constantGray(2, 2, 5));
        return folder;
    }

    @Test
    void filesAreRecognisedByNameThenContent() throws IOException {
        Path npz = npzFile(dir.resolve("a.npz"));
        Path zipNamedOtherwise = Files.copy(npz, dir.resolve("archive.data"));
        Path cifar = IdxFixtures.write(dir.resolve("test_batch.bin"), CifarReaderTest.cifar10(new int[] {1}, 0));
        Path otherBin = IdxFixtures.write(dir.resolve("mine.bin"), CifarReaderTest.cifar10(new int[] {1}, 0));
        Path idxNamedBin = IdxFixtures.write(dir.resolve("images.bin"), IdxFixtures.imagesFile(1, 1, 1, bytes(3)));
        IdxFixtures.write(dir.resolve("images.labels"), IdxFixtures.labelsFile(0));

        assertThat(load(npz).format()).isEqualTo(InputFormat.NPZ);
        assertThat(load(zipNamedOtherwise).format()).isEqualTo(InputFormat.NPZ);
        assertThat(load(cifar).format()).isEqualTo(InputFormat.CIFAR);
        assertThat(load(otherBin).format()).isEqualTo(InputFormat.CIFAR);
        // IDX magic wins over the .bin ending; the labels file is named explicitly
        ResolvedDataset idx = load(idxNamedBin, ReadOptions.builder().labels(dir.resolve("images.labels")).build());
        assertThat(idx.format()).isEqualTo(InputFormat.IDX);
        assertThat(idx.dataset().pixels()).containsExactly(3);
    }

    @Test
    void directoriesAreRecognisedByWhatTheyHold() {
        Path npzDir = dir.resolve("npz");
        npzFile(npzDir.resolve("train.npz"));
        Path cifarDir = dir.resolve("cifar");
        IdxFixtures.write(cifarDir.resolve("data_batch_1.bin"), CifarReaderTest.cifar10(new int[] {1}, 0));
        Path folder = imageFolder(dir.resolve("folder"));

        assertThat(load(npzDir).format()).isEqualTo(InputFormat.NPZ);
        assertThat(load(cifarDir).format()).isEqualTo(InputFormat.CIFAR);
        ResolvedDataset images = load(folder);
        assertThat(images.format()).isEqualTo(InputFormat.FOLDER);
        assertThat(images.dataset().classNames()).containsExactly("cat");
        assertThat(images.displayName()).isEqualTo(folder.toString());
    }

    @Test
    void aDirectoryHoldingSeveralKindsAsksForAFormat() {
        Path both = imageFolder(dir.resolve("both"));
        npzFile(both.resolve("train.npz"));

        assertThatThrownBy(() -> load(both)).isInstanceOf(InputException.class)
                .hasMessage(both + ": holds several kinds of dataset (class sub-folders with images, .npz archives);"
                        + " choose one with the format option (idx, folder, cifar, npz, csv)");
        assertThat(load(both, ReadOptions.builder().format(InputFormat.NPZ).build()).dataset().pixels())
                .containsExactly(7);
        assertThat(load(both, ReadOptions.builder().format(InputFormat.FOLDER).build()).dataset().shape())
                .isEqualTo(new ImageShape(1, 2, 2));
    }

    @Test
    void anExplicitFormatIsReadAsSuchEvenAgainstTheName() {
        Path npzNamedBin = npzFile(dir.resolve("data.bin"));

        assertThat(load(npzNamedBin, ReadOptions.builder().format(InputFormat.NPZ).build()).format())
                .isEqualTo(InputFormat.NPZ);
        assertThatThrownBy(() -> load(npzFile(dir.resolve("x.npz")), ReadOptions.builder().format(InputFormat.FOLDER)
                .build())).hasMessageStartingWith(dir.resolve("x.npz") + ": not a directory");
    }

    @Test
    void optionsThatTheFormatDoesNotTakeAreRefused() {
        Path npz = npzFile(dir.resolve("a.npz"));
        Path folder = imageFolder(dir.resolve("folder"));

        assertThatThrownBy(() -> load(npz, ReadOptions.builder().size(new ImageSize(8, 8)).skipBad(true).build()))
                .isInstanceOf(InputException.class)
                .hasMessage(npz + ": read as npz, to which an image size (image folders only), skipping bad images"
                        + " (image folders only) do not apply");
        assertThatThrownBy(() -> load(folder, ReadOptions.builder().labels(npz).xKey("images").build()))
                .hasMessage(folder + ": read as folder, to which a labels file (IDX only), npz array keys (npz only)"
                        + " do not apply");
        assertThatThrownBy(() -> load(folder, ReadOptions.builder().yKey("labels").build()))
                .hasMessage(folder + ": read as folder, to which npz array keys (npz only) does not apply");
    }

    @Test
    void knownNamesAreIdxAndRefuseOtherFormats() {
        assertThatThrownBy(() -> resolver().loadWith("fashion-mnist/train",
                ReadOptions.builder().format(InputFormat.NPZ).build()))
                .hasMessage("fashion-mnist/train: a known dataset stored as idx; it cannot be read as npz");
    }

    @Test
    void skippedImagesAndWarningsReachTheResolvedDataset() throws IOException {
        Path folder = imageFolder(dir.resolve("folder"));
        Files.write(folder.resolve("cat/2.png"), "junk".getBytes());

        ResolvedDataset resolved = load(folder, ReadOptions.builder().skipBad(true).build());

        assertThat(resolved.skippedImages()).isEqualTo(1);
        assertThat(resolved.warnings()).first().isEqualTo("skipped 1 of 2 images in " + folder + " that could not be read");
        assertThat(resolved.files()).containsExactly(folder.resolve("cat/1.png"));
    }

    @Test
    void provenanceCoversEveryImageRead() throws Exception {
        Path folder = imageFolder(dir.resolve("folder"));
        Path second = ImageFixtures.write(folder.resolve("dog/1.png"), constantGray(2, 2, 6));

        ResolvedDataset resolved = load(folder);

        byte[] all = IdxFixtures.concat(Files.readAllBytes(folder.resolve("cat/1.png")), Files.readAllBytes(second));
        assertThat(resolved.sourceBytes()).isEqualTo(all.length);
        assertThat(resolved.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all)));
    }

    @Test
    void sourceFilesOfEveryFormat() {
        Path npz = npzFile(dir.resolve("n/a.npz"));
        Path batch = IdxFixtures.write(dir.resolve("c/test_batch.bin"), new byte[] {1});
        Path folder = imageFolder(dir.resolve("f"));

        assertThat(resolver().sourceFilesWith(dir.resolve("n").toString(), ReadOptions.DEFAULTS)).containsExactly(npz);
        assertThat(resolver().sourceFilesWith(dir.resolve("c").toString(), ReadOptions.DEFAULTS)).containsExactly(batch);
        assertThat(resolver().sourceFiles(folder.toString(), null)).containsExactly(folder.resolve("cat/1.png"));
    }

    @Test
    void theOldEntryPointsReadTheNewFormatsToo() {
        Path npz = npzFile(dir.resolve("a.npz"));

        assertThat(resolver().load(npz.toString(), null).dataset().pixels()).containsExactly(7);
        assertThat(resolver().load(npz.toString(), null).files()).isEqualTo(List.of(npz));
    }
}
