package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compress, reconstruct and evaluate through the command line on image folders made from real
 * Fashion-MNIST: grayscale JPEGs in folders named by class, and tinted RGB PNGs with a classes.txt
 * naming the classes exactly. A reconstruction of a folder is a PNG folder with the same classes and
 * channels.
 */
class EndToEndImageFolderTest {
    @BeforeAll
    static void installed() {
        FashionKinds.assumeInstalled();
    }

    @Test
    void grayJpegFolderComesBackAsPngFolderWithItsClasses(@TempDir Path dir) throws Exception {
        int[] labels = {8, 7, 1}; // Bag, Sneaker, Trouser: already in folder-name order
        Path train = FashionKinds.writeFolder(FashionKinds.train(100, labels), dir.resolve("train"), "jpg");
        Path test = FashionKinds.writeFolder(FashionKinds.test(50, labels), dir.resolve("test"), "jpg");

        FashionKinds.RoundTrip run = FashionKinds.roundTrip(dir, train, test);

        assertThat(run.reconstruct().out()).contains(" as png ");
        assertThat(run.reconstructionDir().resolve("Trouser")).isDirectoryContaining("glob:**.png");
        assertThat(run.reconstructionDir().resolve("classes.txt")).exists();
        Dataset recon = run.reconstruction();
        assertThat(recon.classNames()).containsExactly("Bag", "Sneaker", "Trouser");
        assertThat(recon.shape()).isEqualTo(new ImageShape(1, 28, 28));
        assertThat(recon.classCounts()).containsExactly(100, 100, 100);
        assertThat(run.accuracy()).as("chance is 1/3").isGreaterThan(0.75);
    }

    @Test
    void rgbPngFolderKeepsItsColoursAndExactClassNames(@TempDir Path dir) throws Exception {
        int[] labels = {0, 7, 8};
        Dataset source = FashionKinds.tinted(FashionKinds.train(100, labels), FashionKinds.tints(labels.length));
        Path train = FashionKinds.writeFolderWithClassesFile(source, dir.resolve("train"), "png");
        Path test = FashionKinds.writeFolderWithClassesFile(
                FashionKinds.tinted(FashionKinds.test(50, labels), FashionKinds.tints(labels.length)),
                dir.resolve("test"), "png");

        FashionKinds.RoundTrip run = FashionKinds.roundTrip(dir, train, test);

        assertThat(run.reconstruct().out()).contains(" as png ");
        assertThat(run.reconstructionDir().resolve("T-shirt_top")).isDirectoryContaining("glob:**.png");
        Dataset recon = run.reconstruction();
        assertThat(recon.classNames()).containsExactlyElementsOf(FashionKinds.names(labels));
        assertThat(recon.shape()).isEqualTo(new ImageShape(3, 28, 28));
        FashionKinds.assertSameColours(recon, source);
        assertThat(run.accuracy()).as("chance is 1/3").isGreaterThan(0.75);
    }
}
