package io.lgc.artifact;

import io.lgc.data.LabelledData;
import io.lgc.data.SampleLayout;
import java.util.List;

/**
 * What the decoder's outputs are and how they become samples: pixels of images
 * ({@link ImageFormat}, header kind {@code "images"}) or the features of table rows
 * ({@link TableFormat}, kind {@code "table"}).
 */
public sealed interface SampleFormat permits ImageFormat, TableFormat {
    /** What one sample is; the decoder's output shape is {@code layout().tensorShape()}. */
    SampleLayout layout();

    /** The header's {@code kind}. */
    String kind();

    /**
     * The samples that {@code outputs} (the decoder's, {@link SampleLayout#size()} values per sample,
     * one sample after the other) stand for, with their labels: uint8 images, or table rows in the
     * source's units.
     */
    LabelledData samples(float[] outputs, int[] labels, List<String> classNames);
}
