package io.lgc.model;

import io.lgc.data.ImageShape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random label-preserving changes of training images, drawn anew for every batch: the augmentation
 * the dataset-distillation evaluations (DSA, IDC) train their classifiers with, so that LGC can be
 * judged on equal terms. Each image gets one transform, chosen uniformly among those that fit the
 * images, with its own random parameters (DSA draws one kind per batch; per image gives the same mix
 * with less noise between batches):
 * <ul>
 *   <li>scale: each axis by a factor in [1/1.2, 1.2] about the centre;</li>
 *   <li>rotate: by up to ±15 degrees about the centre;</li>
 *   <li>crop: a shift of up to an eighth of the side in each direction, zero-padded (as a random crop
 *       of the padded image);</li>
 *   <li>cutout: a square of half the side at a random centre set to 0;</li>
 *   <li>flip (RGB only): left-right with probability 1/2;</li>
 *   <li>colour (RGB only): brightness ±0.125, saturation × [0, 2], contrast × [0.5, 1.5].</li>
 * </ul>
 * Gray images get no flip, unlike DSA's natural-image strategy: mirrored digits are not digits, and
 * Fashion-MNIST's shoes all face one way in the test set. They get no colour change either (one
 * channel has no saturation, and instance norm after the ConvNet's first layer undoes brightness and
 * contrast). Resampling is bilinear with zeros outside the image, so values stay in [0, 1].
 */
public final class Augmentation {
    static final double MAX_SCALE = 1.2;
    static final double MAX_ROTATION_DEGREES = 15;
    static final double SHIFT_FRACTION = 0.125;
    static final double CUTOUT_FRACTION = 0.5;
    /** DSA's brightness range of ±0.5 is in standardised units; a channel's deviation is about 0.25. */
    static final double MAX_BRIGHTNESS = 0.125;
    static final double MAX_SATURATION = 2;
    static final double MIN_CONTRAST = 0.5;
    /** Keeps the augmentation's draws apart from the shuffling generator seeded with the same seed. */
    private static final long SALT = 0x6A09E667F3BCC909L;

    /** The kinds of change; each image of a batch gets one. */
    enum Transform { SCALE, ROTATE, CROP, CUTOUT, FLIP, COLOUR }

    private static final Augmentation NONE = new Augmentation(null, List.of(), 0);

    private final ImageShape shape;
    private final List<Transform> transforms;
    private final SplittableRandom random;
    private final float[] scratch;

    private Augmentation(ImageShape shape, List<Transform> transforms, long seed) {
        this.shape = shape;
        this.transforms = transforms;
        this.random = new SplittableRandom(seed ^ SALT);
        this.scratch = shape == null ? new float[0] : new float[shape.height() * shape.width()];
    }

    /** No change: what classifiers train with unless augmentation is asked for. */
    public static Augmentation none() {
        return NONE;
    }

    /** Augmentation of images of {@code shape}, reproducible for {@code seed} (the classifier's seed). */
    public static Augmentation forImages(ImageShape shape, long seed) {
        List<Transform> kinds = shape.channels() == 3 ? List.of(Transform.values())
                : List.of(Transform.SCALE, Transform.ROTATE, Transform.CROP, Transform.CUTOUT);
        return new Augmentation(shape, kinds, seed);
    }

    /** Whether this changes anything. */
    public boolean enabled() {
        return !transforms.isEmpty();
    }

    List<Transform> transforms() {
        return transforms;
    }

    /** Changes the first {@code count} images of {@code batch} (CHW each, values in [0, 1]) in place. */
    public void apply(float[] batch, int count) {
        for (int i = 0; i < count && enabled(); i++) {
            apply(transforms.get(random.nextInt(transforms.size())), batch, i * shape.size());
        }
    }

    /** One transform of the image starting at {@code offset}, its parameters drawn from this generator. */
    void apply(Transform transform, float[] batch, int offset) {
        switch (transform) {
            case SCALE -> {
                double sx = uniform(1 / MAX_SCALE, MAX_SCALE);
                double sy = uniform(1 / MAX_SCALE, MAX_SCALE);
                resample(batch, offset, sx, 0, 0, sy, 0, 0);
            }
            case ROTATE -> {
                double theta = Math.toRadians(uniform(-MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES));
                double c = Math.cos(theta);
                double s = Math.sin(theta);
                resample(batch, offset, c, -s, s, c, 0, 0);
            }
            case CROP -> {
                int dx = shift(shape.width());
                int dy = shift(shape.height());
                resample(batch, offset, 1, 0, 0, 1, dx, dy);
            }
            case CUTOUT -> cutout(batch, offset);
            case FLIP -> {
                if (random.nextBoolean()) {
                    flip(batch, offset);
                }
            }
            case COLOUR -> colour(batch, offset);
        }
    }

