package io.lgc.network;

/**
 * Rings of spatial frequency on an h × w image, as {@link Layer.FrequencyGain} uses them. The discrete
 * Fourier transform's frequency (u, v) is u cycles per image height and v per width, folded to
 * {@code min(u, h - u)} and {@code min(v, w - v)} (a frequency and its negative share a ring), and lies on
 * ring {@code round(sqrt(fu² + fv²))}: ring 0 is the mean alone, the last ring the image's corners in
 * frequency. Also the power of images ring by ring, from which a writer picks the gains.
 */
public final class FrequencyRings {
    /**
     * The largest side a frequency gain applies to: its transform costs h·w·(h + w) per channel, and a
     * decoder's images are far smaller (a 512-pixel side costs what 40 convolution layers of a 28-pixel
     * image do).
     */
    public static final int MAX_SIDE = 512;

    private FrequencyRings() {
    }

    /** Whether a frequency gain takes h × w images: neither side above {@link #MAX_SIDE}. */
    public static boolean takes(long h, long w) {
        return h <= MAX_SIDE && w <= MAX_SIDE;
    }

    /**
     * cos (or sin) of 2π·j·k/n, row-major over j and k: the real (or negated imaginary) part of the n-point
     * DFT's matrix, symmetric in j and k.
     */
    public static double[] dftMatrix(int n, boolean cosine) {
        double[] out = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                // j·k mod n keeps the angle small, so large sides lose no precision
                double angle = 2 * Math.PI * ((long) j * k % n) / n;
                out[j * n + k] = cosine ? Math.cos(angle) : Math.sin(angle);
            }
        }
        return out;
    }

    /** The ring of frequency (u, v) on an h × w image, u from 0 to h - 1 and v from 0 to w - 1. */
    public static int ring(int u, int v, int h, int w) {
        int fu = Math.min(u, h - u);
        int fv = Math.min(v, w - v);
        // fu² + fv² is an integer, never a square of k + 0.5, so no rounding tie arises
        return (int) Math.round(Math.sqrt((double) fu * fu + (double) fv * fv));
    }

    /** How many rings an h × w image has: one more than its highest ring, that of (h/2, w/2). */
    public static int count(int h, int w) {
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("image sides must be positive, got " + h + " x " + w);
        }
        return ring(h / 2, w / 2, h, w) + 1;
    }

    /** The ring of every frequency, row-major over u then v. */
    public static int[] ringIndex(int h, int w) {
        int[] index = new int[h * w];
        for (int u = 0; u < h; u++) {
            for (int v = 0; v < w; v++) {
                index[u * w + v] = ring(u, v, h, w);
            }
        }
        return index;
    }

    /**
     * The power of {@code n} images' discrete Fourier transforms summed ring by ring (and over the
     * images and their {@code channels}): {@code images} holds them one after another, each channel an
     * h × w row-major plane.
     */
    public static double[] ringPower(float[] images, int n, int channels, int h, int w) {
        if ((long) n * channels * h * w != images.length) {
            throw new IllegalArgumentException(images.length + " values are not " + n + " images of "
                    + channels + " x " + h + " x " + w);
        }
        int[] index = ringIndex(h, w);
        double[] power = new double[count(h, w)];
        double[] rowCos = dftMatrix(h, true);
        double[] rowSin = dftMatrix(h, false);
        double[] colCos = dftMatrix(w, true);
        double[] colSin = dftMatrix(w, false);
        double[] re = new double[h * w];
        double[] im = new double[h * w];
        double[] outRe = new double[h * w];
        double[] outIm = new double[h * w];
        for (int plane = 0; plane < n * channels; plane++) {
            int at = plane * h * w;
            // along each row first (x·F_w), then each column (F_h·that): F = cos - i·sin
            for (int u = 0; u < h; u++) {
                for (int v = 0; v < w; v++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < w; j++) {
                        double x = images[at + u * w + j];
                        sr += x * colCos[v * w + j];
                        si -= x * colSin[v * w + j];
                    }
                    re[u * w + v] = sr;
                    im[u * w + v] = si;
                }
            }
            for (int u = 0; u < h; u++) {
                for (int v = 0; v < w; v++) {
                    double sr = 0;
                    double si = 0;
                    for (int i = 0; i < h; i++) {
                        double c = rowCos[u * h + i];
                        double s = rowSin[u * h + i];
                        double r = re[i * w + v];
                        double m = im[i * w + v];
                        sr += c * r + s * m;
                        si += c * m - s * r;
                    }
                    outRe[u * w + v] = sr;
                    outIm[u * w + v] = si;
                }
            }
            for (int f = 0; f < h * w; f++) {
                power[index[f]] += outRe[f] * outRe[f] + outIm[f] * outIm[f];
            }
        }
        return power;
    }
}
