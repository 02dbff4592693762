package io.lgc.eval;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.ParameterText;
import io.lgc.Progress;
import io.lgc.data.LabelledData;
import io.lgc.network.Architectures;
import io.lgc.model.Augmentation;
import io.lgc.model.ClassifierTrainer;
import io.lgc.model.ConvNet;
import io.lgc.model.SgdClassifierTrainer;
import io.lgc.model.SgdConfig;
import io.lgc.model.TrainedClassifier;
import java.util.Arrays;
import java.util.Locale;

/** How the classifier that measures a training set is built and trained. */
public enum Protocol {
    /**
     * The fixed small CNN (two convolutions, max pooling, 128 hidden units) for images, a small MLP
     * (two hidden layers of 64) for tables; Adam 1e-3, batch 128.
     */
    FAST("fast") {
        /**
         * {@value Evaluator#DEFAULT_EPOCHS} epochs for a 60,000-sample set, and the same number of
         * sample visits for other sizes (at most {@value #MAX_EPOCHS} epochs): five epochs of 100
         * images are five optimiser steps, which would measure the step count, not the data. Equal
         * visits keep small real subsets and large reconstructions comparable.
         */
        @Override
        public int defaultEpochs(int trainSize) {
            long visits = (long) Evaluator.DEFAULT_EPOCHS * FAST_REFERENCE_SIZE;
            return (int) Math.max(Evaluator.DEFAULT_EPOCHS,
                    Math.min(MAX_EPOCHS, (visits + trainSize - 1) / Math.max(1, trainSize)));
        }

        @Override
        TrainedClassifier train(LabelledData train, int classes, int epochs, long seed, boolean augment,
                String task, Progress progress) {
            return ClassifierTrainer.train(Architectures.classifier(train.layout(), classes), train,
                    Evaluator.defaultFit(epochs, seed), augmentation(train, augment, seed), task, progress);
        }
    },

    /**
     * The dataset-distillation protocol: ConvNet depth 3, width 128, instance norm, average pooling;
     * SGD lr 0.01, momentum 0.9, weight decay 5e-4, batch 256, lr × 0.1 at half the epochs. No data
     * augmentation unless asked for, and no input standardisation (instance norm after the first convolution removes
     * any per-image affine change of the input anyway, up to the zero padding at the border).
     */
    CONVNET("convnet") {
        /**
         * 300 epochs, as the distillation papers train on their 10 or 50 images per class, for sets
         * of up to {@value #FULL_PROTOCOL_SIZE} images; above that the same number of sample visits
         * (300 × {@value #FULL_PROTOCOL_SIZE}, about 1,200 updates) spread over the set, rounded up,
         * but at least {@value #MIN_EPOCHS} epochs so that the learning rate drop falls inside the
         * run: 6,000 images get 50 epochs, 60,000 get 5. 300 epochs of 60,000 images would take about
         * 9 hours on a 2-core CPU (0.46 s a step of 256); give --epochs to train longer.
         */
        @Override
        public int defaultEpochs(int trainSize) {
            if (trainSize <= FULL_PROTOCOL_SIZE) {
                return MAX_EPOCHS;
            }
            long visits = (long) MAX_EPOCHS * FULL_PROTOCOL_SIZE;
            return (int) Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, (visits + trainSize - 1) / trainSize));
        }

        @Override
        TrainedClassifier train(LabelledData train, int classes, int epochs, long seed, boolean augment,
                String task, Progress progress) {
            if (!(train instanceof io.lgc.data.Dataset images)) {
                throw new ParameterException(NOT_FOR_TABLES);
            }
            return SgdClassifierTrainer.train(ConvNet.spec(images.shape(), classes), images,
                    SgdConfig.distillationProtocol(epochs, seed), augmentation(train, augment, seed), task, progress);
        }
    };

    static final int MAX_EPOCHS = 300;
    static final int FULL_PROTOCOL_SIZE = 1000;
    static final int MIN_EPOCHS = 2;
    /** Why a table cannot be evaluated with the ConvNet. */
    public static final ParameterText NOT_FOR_TABLES = ParameterText.of(Parameter.PROTOCOL, " convnet trains a CNN"
            + " on images; a table is evaluated with ", Parameter.PROTOCOL, " fast (an MLP on its standardised"
            + " features)");
    static final int FAST_REFERENCE_SIZE = 60_000;
    /** Why a table cannot be trained with augmentation. */
    public static final ParameterText AUGMENT_NOT_FOR_TABLES = ParameterText.of(Parameter.AUGMENT, " scales, rotates,"
            + " shifts and masks images; a table has no pixels to move");

    private final String cliName;

    Protocol(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in JSON. */
    public String cliName() {
        return cliName;
    }

    /** Epochs used when the user gives none, for a training set of {@code trainSize} images. */
    public abstract int defaultEpochs(int trainSize);

    /** Trains one classifier; {@code augment} changes its training batches (see {@link Augmentation}). */
    abstract TrainedClassifier train(LabelledData train, int classes, int epochs, long seed, boolean augment,
            String task, Progress progress);

    /** The classifier's augmentation, seeded with its seed: none unless asked for, and never for a table. */
    static Augmentation augmentation(LabelledData train, boolean augment, long seed) {
        if (!augment) {
            return Augmentation.none();
        }
        if (!(train instanceof io.lgc.data.Dataset images)) {
            throw new ParameterException(AUGMENT_NOT_FOR_TABLES);
        }
        return Augmentation.forImages(images.shape(), seed);
    }

    /** The protocol a command-line name stands for; anything else is an {@link InputException}. */
    public static Protocol parse(String name) {
        for (Protocol p : values()) {
            if (p.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new InputException("unknown protocol '" + name + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Protocol::cliName).toList()));
    }
}
