package io.lgc.privacy;

/**
 * How much work an audit does.
 *
 * @param samples decoded samples compared with the records
 * @param encoderSamples decoded samples the density attack's encoder learns from
 * @param encoderEpochs passes over them
 * @param seed seed of every draw: one artifact, data and settings give one result
 */
public record AuditSettings(int samples, int encoderSamples, int encoderEpochs, long seed) {
    public static final int DEFAULT_SAMPLES = 10_000;
    public static final int DEFAULT_ENCODER_SAMPLES = 20_000;
    public static final int DEFAULT_ENCODER_EPOCHS = 5;

    public AuditSettings {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be > 0, got " + samples);
        }
        if (encoderSamples <= 0) {
            throw new IllegalArgumentException("encoderSamples must be > 0, got " + encoderSamples);
        }
        if (encoderEpochs <= 0) {
            throw new IllegalArgumentException("encoderEpochs must be > 0, got " + encoderEpochs);
        }
    }

    public static AuditSettings defaults(long seed) {
        return new AuditSettings(DEFAULT_SAMPLES, DEFAULT_ENCODER_SAMPLES, DEFAULT_ENCODER_EPOCHS, seed);
    }

    public AuditSettings withSamples(int n) {
        return new AuditSettings(n, encoderSamples, encoderEpochs, seed);
    }
}
