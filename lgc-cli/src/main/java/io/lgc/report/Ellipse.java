package io.lgc.report;

/**
 * The contour of a 2-D Gaussian at {@code sigmas} standard deviations: centred on the mean, with
 * semi-axes {@code sigmas·√λ} along the covariance's eigenvectors.
 *
 * @param angle direction of the major axis, radians counter-clockwise from the x axis, in (−π/2, π/2]
 */
record Ellipse(double centerX, double centerY, double semiMajor, double semiMinor, double angle) {

    static Ellipse of(double[] mean, double[][] covariance, double sigmas) {
        double a = covariance[0][0];
        double b = (covariance[0][1] + covariance[1][0]) / 2;
        double c = covariance[1][1];
        // Closed-form eigenvalues of [[a, b], [b, c]]; clamped because a near-singular projected
        // covariance can come out a hair below zero in floating point.
        double mid = (a + c) / 2;
        double radius = Math.hypot((a - c) / 2, b);
        double major = Math.max(0, mid + radius);
        double minor = Math.max(0, mid - radius);
        double angle = 0.5 * Math.atan2(2 * b, a - c);
        if (angle <= -Math.PI / 2) {
            angle += Math.PI;
        }
        return new Ellipse(mean[0], mean[1], sigmas * Math.sqrt(major), sigmas * Math.sqrt(minor), angle);
    }

    /** {@code points} points on the contour, counter-clockwise from the end of the major axis. */
    double[][] outline(int points) {
        double[][] out = new double[points][2];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int i = 0; i < points; i++) {
            double t = 2 * Math.PI * i / points;
            double u = semiMajor * Math.cos(t);
            double v = semiMinor * Math.sin(t);
            out[i][0] = centerX + u * cos - v * sin;
            out[i][1] = centerY + u * sin + v * cos;
        }
        return out;
    }

    /** Half the ellipse's width along x and height along y: its bounding box around the centre. */
    double halfWidth() {
        return Math.hypot(semiMajor * Math.cos(angle), semiMinor * Math.sin(angle));
    }

    double halfHeight() {
        return Math.hypot(semiMajor * Math.sin(angle), semiMinor * Math.cos(angle));
    }
}
