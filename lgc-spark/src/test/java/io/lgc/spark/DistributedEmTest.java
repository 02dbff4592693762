package io.lgc.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.FitResult;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import io.lgc.gmm.StatisticsEm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Distributed EM gives io.lgc.gmm's fit of the same data from the same start, however it is partitioned. */
class DistributedEmTest {
    private static final double TOLERANCE = 1e-6;
    private static SparkSession spark;
    private static JavaSparkContext context;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /**
     * The four covariance types are fitted at once, as four classes over copies of the same rows: one
     * pass per iteration serves them all, as it serves the classes of a compression.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17})
    void equalsTheInMemoryFitForEveryCovarianceType(int partitions) {
        double[][] x = blobs(600, 3, 3, 5);
        double[][] sample = Arrays.copyOf(x, 150);
        CovarianceType[] types = CovarianceType.values();
        List<StatisticsEm> runs = new ArrayList<>();
        List<FitResult> expected = new ArrayList<>();
        List<LatentRow> rows = new ArrayList<>();
        for (int t = 0; t < types.length; t++) {
            GmmConfig config = GmmConfig.builder().components(3).covarianceType(types[t]).seed(2).build();
            GaussianMixture start = GaussianMixture.fit(sample, config.toBuilder().maxIter(0).build()).model();
            expected.add(GaussianMixture.fit(x, config, start));
            runs.add(StatisticsEm.from(start, config, sample));
            for (double[] row : x) {
                rows.add(new LatentRow(t, row));
            }
        }
        Collections.shuffle(rows, new Random(partitions));

        List<FitResult> actual = DistributedEm.fitClasses(context.parallelize(rows, partitions), runs);

        for (int t = 0; t < types.length; t++) {
            FitResult want = expected.get(t);
            FitResult got = actual.get(t);
            assertThat(got.iterations()).as(types[t].label()).isEqualTo(want.iterations()).isGreaterThan(1);
            assertThat(got.lowerBound()).as(types[t].label()).isCloseTo(want.lowerBound(), within(TOLERANCE));
            assertClose(got.model().weights(), want.model().weights());
            assertClose(flatten(got.model().means()), flatten(want.model().means()));
            assertClose(got.model().covariancesFlat(), want.model().covariancesFlat());
        }
    }

    @Test
    void fitsOneMixtureFromAnRddOfRows() {
        double[][] x = blobs(300, 2, 2, 9);
        GmmConfig config = GmmConfig.builder().components(2).covarianceType(CovarianceType.DIAG).build();
        GaussianMixture start = GaussianMixture.fit(x, config.toBuilder().maxIter(0).build()).model();
        FitResult expected = GaussianMixture.fit(x, config, start);
        JavaRDD<double[]> rows = context.parallelize(Arrays.asList(x), 2);
        FitResult actual = DistributedEm.fit(rows, start, config, x);
        assertThat(actual.lowerBound()).isCloseTo(expected.lowerBound(), within(TOLERANCE));
        assertClose(flatten(actual.model().means()), flatten(expected.model().means()));
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static double[] flatten(double[][] a) {
        return Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray();
    }

    /** n points around k centres 4·N(0, 1) in d dimensions, unit variance, rows in random class order. */
    static double[][] blobs(int n, int d, int k, long seed) {
        Random random = new Random(seed);
        double[][] centers = new double[k][d];
        for (double[] center : centers) {
            for (int i = 0; i < d; i++) {
                center[i] = 4 * random.nextGaussian();
            }
        }
        double[][] x = new double[n][d];
        for (double[] row : x) {
            double[] center = centers[random.nextInt(k)];
            for (int i = 0; i < d; i++) {
                row[i] = center[i] + random.nextGaussian();
            }
        }
        return x;
    }
}
