package io.lgc.model;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;

/**
 * The feature-matching term of the autoencoder's loss: the mean squared distance between a
 * classifier's penultimate features of the reconstruction and of the original. Pixel loss alone
 * blurs away the details a classifier relies on; this term keeps them. The classifier (the
 * "teacher") is trained on the real data at compression time and never shipped.
 *
 * @param weight weight of the term against the pixel loss
 * @param epochs the term is used in the last {@code epochs} autoencoder epochs only (the earlier
 *     ones, pixel loss alone, cost about half as much)
 * @param teacherEpochs epochs to train the teacher
 * @param teacherWidth filters of the teacher's first convolution (a multiple of 16, at most {@link #MAX_TEACHER_WIDTH})
 * @param textureWeight weight of a second term, in the same epochs: the mean squared distance between
 *     the Gram matrices (channel by channel, over all positions) of the teacher's first convolution's
 *     activations of the reconstruction and of the original. They hold how strongly each local pattern
 *     (stripe, edge, print) appears, wherever it is, so the term asks for the original's texture
 *     without its exact placement, which the latent may not carry; 0 leaves it off
 */
public record FeatureMatching(double weight, int epochs, int teacherEpochs, int teacherWidth, double textureWeight) {
    public static final FeatureMatching OFF = new FeatureMatching(0, 0, 1, 16);
    /**
     * Largest accepted {@link #teacherWidth}: the fast protocol's CNN has 32 filters; at 512 one batch of 128
     * Fashion-MNIST images already holds 200 MB in the first layer's activations.
     */
    public static final int MAX_TEACHER_WIDTH = 512;
    /** Largest accepted {@link #textureWeight}. */
    public static final double MAX_TEXTURE_WEIGHT = 1e6;

    public FeatureMatching {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new ParameterException(Parameter.FEATURE_WEIGHT, " must be >= 0, got " + weight);
        }
        if (epochs < 0) {
            throw new ParameterException(Parameter.FEATURE_EPOCHS, " must be >= 0, got " + epochs);
        }
        if (teacherEpochs <= 0) {
            throw new ParameterException(Parameter.TEACHER_EPOCHS, " must be positive, got " + teacherEpochs);
        }
        if (!validTeacherWidth(teacherWidth)) {
            throw new InputException("teacher width must be a multiple of 16 from 16 to " + MAX_TEACHER_WIDTH
                    + ", got " + teacherWidth);
        }
        if (!(textureWeight >= 0 && textureWeight <= MAX_TEXTURE_WEIGHT)) {
            throw new ParameterException(Parameter.TEXTURE_WEIGHT, " must be in 0.." + (long) MAX_TEXTURE_WEIGHT
                    + ", got " + textureWeight);
        }
    }

    /** Whether {@code width} is an accepted {@link #teacherWidth}: a multiple of 16 from 16 to the maximum. */
    public static boolean validTeacherWidth(int width) {
        return width > 0 && width % 16 == 0 && width <= MAX_TEACHER_WIDTH;
    }

    /** Without the texture term. */
    public FeatureMatching(double weight, int epochs, int teacherEpochs, int teacherWidth) {
        this(weight, epochs, teacherEpochs, teacherWidth, 0);
    }

    /** The same term over the last {@code last} epochs. */
    public FeatureMatching withEpochs(int last) {
        return new FeatureMatching(weight, last, teacherEpochs, teacherWidth, textureWeight);
    }

    /** The same term, its teacher of {@code width} filters trained {@code trainedEpochs} epochs. */
    public FeatureMatching withTeacher(int width, int trainedEpochs) {
        return new FeatureMatching(weight, epochs, trainedEpochs, width, textureWeight);
    }

    /** The same with the texture term at {@code w}. */
    public FeatureMatching withTextureWeight(double w) {
        return new FeatureMatching(weight, epochs, teacherEpochs, teacherWidth, w);
    }

    /** Whether a teacher is trained and either term is used. */
    public boolean enabled() {
        return (weight > 0 || textureWeight > 0) && epochs > 0;
    }

    /** Whether 1-based {@code epoch} of {@code total} uses the term. */
    public boolean activeIn(int epoch, int total) {
        return enabled() && epoch > total - epochs;
    }
}
