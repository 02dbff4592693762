package io.lgc.privacy;

/**
 * Settings of a differentially private compression.
 *
 * @param epsilon the privacy budget ε, for adding or removing one training record
 * @param delta δ of the (ε, δ) guarantee; the README advises well below 1 / records
 * @param latentDim k, the PCA decoder's latent dimension (a public decoder brings its own)
 * @param pixelClip records are scaled down to at most this L2 norm (pixels in [0, 1]) before any
 *     statistic is taken: what bounds one record's influence
 * @param latentClip each record's latent is scaled down to at most this norm before the per-class
 *     statistics are taken (a public decoder derives its own from the public file)
 * @param components Gaussians per class: 1 takes private moments, more run private EM
 * @param iterations private EM iterations when {@code components > 1}; each spends its share
 * @param split how the latent side's budget is shared between class counts, sums and second moments
 * @param partition with a public decoder: instead of private EM, each record goes to one component of
 *     the public mixtures of its class, and each component gets its own noisy statistics in one pass
 * @param publicAxes with {@code partition}: each component's covariance is estimated along the principal
 *     axes of its public component only (d noisy variances instead of a noisy d×d matrix)
 */
public record DpConfig(double epsilon, double delta, int latentDim, double pixelClip, double latentClip,
        int components, int iterations, BudgetSplit split, boolean partition, boolean publicAxes) {
    public static final double DEFAULT_DELTA = 1e-6;
    public static final double DEFAULT_PIXEL_CLIP = 12;
    public static final double DEFAULT_LATENT_CLIP = 8;
    public static final int DEFAULT_ITERATIONS = 5;
    /** Shares of ρ when the decoder is private too: image mean, record count, second moments of images. */
    static final double[] DECODER_SHARES = {0.05, 0.02, 0.45};

    public DpConfig {
        Zcdp.requireBudget(epsilon, delta);
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latent dimension must be > 0, got " + latentDim);
        }
        if (!(pixelClip > 0) || Double.isInfinite(pixelClip) || !(latentClip > 0) || Double.isInfinite(latentClip)) {
            throw new IllegalArgumentException("clip norms must be positive numbers, got " + pixelClip + " and "
                    + latentClip);
        }
        java.util.Objects.requireNonNull(split, "split");
        if (components < 1 || iterations < 1) {
            throw new IllegalArgumentException("components and iterations must be >= 1, got " + components + " and "
                    + iterations);
        }
    }

    /** One Gaussian per class, the default clip norms. */
    public static DpConfig of(double epsilon, double delta, int latentDim) {
        return new DpConfig(epsilon, delta, latentDim, DEFAULT_PIXEL_CLIP, DEFAULT_LATENT_CLIP, 1, DEFAULT_ITERATIONS,
                BudgetSplit.DEFAULT, false, false);
    }

    public DpConfig withComponents(int k) {
        return new DpConfig(epsilon, delta, latentDim, pixelClip, latentClip, k, iterations, split, partition, publicAxes);
    }

    public DpConfig withLatentClip(double clip) {
        return new DpConfig(epsilon, delta, latentDim, pixelClip, clip, components, iterations, split, partition, publicAxes);
    }

    public DpConfig withSplit(BudgetSplit other) {
        return new DpConfig(epsilon, delta, latentDim, pixelClip, latentClip, components, iterations, other, partition, publicAxes);
    }

    public DpConfig withPartition(boolean on) {
        return new DpConfig(epsilon, delta, latentDim, pixelClip, latentClip, components, iterations, split, on,
                publicAxes && on);
    }

    /** A partitioned fit whose covariances are estimated along the public components' axes. */
    public DpConfig withPublicAxes() {
        return new DpConfig(epsilon, delta, latentDim, pixelClip, latentClip, components, iterations, split, true,
                true);
    }

    /** The whole budget in zCDP terms. */
    public double rho() {
        return Zcdp.rhoFor(epsilon, delta);
    }

    /** The part of ρ the decoder statistics take when the decoder is learned privately. */
    static double decoderShare() {
        return DECODER_SHARES[0] + DECODER_SHARES[1] + DECODER_SHARES[2];
    }
}
