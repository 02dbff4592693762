package io.lgc.spark.cli;

import io.lgc.Parameter;
import io.lgc.ParameterException;

/**
 * lgc-spark's flag for each parameter the library's errors name, so that "spread must be a positive
 * number" reaches the user as "--spread must be ...". Its own table rather than lgc-cli's
 * {@code ParameterFlags}: the two command lines differ ({@code --label} here, {@code --label-column}
 * there) and lgc-spark has none of most of lgc's options, whose flags would mislead here.
 */
final class SparkFlags {
    private SparkFlags() {
    }

    /**
     * The flag that sets {@code parameter}; a parameter lgc-spark has no option for keeps its Java
     * name (the default also keeps a parameter added to the library from breaking this build).
     */
    static String flag(Parameter parameter) {
        return switch (parameter) {
            case LABEL_COLUMN -> "--label";
            case FORCE -> "--force";
            case EPOCHS -> "--epochs";
            case LATENT_DIM -> "--latent-dim";
            case FEATURE_WEIGHT -> "--feature-weight";
            case FEATURE_EPOCHS -> "--feature-epochs";
            case WIDTH -> "--width";
            case STEM -> "--stem";
            case COMPONENTS, COMPONENT_RANGE -> "--components";
            case N_INIT -> "--n-init";
            case SPREAD -> "--spread";
            case PER_CLASS -> "--per-class";
            case ROUNDING_CANDIDATES -> "--rounding-candidates";
            case ROUNDING_SCHEDULE -> "--rounding-schedule";
            case INT8_LAYERS -> "--int8-layers";
            default -> parameter.javaName();
        };
    }

    /** The message of {@code failure} as lgc-spark prints it: parameters under its flags. */
    static String message(Throwable failure) {
        return failure instanceof ParameterException e ? e.message(SparkFlags::flag) : failure.getMessage();
    }
}
