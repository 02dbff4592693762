package io.lgc.artifact;

import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.SampleLayout;
import java.util.List;
import java.util.Objects;

/** Decoder outputs are images of {@code shape}, mapped to uint8 pixels by {@code scaling}. */
public record ImageFormat(ImageShape shape, PixelScaling scaling) implements SampleFormat {
    public static final String KIND = "images";

    public ImageFormat {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(scaling, "scaling");
    }

    @Override
    public SampleLayout layout() {
        return shape;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Dataset samples(float[] outputs, int[] labels, List<String> classNames) {
        byte[] pixels = new byte[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            pixels[i] = scaling.toUint8(outputs[i]);
        }
        return new Dataset(pixels, labels, classNames, shape);
    }
}
