package io.lgc.spark;

import io.lgc.gmm.FitResult;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import io.lgc.gmm.StatisticsEm;
import io.lgc.gmm.SufficientStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Expectation-maximisation over latents spread over a cluster, with the semantics of
 * {@link GaussianMixture#fit(double[][], GmmConfig, GaussianMixture)}: each iteration one pass over
 * the data computes, per partition, the E-step's {@link SufficientStatistics} of every class still
 * iterating, reduces them with {@code treeAggregate}, and hands them to that class's
 * {@link StatisticsEm} on the driver (M-step, repairs, convergence test). The data stays where it
 * is; only k·d² numbers per class travel.
 */
public final class DistributedEm {
    /** Rows of one class an executor gathers before it runs an E-step block on them. */
    static final int ROWS_PER_BLOCK = 1024;
    /** Depth of the aggregation tree: partials are merged on executors before the driver. */
    static final int TREE_DEPTH = 2;

    private DistributedEm() {
    }

    /** Fits one mixture from {@code start}; {@code sample} serves re-seeding and the repairs' scale. */
    public static FitResult fit(JavaRDD<double[]> rows, GaussianMixture start, GmmConfig config, double[][] sample) {
        StatisticsEm run = StatisticsEm.from(start, config, sample);
        return fitClasses(rows.map(x -> new LatentRow(0, x)), List.of(run)).get(0);
    }

    /**
     * Iterates every class's run at once until all are done: class c's run sees the rows labelled c.
     * Persist {@code rows} first: each iteration reads them again.
     */
    public static List<FitResult> fitClasses(JavaRDD<LatentRow> rows, List<StatisticsEm> runs) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(rows.context());
        while (runs.stream().anyMatch(run -> !run.done())) {
            GaussianMixture[] models = new GaussianMixture[runs.size()];
            for (int c = 0; c < models.length; c++) {
                models[c] = runs.get(c).done() ? null : runs.get(c).current();
            }
            Broadcast<GaussianMixture[]> shared = context.broadcast(models);
            try {
                SufficientStatistics[] total = rows
                        .mapPartitions(part -> Collections.singletonList(partitionStatistics(part, shared.value()))
                                .iterator())
                        .treeAggregate(empty(models), DistributedEm::merge, DistributedEm::merge, TREE_DEPTH);
                for (int c = 0; c < models.length; c++) {
                    if (models[c] != null) {
                        runs.get(c).accept(total[c]);
                    }
                }
            } finally {
                shared.destroy();
            }
        }
        List<FitResult> results = new ArrayList<>();
        runs.forEach(run -> results.add(run.result()));
        return results;
    }

    /** Statistics of one partition's rows per class (null for classes no longer iterating). */
    static SufficientStatistics[] partitionStatistics(Iterator<LatentRow> rows, GaussianMixture[] models) {
        SufficientStatistics[] stats = empty(models);
        List<List<double[]>> pending = new ArrayList<>();
        for (int c = 0; c < models.length; c++) {
            pending.add(new ArrayList<>());
        }
        while (rows.hasNext()) {
            LatentRow row = rows.next();
            int c = row.label();
            if (models[c] == null) {
                continue;
            }
            List<double[]> block = pending.get(c);
            block.add(row.latent());
            if (block.size() == ROWS_PER_BLOCK) {
                stats[c].add(models[c], block.toArray(double[][]::new));
                block.clear();
            }
        }
        for (int c = 0; c < models.length; c++) {
            if (!pending.get(c).isEmpty()) {
                stats[c].add(models[c], pending.get(c).toArray(double[][]::new));
            }
        }
        return stats;
    }

    private static SufficientStatistics[] empty(GaussianMixture[] models) {
        SufficientStatistics[] stats = new SufficientStatistics[models.length];
        for (int c = 0; c < models.length; c++) {
            stats[c] = models[c] == null ? null : SufficientStatistics.empty(models[c]);
        }
        return stats;
    }

    private static SufficientStatistics[] merge(SufficientStatistics[] into, SufficientStatistics[] other) {
        for (int c = 0; c < into.length; c++) {
            if (into[c] != null) {
                into[c].merge(other[c]);
            }
        }
        return into;
    }
}
