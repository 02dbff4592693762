package io.lgc.privacy;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where the Gaussian noise of a private compression comes from. The guarantee holds only while the
 * noise is unknown: whoever can draw the same noise again subtracts it from the file's statistics.
 * So the default is the system's secure random source, fresh for every compression; a replayable
 * noise, drawn from a number the caller gives, exists for tests and benchmarks that must be
 * repeated byte for byte, and that number is never written to the file.
 *
 * <p>Only the noise comes from here. The randomness that may be known (where EM starts, a power
 * iteration's start, an encoder learned from public samples) uses the compression's ordinary seed.
 */
public final class DpNoise {
    private final RandomGenerator source;
    private final boolean replayable;

    private DpNoise(RandomGenerator source, boolean replayable) {
        this.source = source;
        this.replayable = replayable;
    }

    /** Fresh noise from {@link SecureRandom}: what every real private file needs. */
    public static DpNoise secure() {
        return new DpNoise(new SecureRandom(), false);
    }

    /**
     * Noise that {@code seed} draws, the same each time: for tests and benchmarks only. Whoever learns
     * the seed can remove the noise, and the file then protects nothing.
     */
    public static DpNoise replayable(long seed) {
        return new DpNoise(new SplittableRandom(seed), true);
    }

    /** What the header says of the noise: never the seed, only whether one was used. */
    public String description() {
        return replayable
                ? "replayable: drawn from a number given for a test or benchmark and not recorded here; whoever "
                        + "knows it can remove the noise, so this file is private only while that number is secret"
                : "fresh from the system's secure random source (java.security.SecureRandom)";
    }

    /** One draw of N(0, σ²). */
    double gaussian(double sigma) {
        return sigma * source.nextGaussian();
    }

    /** Independent N(0, σ²) noise on every entry. */
    void addTo(double[] v, double sigma) {
        for (int j = 0; j < v.length; j++) {
            v[j] += gaussian(sigma);
        }
    }

    /** Noise on the upper triangle (diagonal included), mirrored: one draw per free entry. */
    void addSymmetric(double[][] m, double sigma) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i; j < m.length; j++) {
                double e = gaussian(sigma);
                m[i][j] += e;
                if (i != j) {
                    m[j][i] += e;
                }
            }
        }
    }
}
