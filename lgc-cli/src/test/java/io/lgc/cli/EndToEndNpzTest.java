package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compress, reconstruct and evaluate through the command line on a NumPy .npz (x, y, class_names)
 * made from real Fashion-MNIST. A reconstruction of an npz is an npz with the same classes.
 */
class EndToEndNpzTest {
    @BeforeAll
    static void installed() {
        FashionKinds.assumeInstalled();
    }

    @Test
    void npzComesBackAsNpzWithItsClassNames(@TempDir Path dir) throws Exception {
        int[] labels = {0, 1, 7};
        Path train = FashionKinds.writeNpz(FashionKinds.train(100, labels), dir.resolve("fashion-train.npz"));
        Path test = FashionKinds.writeNpz(FashionKinds.test(50, labels), dir.resolve("test").resolve("test.npz"))
                .getParent(); // a directory holding one .npz

        FashionKinds.RoundTrip run = FashionKinds.roundTrip(dir, train, test);

        assertThat(run.reconstruct().out()).contains(" as npz ");
        assertThat(run.reconstructionDir().resolve("train.npz")).isRegularFile();
        Dataset recon = run.reconstruction();
        assertThat(recon.classNames()).containsExactly("T-shirt/top", "Trouser", "Sneaker");
        assertThat(recon.shape()).isEqualTo(new ImageShape(1, 28, 28));
        assertThat(run.accuracy()).as("chance is 1/3").isGreaterThan(0.75);
    }
}
