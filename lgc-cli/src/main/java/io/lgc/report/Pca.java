package io.lgc.report;

import io.lgc.linalg.SymmetricEigen;

/**
 * A principal-component projection to a few dimensions, fitted on the rows of a matrix: the
 * mean, and the top eigenvectors of the sample covariance as the rows of {@link #axes()}.
 * Points map to {@code P (x − mean)}, covariances to {@code P Σ Pᵀ}.
 *
 * @param explained fraction of the total variance along each axis
 */
record Pca(double[] mean, double[][] axes, double[] variances, double[] explained) {

    static Pca fit(double[][] x, int dimensions) {
        if (x.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 points, got " + x.length);
        }
        int d = x[0].length;
        if (dimensions < 1 || dimensions > d) {
            throw new IllegalArgumentException("cannot project " + d + " dimensions to " + dimensions);
        }
        double[] mean = new double[d];
        for (double[] row : x) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows of different lengths: " + row.length + " and " + d);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    cov[i][j] += centred[i] * centred[j];
                }
            }
        }
        double total = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= x.length - 1;
                cov[j][i] = cov[i][j];
            }
            total += cov[i][i];
        }
        SymmetricEigen eigen = SymmetricEigen.of(cov);
        double[][] axes = new double[dimensions][];
        double[] variances = new double[dimensions];
        double[] explained = new double[dimensions];
        for (int a = 0; a < dimensions; a++) {
            axes[a] = eigen.vectors()[a];
            variances[a] = Math.max(0, eigen.values()[a]);
            explained[a] = total > 0 ? variances[a] / total : 0;
        }
        return new Pca(mean, axes, variances, explained);
    }

    int dimensions() {
        return axes.length;
    }

    double[] project(double[] point) {
        double[] out = new double[axes.length];
        for (int a = 0; a < axes.length; a++) {
            double sum = 0;
            for (int j = 0; j < mean.length; j++) {
                sum += axes[a][j] * (point[j] - mean[j]);
            }
            out[a] = sum;
        }
        return out;
    }

    double[][] project(double[][] points) {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = project(points[i]);
        }
        return out;
    }

    /** {@code P Σ Pᵀ}: the covariance, in the projected space, of points with covariance Σ. */
    double[][] projectCovariance(double[][] covariance) {
        int m = axes.length;
        int d = mean.length;
        double[][] sigmaPt = new double[d][m];
        for (int i = 0; i < d; i++) {
            for (int a = 0; a < m; a++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += covariance[i][j] * axes[a][j];
                }
                sigmaPt[i][a] = sum;
            }
        }
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double sum = 0;
                for (int i = 0; i < d; i++) {
                    sum += axes[a][i] * sigmaPt[i][b];
                }
                out[a][b] = sum;
            }
        }
        return out;
    }
}
