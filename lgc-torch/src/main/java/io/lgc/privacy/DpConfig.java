package io.lgc.privacy;

/**
 * Settings of a differentially private compression.
 *
 * @param epsilon the privacy budget ε, for adding or removing one training record
 * @param delta δ of the (ε, δ) guarantee; the README advises well below 1 / records
 * @param latentDim k, the PCA decoder's latent dimension
 * @param pixelClip records are scaled down to at most this L2 norm (pixels in [0, 1]) before any
 *     statistic is taken: what bounds one record's influence
 * @param latentClip each record's latent is scaled down to at most this norm before the per-class
 *     statistics are taken
 */
public record DpConfig(double epsilon, double delta, int latentDim, double pixelClip, double latentClip) {
    public static final double DEFAULT_DELTA = 1e-6;
    public static final double DEFAULT_PIXEL_CLIP = 12;
    public static final double DEFAULT_LATENT_CLIP = 8;
    /** Shares of ρ: image mean, record count, second moments of images, class counts, class sums, class second moments. */
    static final double[] SHARES = {0.05, 0.02, 0.45, 0.03, 0.15, 0.30};

    public DpConfig {
        Zcdp.requireBudget(epsilon, delta);
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latent dimension must be > 0, got " + latentDim);
        }
        if (!(pixelClip > 0) || Double.isInfinite(pixelClip) || !(latentClip > 0) || Double.isInfinite(latentClip)) {
            throw new IllegalArgumentException("clip norms must be positive numbers, got " + pixelClip + " and "
                    + latentClip);
        }
    }

    public static DpConfig of(double epsilon, double delta, int latentDim) {
        return new DpConfig(epsilon, delta, latentDim, DEFAULT_PIXEL_CLIP, DEFAULT_LATENT_CLIP);
    }

    /** The whole budget in zCDP terms. */
    public double rho() {
        return Zcdp.rhoFor(epsilon, delta);
    }
}
