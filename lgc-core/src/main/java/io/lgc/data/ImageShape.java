package io.lgc.data;

/** Shape of one sample: channels × height × width, stored channel-major (CHW). */
public record ImageShape(int channels, int height, int width) implements SampleLayout {
    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    /** Number of values in one sample. */
    @Override
    public int size() {
        return channels * height * width;
    }

    @Override
    public long[] tensorShape() {
        return new long[] {channels, height, width};
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
