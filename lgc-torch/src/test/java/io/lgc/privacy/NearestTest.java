package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lgc.Progress;
import io.lgc.data.TableColumns;
import io.lgc.data.Table;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestTest {
    static Rows randomRows(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return rows(v, n, d);
    }

    static Rows rows(float[] values, int n, int d) {
        List<String> names = new java.util.ArrayList<>();
        for (int j = 0; j <= d; j++) {
            names.add("c" + j);
        }
        return new Rows(new Table(values, new int[n], List.of("only"), new TableColumns(names, d)));
    }

    @Test
    void matchesBruteForceAcrossBlockBoundaries() {
        // more queries and references than one block holds, so results merge across blocks
        Rows queries = randomRows(Nearest.QUERY_BLOCK + 37, 3, 1);
        Rows reference = randomRows(Nearest.REFERENCE_BLOCK + 101, 3, 2);
        Nearest nearest = Nearest.of(queries, reference, "test", Progress.silent());
        float[] q = queries.slice(0, queries.count());
        float[] r = reference.slice(0, reference.count());
        for (int i = 0; i < queries.count(); i += 7) {
            double best = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int at = -1;
            for (int j = 0; j < reference.count(); j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    double diff = (double) q[i * 3 + k] - r[j * 3 + k];
                    s += diff * diff;
                }
                double dist = Math.sqrt(s);
                if (dist < best) {
                    second = best;
                    best = dist;
                    at = j;
                } else if (dist < second) {
                    second = dist;
                }
            }
            assertThat(nearest.index()[i]).isEqualTo(at);
            assertThat(nearest.first()[i]).isCloseTo(best, within(1e-9));
            assertThat(nearest.second()[i]).isCloseTo(second, within(1e-3));
        }
    }

    @Test
    void aCopyIsAtDistanceExactlyZero() {
        Rows reference = randomRows(50, 784, 3);
        float[] copy = reference.slice(17, 1);
        for (int j = 0; j < copy.length; j++) {
            copy[j] *= 100; // large values, where the expanded form's rounding shows most
        }
        float[] refValues = reference.slice(0, 50);
        System.arraycopy(copy, 0, refValues, 17 * 784, 784);
        Nearest nearest = Nearest.of(rows(copy, 1, 784), rows(refValues, 50, 784), "test", Progress.silent());
        assertThat(nearest.first()[0]).isZero();
        assertThat(nearest.index()[0]).isEqualTo(17);
    }
}
