package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ImageFormat;
import io.lgc.artifact.TableFormat;
import io.lgc.data.Dataset;
import io.lgc.data.FeatureScaling;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.data.TableColumns;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderKind;
import io.lgc.model.FitConfig;
import io.lgc.network.Layer;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import io.lgc.eval.SyntheticImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One pipeline for both kinds: a table is standardised, compressed with the dense autoencoder
 * (feature matching off, though the configuration asks for it), and reconstructed in its own units.
 */
class TableCompressionTest {
    private static Table table;
    private static CompressionResult result;

    /** Three classes of 40 rows; feature j of class c ~ N(2c, 1), in units of 10^j (1, 10, 100, 1000). */
    static Table clusters(int perClass, long seed) {
        Random r = new Random(seed);
        int n = 3 * perClass;
        float[] values = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                values[i * 4 + j] = (float) (Math.pow(10, j) * (2 * labels[i] + r.nextGaussian()));
            }
        }
        return new Table(values, labels, List.of("a", "b", "c"),
                TableColumns.labelLast(List.of("ones", "tens", "hundreds", "thousands"), "class"));
    }

    @BeforeAll
    static void compress() {
        table = clusters(40, 5);
        // the defaults ask for feature matching, which a table does without
        AutoencoderConfig ae = new AutoencoderConfig(3, 16, new FitConfig(40, 32, 1e-2, 3), 0.1,
                AutoencoderConfig.DEFAULT_FEATURE_MATCHING);
        CompressionConfig config = new CompressionConfig(ae, MixtureSettings.fixed(1, CovarianceType.FULL, 1), 3);
        result = Compressor.compress(table, new SourceInfo("clusters", "csv", "00", 1), config, Progress.silent());
    }

    @Test
    void theArtifactStoresTheColumnsAndTheSourcesScaling() {
        TableFormat format = (TableFormat) result.dataset().metadata().samples();
        assertThat(format.columns()).isEqualTo(table.columns());
        assertThat(format.scaling()).isEqualTo(FeatureScaling.fit(table));
        List<Layer> layers = result.dataset().metadata().decoder().layers();
        assertThat(layers.get(layers.size() - 1)).as("standardised outputs are any real: no sigmoid")
                .isEqualTo(new Layer.Linear(64, 4));
        JsonObject config = result.dataset().metadata().provenance().getAsJsonObject("config");
        assertThat(config.get("model").getAsString()).isEqualTo("dense");
        assertThat(config.get("feature_weight").getAsDouble()).isZero();
    }

    @Test
    void reconstructedRowsComeBackInTheSourcesUnits() {
        List<Table> batches = new ArrayList<>();
        Reconstructor.reconstructBatches(result.dataset(), SamplingPlan.uniform(3, 200, 1, 1.0),
                batch -> batches.add((Table) batch), Progress.silent());
        double[][] sum = new double[3][4];
        int[] count = new int[3];
        for (Table t : batches) {
            for (int i = 0; i < t.size(); i++) {
                count[t.labels()[i]]++;
                for (int j = 0; j < 4; j++) {
                    sum[t.labels()[i]][j] += t.values()[i * 4 + j];
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 4; j++) {
                double unit = Math.pow(10, j);
                // the class mean is 2c units; standardised, the classes are about 1.2 std apart
                assertThat(sum[c][j] / count[c] / unit).as("class %d feature %d in its units", c, j)
                        .isBetween(2.0 * c - 0.6, 2.0 * c + 0.6);
            }
        }
    }

    @Test
    void imagesCanBeCompressedDenseToo() {
        Dataset stripes = SyntheticImages.stripes(10, 2);
        AutoencoderConfig ae = new AutoencoderConfig(3, 16, new FitConfig(2, 16, 3e-3, 3), 0.1,
                io.lgc.model.FeatureMatching.OFF, AutoencoderKind.DENSE);
        CompressionResult dense = Compressor.compress(stripes, new SourceInfo("stripes", "idx", "00", 1),
                new CompressionConfig(ae, MixtureSettings.fixed(1, CovarianceType.FULL, 1), 3), Progress.silent());

        assertThat(dense.dataset().metadata().samples()).isInstanceOf(ImageFormat.class);
        List<Layer> layers = dense.dataset().metadata().decoder().layers();
        assertThat(layers).noneMatch(l -> l instanceof Layer.Conv2d);
        assertThat(layers.subList(layers.size() - 2, layers.size()))
                .containsExactly(new Layer.Sigmoid(), new Layer.Reshape(new long[] {1, 8, 8}));
        List<LabelledData> batches = new ArrayList<>();
        Reconstructor.reconstructBatches(dense.dataset(), SamplingPlan.uniform(3, 4, 1, 1.0), batches::add,
                Progress.silent());
        assertThat(batches).allSatisfy(b -> assertThat(b).isInstanceOf(Dataset.class));
    }
}
