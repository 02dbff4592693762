package io.lgc;

/**
 * Every parameter that an error of the library can name, by the name a Java caller set it under: a
 * record component ({@code latentDim}), qualified by its type where the bare name would be ambiguous
 * ({@code ReadOptions.channels}, {@code FeatureMatching.epochs}), or a method parameter
 * ({@code force}). A {@link ParameterException}'s message names these through {@link #javaName()};
 * a front end with names of its own (the command line's flags) renders them with
 * {@link ParameterException#message(java.util.function.Function)}.
 */
public enum Parameter {
    /** {@code ReadOptions.channels}: 1 or 3. */
    CHANNELS("ReadOptions.channels"),
    /** {@code ReadOptions.labelColumn}: the CSV label column. */
    LABEL_COLUMN("ReadOptions.labelColumn"),
    /** {@code ReadOptions.labels}: an IDX labels file. */
    LABELS("ReadOptions.labels"),
    /** {@code ReadOptions.size}: the size images are resized to (also {@code ImageSize.parse}'s text). */
    SIZE("ReadOptions.size"),
    /** {@code ReadOptions.skipBad}: leave unreadable images out. */
    SKIP_BAD("ReadOptions.skipBad"),
    /** {@code force} of {@code OutputTarget}: replace what exists. */
    FORCE("force"),
    /** {@code epochs} of {@code FitConfig}, {@code SgdConfig} and the evaluator. */
    EPOCHS("epochs"),
    /** {@code FitConfig.batchSize}. */
    BATCH_SIZE("batchSize"),
    /** {@code FitConfig.learningRate}. */
    LEARNING_RATE("learningRate"),
    /** {@code FitConfig.schedule}, also the name {@code LearningRateSchedule.parse} reads. */
    LEARNING_RATE_SCHEDULE("schedule"),
    /** {@code AutoencoderConfig.latentDim}. */
    LATENT_DIM("latentDim"),
    /** {@code AutoencoderConfig.latentNoise}. */
    LATENT_NOISE("latentNoise"),
    /** {@code AutoencoderConfig.klWeight}. */
    KL_WEIGHT("klWeight"),
    /** {@code AutoencoderConfig.stem}. */
    STEM("stem"),
    /** {@code AutoencoderConfig.width}: the convolutional autoencoder's filters. */
    WIDTH("width"),
    /** {@code FeatureMatching.weight}. */
    FEATURE_WEIGHT("FeatureMatching.weight"),
    /** {@code FeatureMatching.textureWeight}. */
    TEXTURE_WEIGHT("FeatureMatching.textureWeight"),
    /** {@code FeatureMatching.epochs}. */
    FEATURE_EPOCHS("FeatureMatching.epochs"),
    /** {@code FeatureMatching.teacherEpochs}. */
    TEACHER_EPOCHS("FeatureMatching.teacherEpochs"),
    /** {@code AutoencoderConfig.model}, also the name {@code AutoencoderKind.parse} reads. */
    MODEL("model"),
    /** {@code CompressionConfig.decoder}. */
    DECODER("decoder"),
    /** {@code components} of {@code MixtureSettings.parse}: "K", "auto" or "auto:MIN-MAX". */
    COMPONENTS("components"),
    /** {@code MixtureSettings.minComponents} and {@code maxComponents} together. */
    COMPONENT_RANGE("minComponents..maxComponents"),
    /** {@code MixtureSettings.nInit}. */
    N_INIT("nInit"),
    /** {@code SourceInfo.Record}: how much an artifact says about its source. */
    PROVENANCE("SourceInfo.Record"),
    /** {@code protocol} of the evaluator. */
    PROTOCOL("protocol"),
    /** {@code augment} of the evaluator. */
    AUGMENT("augment"),
    /** {@code ByteBudget.bytes}. */
    BYTES("bytes"),
    /** {@code repeats} of {@code Evaluator.evaluateRepeated}. */
    REPEATS("repeats"),
    /** {@code SamplingPlan.spread}. */
    SPREAD("spread"),
    /** {@code SamplingPlan.perClass}: samples of each class. */
    PER_CLASS("SamplingPlan.perClass"),
    /** {@code count} of {@code Lgc.sampleCount}: samples in all. */
    COUNT("count"),
    /** {@code budget} of {@code MeasuredSettings.forBudget}: the most bytes the file may have. */
    BUDGET("budget"),
    /** {@code count} of {@code RoundingChoice.best}: rounding paths the best file is chosen from. */
    ROUNDING_CANDIDATES("RoundingChoice.count"),
    /** {@code count} of {@code TrainingChoice.best}: trained networks the best file is chosen from. */
    TRAINING_CANDIDATES("TrainingChoice.count"),
    /** {@code RoundingTuning.schedule}, also the name {@code RoundingTuning.withScheduleNamed} reads. */
    ROUNDING_SCHEDULE("RoundingTuning.schedule"),
    /** {@code DecoderGrid.int8Layers}: the layers of an int4 decoder kept at int8. */
    INT8_LAYERS("DecoderGrid.int8Layers");

    private final String javaName;

    Parameter(String javaName) {
        this.javaName = javaName;
    }

    /** The name a Java caller knows it by, as messages print it. */
    public String javaName() {
        return javaName;
    }
}
