package io.lgc.data;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Width and height of an image, written WxH as on the command line ("32x32"). */
public record ImageSize(int width, int height) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,6})[xX](\\d{1,6})");
    /**
     * The most pixels a size asked for may have (1024x1024): every sample of the dataset is held
     * in memory at that size, and a decoder for larger samples would not be readable (see
     * docs/FORMAT.md, reader limits).
     */
    public static final long MAX_REQUESTED_PIXELS = 1 << 20;

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }

    /** Parses "WxH", such as "28x28". */
    public static ImageSize parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
            throw new ParameterException(Parameter.SIZE, " must be WIDTHxHEIGHT with positive numbers, like 32x32,"
                    + " got '" + text + "'");
        }
        ImageSize size = new ImageSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (size.pixels() > MAX_REQUESTED_PIXELS) {
            throw new InputException("image size " + size + " is " + size.pixels() + " pixels per image; at most "
                    + MAX_REQUESTED_PIXELS + " (1024x1024) are allowed");
        }
        return size;
    }

    long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
