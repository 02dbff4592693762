package io.lgc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.Dataset;
import io.lgc.data.IdxWriter;
import io.lgc.data.ImageShape;
import io.lgc.eval.SyntheticImages;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    private static final int SIDE = 4;
    private static final int PIXELS = SIDE * SIDE;

    @TempDir
    Path dir;

    private Dataset trainImages;
    private Path train;
    private Path holdout;

    @BeforeEach
    void datasets() throws Exception {
        trainImages = SyntheticImages.bands(20, 3, SIDE, 1);
        train = dir.resolve("train");
        holdout = dir.resolve("holdout");
        IdxWriter.write(trainImages, train, "train");
        IdxWriter.write(SyntheticImages.bands(20, 3, SIDE, 2), holdout, "t10k");
    }

    /** A file that stores every training image as a point-like component and decodes it unchanged. */
    private Path leakyArtifact() {
        NetworkSpec copy = new NetworkSpec(new long[] {PIXELS}, List.of(new Layer.Linear(PIXELS, PIXELS),
                new Layer.Reshape(new long[] {1, SIDE, SIDE})));
        float[] identity = new float[PIXELS * PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            identity[i * PIXELS + i] = 1;
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        weights.put("layers.0.weight", identity);
        weights.put("layers.0.bias", new float[PIXELS]);
        List<GaussianMixture> mixtures = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<double[]> means = new ArrayList<>();
            for (int i = 0; i < trainImages.size(); i++) {
                if (trainImages.labels()[i] == c) {
                    double[] m = new double[PIXELS];
                    for (int j = 0; j < PIXELS; j++) {
                        m[j] = (trainImages.pixels()[i * PIXELS + j] & 0xFF) / 255.0;
                    }
                    means.add(m);
                }
            }
            double[] weightsK = new double[means.size()];
            Arrays.fill(weightsK, 1.0 / means.size());
            double[] variances = new double[means.size() * PIXELS];
            Arrays.fill(variances, 1e-14);
            mixtures.add(GaussianMixture.fromParameters(CovarianceType.DIAG, weightsK, means.toArray(double[][]::new),
                    variances));
        }
        CompressedDataset data = new CompressedDataset(TinyArtifacts.metadata(copy, new ImageShape(1, SIDE, SIDE),
                trainImages.classNames(), CovarianceType.DIAG), mixtures, weights);
        Path file = dir.resolve("leaky.lgc");
        ArtifactFile.write(file, data, Precision.FP32);
        return file;
    }

    @Test
    void flagsAFileThatCopiesItsTrainingImagesAndWritesTheJson() throws Exception {
        Path json = dir.resolve("audit.json");
        CliRun run = CliRun.of("audit", leakyArtifact().toString(), "--train", train.toString(), "--holdout",
                holdout.toString(), "--samples", "300", "--json", json.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("closer to training than to holdout: 1.000").contains("membership inference");
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(o.get("samples").getAsInt()).isEqualTo(300);
        assertThat(o.get("records").getAsInt()).isEqualTo(60);
        assertThat(o.get("exact_copies").getAsInt()).isEqualTo(300);
        assertThat(o.get("share_closer_to_train").getAsDouble()).isEqualTo(1.0);
        assertThat(o.getAsJsonArray("membership_inference").get(0).getAsJsonObject().get("auc").getAsDouble())
                .isGreaterThan(0.9);
        JsonObject closest = o.getAsJsonArray("closest_pairs").get(0).getAsJsonObject();
        assertThat(closest.get("distance").getAsDouble()).isZero();
        int record = closest.get("train_index").getAsInt();
        assertThat(record).isBetween(0, trainImages.size() - 1);
        assertThat(run.out()).contains("in feature space: features of a randomly initialised ConvNet (seed 1");
        JsonObject features = o.getAsJsonObject("feature_space");
        assertThat(features.get("exact_copies").getAsInt()).isEqualTo(300);
        assertThat(features.getAsJsonObject("distance_attack").get("auc").getAsDouble()).isGreaterThan(0.9);
    }

    @Test
    void theReportShowsTheAuditWhenGivenTheTrainingDataAndAHoldout() throws Exception {
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("report", leakyArtifact().toString(), "-o", report.toString(), "--real",
                train.toString(), "--holdout", holdout.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("audit");
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("Privacy audit").contains("Samples closer to a training record than to a holdout"
                + " record: <strong>1.000</strong>").contains("<th>features</th>")
                .contains("audit-closest-pairs.png");
        assertThat(report.resolve("audit-closest-pairs.png")).exists();
        CliRun alone = CliRun.of("report", leakyArtifact().toString(), "-o", dir.resolve("r2").toString(),
                "--holdout", holdout.toString(), "-q");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--holdout needs --real");
    }

    @Test
    void refusesAHoldoutOfAnotherImageSizeNamingIt() throws Exception {
        Path other = dir.resolve("other");
        IdxWriter.write(SyntheticImages.bands(5, 3, 8, 3), other, "t10k");
        CliRun run = CliRun.of("audit", leakyArtifact().toString(), "--train", train.toString(), "--holdout",
                other.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(other.toString()).contains("64 values").contains("16");
    }

    @Test
    void anExistingJsonIsKeptUnlessForced() throws Exception {
        Path json = dir.resolve("audit.json");
        Files.writeString(json, "mine");
        Path file = leakyArtifact();
        CliRun refused = CliRun.of("audit", file.toString(), "--train", train.toString(), "--holdout",
                holdout.toString(), "--samples", "30", "--json", json.toString(), "-q");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(json.toString()).contains("--force");
        assertThat(Files.readString(json)).isEqualTo("mine");
        CliRun forced = CliRun.of("audit", file.toString(), "--train", train.toString(), "--holdout",
                holdout.toString(), "--samples", "30", "--json", json.toString(), "-q", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(json)).contains("\"samples\": 30");
    }

    @Test
    void refusesANonPositiveSampleCount() throws Exception {
        CliRun run = CliRun.of("audit", leakyArtifact().toString(), "--train", train.toString(), "--holdout",
                holdout.toString(), "--samples", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--samples must be positive, got 0");
    }
}
