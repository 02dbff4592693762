package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.IdxWriter;
import io.lgc.data.Subsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's story on a 2,000-image Fashion-MNIST subset: compress, inspect, reconstruct twice
 * with one seed, and train a classifier on the reconstruction. Needs the Debian package
 * dataset-fashion-mnist (installed by .ci/run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {
    @TempDir
    static Path dir;

    static Path train;
    static Path test;
    static Path artifact;

    @BeforeAll
    static void subsets() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")),
                "dataset-fashion-mnist is not installed");
        Dataset full = DatasetResolver.resolve("fashion-mnist/train", null);
        Dataset fullTest = DatasetResolver.resolve("fashion-mnist/test", null);
        IdxWriter.write(Subsets.stratifiedFirst(full, 200), dir.resolve("train"), "train");
        IdxWriter.write(Subsets.stratifiedFirst(fullTest, 100), dir.resolve("test"), "t10k");
        train = dir.resolve("train");
        test = dir.resolve("test");
        artifact = dir.resolve("subset.lgc");
    }

    @Test
    @Order(1)
    void compressWritesAnArtifactAndReportsItsSize() {
        CliRun run = CliRun.of("compress", train.toString(), "-o", artifact.toString(), "--epochs", "6",
                "--latent-dim", "8", "--components", "2", "--feature-weight", "0", "--seed", "5", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(artifact).exists();
        assertThat(run.out()).contains("ratio:").contains("mixtures").contains("decoder").contains("time:");
    }

    @Test
    @Order(2)
    void inspectShowsTheMetadata() {
        CliRun run = CliRun.of("inspect", artifact.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Ankle boot").contains("latent dimension: 8").contains("K=2");
    }

    @Test
    @Order(3)
    void reconstructionIsByteIdenticalForOneSeed() throws Exception {
        for (String name : new String[] {"r1", "r2"}) {
            CliRun run = CliRun.of("reconstruct", artifact.toString(), "-o", dir.resolve(name).toString(),
                    "--per-class", "150", "--seed", "3", "-q");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        CliRun other = CliRun.of("reconstruct", artifact.toString(), "-o", dir.resolve("r3").toString(),
                "--per-class", "150", "--seed", "4", "-q");
        assertThat(other.exitCode()).isZero();
        String images = "train-images-idx3-ubyte.gz";
        byte[] first = Files.readAllBytes(dir.resolve("r1").resolve(images));
        assertThat(Files.readAllBytes(dir.resolve("r2").resolve(images))).isEqualTo(first);
        assertThat(Files.readAllBytes(dir.resolve("r2").resolve("train-labels-idx1-ubyte.gz")))
                .isEqualTo(Files.readAllBytes(dir.resolve("r1").resolve("train-labels-idx1-ubyte.gz")));
        assertThat(Files.readAllBytes(dir.resolve("r3").resolve(images))).isNotEqualTo(first);
        Dataset r1 = DatasetResolver.resolve(dir.resolve("r1").toString(), null);
        assertThat(r1.size()).isEqualTo(1500);
        assertThat(r1.classNames()).contains("T-shirt/top", "Ankle boot");
    }

    @Test
    @Order(4)
    void aClassifierTrainedOnTheReconstructionBeatsChanceByFar() throws Exception {
        Path json = dir.resolve("eval.json");
        CliRun run = CliRun.of("evaluate", "--train", dir.resolve("r1").toString(), "--test", test.toString(),
                "--epochs", "4", "--json", json.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        double accuracy = JsonParser.parseString(Files.readString(json)).getAsJsonObject()
                .get("accuracy").getAsDouble();
        assertThat(accuracy).isGreaterThan(0.5);
        assertThat(run.out()).contains("accuracy:");
    }
}
