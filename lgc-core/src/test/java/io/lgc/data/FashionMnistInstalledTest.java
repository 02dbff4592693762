package io.lgc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real Fashion-MNIST, when the Debian package has installed it; skipped otherwise. */
class FashionMnistInstalledTest {
    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void theInstalledTrainingSetHas60000ImagesOf28x28In10Classes() {
        assumeTrue(Files.isRegularFile(INSTALLED.resolve("train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(INSTALLED.resolve("train-labels-idx1-ubyte.gz")),
                "dataset-fashion-mnist is not installed");

        // an empty environment, so a developer's LGC_DATA cannot substitute another copy
        ResolvedDataset train = new DatasetResolver(Map.<String, String>of()::get, DatasetResolver.SYSTEM_DATASETS)
                .load("fashion-mnist/train", null);

        assertThat(train.dataset().size()).isEqualTo(60_000);
        assertThat(train.dataset().shape()).isEqualTo(new ImageShape(1, 28, 28));
        assertThat(train.dataset().classNames()).hasSize(10).startsWith("T-shirt/top");
        assertThat(train.dataset().classCounts()).containsOnly(6_000); // Fashion-MNIST is balanced
    }
}
