package io.lgc.gmm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * First responsibilities of an EM run, written into a workspace; the caller turns them into
 * parameters with an M-step (as scikit-learn's _initialize does).
 */
final class Initialization {
    private Initialization() {
    }

    static void responsibilities(InitMethod method, Workspace ws, SplittableRandom rng) {
        for (Workspace.Scratch w : ws.scratch) {
            for (double[] r : w.resp) {
                Arrays.fill(r, 0.0);
            }
        }
        ChunkedData data = ws.data;
        switch (method) {
            case KMEANS -> {
                int[] labels = KMeans.labels(data, ws.k, rng);
                for (int s = 0; s < data.n; s++) {
                    set(ws, s, labels[s], 1.0);
                }
            }
            case KMEANS_PLUS_PLUS -> oneSamplePerComponent(ws, KMeans.plusPlus(data, ws.k, rng));
            case RANDOM_FROM_DATA -> oneSamplePerComponent(ws, distinctRandomSamples(data, ws.k, rng));
            case RANDOM -> {
                double[] row = new double[ws.k];
                for (int s = 0; s < data.n; s++) {
                    double sum = 0;
                    for (int c = 0; c < ws.k; c++) {
                        row[c] = rng.nextDouble();
                        sum += row[c];
                    }
                    for (int c = 0; c < ws.k; c++) {
                        set(ws, s, c, row[c] / sum);
                    }
                }
            }
        }
        data.forEachChunk(chunk -> {
            Workspace.Scratch w = ws.scratch[chunk];
            EStep.accumulate(w.resp, data.columns(chunk), data.length(chunk), w);
        });
    }

    private static void oneSamplePerComponent(Workspace ws, int[] samples) {
        for (int c = 0; c < samples.length; c++) {
            set(ws, samples[c], c, 1.0);
        }
    }

    /**
     * k random samples without replacement whose rows all differ, so that no two components start
     * identical (the caller guarantees k distinct rows exist).
     */
    private static int[] distinctRandomSamples(ChunkedData data, int k, SplittableRandom rng) {
        int[] chosen = new int[k];
        int count = 0;
        while (count < k) {
            int candidate = rng.nextInt(data.n);
            boolean fresh = true;
            for (int c = 0; c < count && fresh; c++) {
                fresh = !Arrays.equals(data.rows[chosen[c]], data.rows[candidate]);
            }
            if (fresh) {
                chosen[count++] = candidate;
            }
        }
        return chosen;
    }

    private static void set(Workspace ws, int sample, int component, double value) {
        ChunkedData data = ws.data;
        ws.scratch[data.chunkOf(sample)].resp[component][data.offsetInChunk(sample)] = value;
    }
}
