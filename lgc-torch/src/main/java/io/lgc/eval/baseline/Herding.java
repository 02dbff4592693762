package io.lgc.eval.baseline;

/**
 * Herding as the continual-learning and distillation papers use it (iCaRL's exemplar selection):
 * add, one at a time, the image that brings the mean of the chosen images closest to the class's
 * mean image, without repeats. Deterministic; ties go to the lowest position.
 */
final class Herding {
    private Herding() {
    }

    static int[] select(byte[][] images, int count) {
        int n = images.length;
        int[] chosen = new int[count];
        if (count == 0) {
            return chosen;
        }
        int d = images[0].length;
        double[] mean = new double[d];
        for (byte[] image : images) {
            for (int j = 0; j < d; j++) {
                mean[j] += (image[j] & 0xFF);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] sum = new double[d];
        boolean[] taken = new boolean[n];
        double[] target = new double[d];
        for (int k = 0; k < count; k++) {
            // With t = k + 1 images, |mean − (sum + x)/t|² = |t·mean − sum − x|² / t²: minimise |target − x|².
            for (int j = 0; j < d; j++) {
                target[j] = (k + 1) * mean[j] - sum[j];
            }
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double distance = 0;
                byte[] x = images[i];
                for (int j = 0; j < d; j++) {
                    double diff = target[j] - (x[j] & 0xFF);
                    distance += diff * diff;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            chosen[k] = best;
            taken[best] = true;
            for (int j = 0; j < d; j++) {
                sum[j] += (images[best][j] & 0xFF);
            }
        }
        return chosen;
    }
}
