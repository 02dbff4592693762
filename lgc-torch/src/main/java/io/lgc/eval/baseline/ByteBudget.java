package io.lgc.eval.baseline;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.Dataset;

/**
 * How many real images per class a budget of bytes buys when each image is stored as raw uint8
 * pixels: {@code floor(bytes / (classes × pixels per image))}, the same number for every class.
 * Labels (one byte per image) are not charged: the budget compares pixels with pixels.
 */
public record ByteBudget(long bytes) {
    public ByteBudget {
        if (bytes <= 0) {
            throw new ParameterException(Parameter.BYTES, " must be positive, got " + bytes);
        }
    }

    /** Images per class for this dataset's classes and image size; refuses budgets below one each. */
    public int perClass(Dataset dataset) {
        long pixels = dataset.shape().size();
        long oneEach = pixels * dataset.numClasses();
        if (bytes < oneEach) {
            throw new ParameterException(Parameter.BYTES, " " + bytes + " buys less than one image per class: "
                    + dataset.numClasses() + " classes of " + pixels + "-byte images need at least " + oneEach
                    + " bytes");
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes / oneEach);
    }
}
