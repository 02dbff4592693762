package io.lgc.data;

/** One decoded image as uint8 planes, CHW, with 1 (gray) or 3 (RGB) channels. */
record DecodedImage(int channels, int height, int width, byte[] pixels) {
    DecodedImage {
        if (pixels.length != channels * height * width) {
            throw new IllegalArgumentException(pixels.length + " bytes for " + channels + "x" + height + "x" + width);
        }
    }

    ImageSize size() {
        return new ImageSize(width, height);
    }

    /** The same image with {@code target} channels: gray repeated as R, G, B, or RGB to luma. */
    DecodedImage withChannels(int target) {
        if (target == channels) {
            return this;
        }
        int area = height * width;
        if (channels == 1 && target == 3) {
            byte[] rgb = new byte[3 * area];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(pixels, 0, rgb, c * area, area);
            }
            return new DecodedImage(3, height, width, rgb);
        }
        if (channels == 3 && target == 1) {
            byte[] gray = new byte[area];
            for (int i = 0; i < area; i++) {
                int r = Byte.toUnsignedInt(pixels[i]);
                int g = Byte.toUnsignedInt(pixels[area + i]);
                int b = Byte.toUnsignedInt(pixels[2 * area + i]);
                // ITU-R BT.601 luma, in integers so that every platform rounds alike
                gray[i] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
            }
            return new DecodedImage(1, height, width, gray);
        }
        throw new IllegalArgumentException("cannot convert " + channels + " channels to " + target);
    }

    DecodedImage resizedTo(ImageSize size) {
        if (size.width() == width && size.height() == height) {
            return this;
        }
        byte[] resized = ImageResizer.resize(pixels, channels, height, width, size.height(), size.width());
        return new DecodedImage(channels, size.height(), size.width(), resized);
    }
}
