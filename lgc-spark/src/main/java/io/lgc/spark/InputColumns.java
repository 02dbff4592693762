package io.lgc.spark;

import io.lgc.InputException;
import io.lgc.data.ImageShape;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a Spark table hold what: the label, and either one image column (binary PNG or
 * JPEG bytes, or a fixed-size array of pixel values 0–255 in CHW order) or numeric feature columns.
 *
 * @param label    the label column (any type; its values, as text, are the class names)
 * @param image    the image column, or null for a table of features
 * @param features the feature columns; empty means every numeric column but the label
 * @param shape    the image shape of a pixel array (null: a square gray image); ignored for bytes,
 *                 whose shape is that of the first image in the training sample
 */
public record InputColumns(String label, String image, List<String> features, ImageShape shape) {
    public InputColumns {
        Objects.requireNonNull(label, "label");
        features = List.copyOf(features);
        if (image != null && !features.isEmpty()) {
            throw new InputException("give an image column or feature columns, not both");
        }
    }

    /** A label and an image column. */
    public static InputColumns images(String label, String image) {
        return new InputColumns(label, image, List.of(), null);
    }

    /** A label and feature columns (none: every numeric column but the label). */
    public static InputColumns features(String label, List<String> features) {
        return new InputColumns(label, null, features, null);
    }
}
