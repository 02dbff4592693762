package io.lgc.synth;

/** Receives decoded samples batch by batch, so a reconstruction never sits in memory whole. */
@FunctionalInterface
public interface SampleSink {
    /** @param pixels {@code labels.length} samples, uint8, CHW, one after the other */
    void accept(byte[] pixels, int[] labels);
}