    private double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** A whole-pixel shift of up to {@link #SHIFT_FRACTION} of {@code side} (rounded) either way. */
    private int shift(int side) {
        int most = (int) Math.round(side * SHIFT_FRACTION);
        return random.nextInt(2 * most + 1) - most;
    }

    /**
     * Each channel's pixel (x, y) takes the bilinear value at centre + M·((x, y) − centre) − (dx, dy)
     * of the original, with M = [[a, b], [c, d]]; positions outside the image read 0.
     */
    private void resample(float[] batch, int offset, double a, double b, double c, double d, double dx, double dy) {
        int h = shape.height();
        int w = shape.width();
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        for (int ch = 0; ch < shape.channels(); ch++) {
            int base = offset + ch * h * w;
            System.arraycopy(batch, base, scratch, 0, h * w);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sx = cx + a * (x - cx) + b * (y - cy) - dx;
                    double sy = cy + c * (x - cx) + d * (y - cy) - dy;
                    batch[base + y * w + x] = bilinear(scratch, w, h, sx, sy);
                }
            }
        }
    }

    private static float bilinear(float[] image, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = (1 - fx) * pixel(image, w, h, x0, y0) + fx * pixel(image, w, h, x0 + 1, y0);
        double bottom = (1 - fx) * pixel(image, w, h, x0, y0 + 1) + fx * pixel(image, w, h, x0 + 1, y0 + 1);
        return (float) Math.min(1, Math.max(0, (1 - fy) * top + fy * bottom));
    }

    private static float pixel(float[] image, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : image[y * w + x];
    }

    private void cutout(float[] batch, int offset) {
        int h = shape.height();
        int w = shape.width();
        int sideX = (int) Math.round(w * CUTOUT_FRACTION);
        int sideY = (int) Math.round(h * CUTOUT_FRACTION);
        int x0 = random.nextInt(w) - sideX / 2;
        int y0 = random.nextInt(h) - sideY / 2;
        for (int ch = 0; ch < shape.channels(); ch++) {
            int base = offset + ch * h * w;
            for (int y = Math.max(0, y0); y < Math.min(h, y0 + sideY); y++) {
                for (int x = Math.max(0, x0); x < Math.min(w, x0 + sideX); x++) {
                    batch[base + y * w + x] = 0;
                }
            }
        }
    }

    private void flip(float[] batch, int offset) {
        int w = shape.width();
        for (int row = 0; row < shape.channels() * shape.height(); row++) {
            int start = offset + row * w;
            for (int x = 0; x < w / 2; x++) {
                float t = batch[start + x];
                batch[start + x] = batch[start + w - 1 - x];
                batch[start + w - 1 - x] = t;
            }
        }
    }

    /** Brightness, saturation and contrast in turn, as DSA's colour step, clipped to [0, 1]. */
    private void colour(float[] batch, int offset) {
        int plane = shape.height() * shape.width();
        int channels = shape.channels();
        double brightness = uniform(-MAX_BRIGHTNESS, MAX_BRIGHTNESS);
        double saturation = uniform(0, MAX_SATURATION);
        double contrast = uniform(MIN_CONTRAST, 2 - MIN_CONTRAST);
        double sum = 0;
        for (int p = 0; p < plane; p++) {
            double gray = 0;
            for (int ch = 0; ch < channels; ch++) {
                gray += batch[offset + ch * plane + p] + brightness;
            }
            gray /= channels;
            for (int ch = 0; ch < channels; ch++) {
                int i = offset + ch * plane + p;
                double v = gray + saturation * (batch[i] + brightness - gray);
                batch[i] = (float) v;
                sum += v;
            }
        }
        double mean = sum / (plane * channels);
        for (int i = offset; i < offset + plane * channels; i++) {
            batch[i] = (float) Math.min(1, Math.max(0, mean + contrast * (batch[i] - mean)));
        }
    }
}
