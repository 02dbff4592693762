package io.lgc.data;

import io.lgc.InputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Width and height of an image, written WxH as on the command line ("32x32"). */
public record ImageSize(int width, int height) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,6})[xX](\\d{1,6})");

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }

    /** Parses "WxH", such as "28x28". */
    public static ImageSize parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
            throw new InputException("--size must be WIDTHxHEIGHT with positive numbers, like 32x32, got '" + text + "'");
        }
        return new ImageSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
