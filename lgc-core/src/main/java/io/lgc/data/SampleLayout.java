package io.lgc.data;

/**
 * What one sample is: an image of {@link ImageShape} (uint8 pixels) or a table row of
 * {@link TableColumns} (float features). Writers, networks and artifacts take their shape from it.
 */
public sealed interface SampleLayout permits ImageShape, TableColumns {
    /** Values in one sample: pixels for an image, features for a table row (the label aside). */
    int size();

    /** The shape of one sample as a network sees it: {@code [c, h, w]} or {@code [features]}. */
    long[] tensorShape();
}
