package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compress, reconstruct and evaluate through the command line on CIFAR-10 binary batches made from
 * real Fashion-MNIST (padded to 32×32, each class tinted its own colour). There is no CIFAR writer:
 * a reconstruction of CIFAR batches is an npz, with the class names of batches.meta.txt.
 */
class EndToEndCifarTest {
    @BeforeAll
    static void installed() {
        FashionKinds.assumeInstalled();
    }

    @Test
    void cifarBatchesComeBackAsNpzWithTheirColoursAndClassNames(@TempDir Path dir) throws Exception {
        int[] labels = IntStream.range(0, 10).toArray(); // CIFAR-10 names ten classes; each needs samples
        Dataset source = cifarLike(FashionKinds.train(30, labels));
        Path train = FashionKinds.writeCifar(source, dir.resolve("train").resolve("data_batch_1.bin")).getParent();
        Path test = FashionKinds.writeCifar(cifarLike(FashionKinds.test(20, labels)),
                dir.resolve("test").resolve("test_batch.bin"));

        FashionKinds.RoundTrip run = FashionKinds.roundTrip(dir, train, test);

        assertThat(run.reconstruct().out()).contains(" as npz ");
        assertThat(run.reconstructionDir().resolve("train.npz")).isRegularFile();
        Dataset recon = run.reconstruction();
        assertThat(recon.classNames()).containsExactlyElementsOf(FashionKinds.names(labels));
        assertThat(recon.shape()).isEqualTo(new ImageShape(3, 32, 32));
        FashionKinds.assertSameColours(recon, source);
        assertThat(run.accuracy()).as("chance is 0.10").isGreaterThan(0.35);
    }

    private static Dataset cifarLike(Dataset gray) {
        return FashionKinds.padded(FashionKinds.tinted(gray, FashionKinds.tints(10)), 32);
    }
}
