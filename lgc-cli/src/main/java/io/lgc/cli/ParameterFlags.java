package io.lgc.cli;

import io.lgc.Parameter;
import io.lgc.ParameterException;

/**
 * The command line's flag for each parameter the library's errors name: the library words its
 * messages for a Java caller ("latentDim must be in 1..4096"), and the command line prints them
 * under the flags its user typed ("--latent-dim must be in 1..4096").
 */
final class ParameterFlags {
    private ParameterFlags() {
    }

    /** The flag that sets {@code parameter}; the switch has no default, so a new parameter must be given one. */
    static String flag(Parameter parameter) {
        return switch (parameter) {
            case CHANNELS -> "--channels";
            case LABEL_COLUMN -> "--label-column";
            case LABELS -> "--labels";
            case SIZE -> "--size";
            case SKIP_BAD -> "--skip-bad";
            case FORCE -> "--force";
            case EPOCHS -> "--epochs";
            case BATCH_SIZE -> "--batch-size";
            case LEARNING_RATE -> "--lr";
            case LEARNING_RATE_SCHEDULE -> "--lr-schedule";
            case LATENT_DIM -> "--latent-dim";
            case STEM -> "--stem";
            case WIDTH -> "--width";
            case LATENT_NOISE -> "--latent-noise";
            case KL_WEIGHT -> "--kl-weight";
            case FEATURE_WEIGHT -> "--feature-weight";
            case TEXTURE_WEIGHT -> "--texture-weight";
            case FEATURE_EPOCHS -> "--feature-epochs";
            case TEACHER_EPOCHS -> "--teacher-epochs";
            case MODEL -> "--model";
            case DECODER -> "--decoder";
            case COMPONENTS, COMPONENT_RANGE -> "--components";
            case N_INIT -> "--n-init";
            case PROVENANCE -> "--provenance";
            case PROTOCOL -> "--protocol";
            case AUGMENT -> "--augment";
            case BYTES -> "--bytes";
            case REPEATS -> "--repeats";
            case SPREAD -> "--spread";
            case PER_CLASS -> "--per-class";
            case COUNT -> "--count";
            case BUDGET -> "--budget";
            case ROUNDING_CANDIDATES -> "--rounding-candidates";
            case TRAINING_CANDIDATES -> "--training-candidates";
            case ROUNDING_SCHEDULE -> "--rounding-schedule";
            case INT8_LAYERS -> "--int8-layers";
        };
    }

    /** The message of {@code failure} as the command line prints it: parameters under their flags. */
    static String message(Throwable failure) {
        return failure instanceof ParameterException e ? e.message(ParameterFlags::flag) : failure.getMessage();
    }
}
