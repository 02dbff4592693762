package io.lgc.report;

import io.lgc.data.ImageShape;
import java.awt.image.BufferedImage;

/**
 * A row of samples as one picture, each upscaled by an integer factor with nearest-neighbour
 * pixels, so a 28×28 image stays sharp and readable on a screen.
 */
final class SampleStrip {
    static final int GAP = 2;
    private static final int BACKGROUND = 0xffffff;
    /** Target displayed size of one sample; 28-pixel images are shown at ×2 or ×3. */
    private static final int TARGET_PIXELS = 64;

    private SampleStrip() {
    }

    /** The integer upscaling factor for samples of this shape (1 to 8). */
    static int scale(ImageShape shape) {
        int side = Math.max(shape.height(), shape.width());
        return Math.max(1, Math.min(8, Math.round(TARGET_PIXELS / (float) side)));
    }

    /**
     * @param pixels {@code count} uint8 CHW samples one after the other; 3 channels are read as RGB,
     *     any other number shows the first channel in grey
     */
    static BufferedImage render(byte[] pixels, int count, ImageShape shape, int scale) {
        if (count < 1) {
            throw new IllegalArgumentException("nothing to draw");
        }
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        BufferedImage out = new BufferedImage(count * w * scale + (count - 1) * GAP, h * scale,
                BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < out.getWidth(); x++) {
            for (int y = 0; y < out.getHeight(); y++) {
                out.setRGB(x, y, BACKGROUND);
            }
        }
        for (int s = 0; s < count; s++) {
            int base = s * shape.size();
            int left = s * (w * scale + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = base + y * w + x;
                    int rgb;
                    if (shape.channels() == 3) {
                        rgb = (pixels[i] & 0xff) << 16 | (pixels[i + plane] & 0xff) << 8 | (pixels[i + 2 * plane] & 0xff);
                    } else {
                        int v = pixels[i] & 0xff;
                        rgb = v << 16 | v << 8 | v;
                    }
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            out.setRGB(left + x * scale + dx, y * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        return out;
    }
}
