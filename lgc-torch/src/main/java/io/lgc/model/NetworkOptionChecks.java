package io.lgc.model;

import io.lgc.InputException;

/**
 * The checks of {@code --width} and {@code --stem}, which shape the convolutional autoencoder, shared by
 * {@code lgc compress} and {@code lgc-spark compress} so that both refuse the same values in the same words,
 * under the option the user typed, before any work.
 */
public final class NetworkOptionChecks {
    private NetworkOptionChecks() {
    }

    /** {@code --width W}: a positive multiple of 16; null (not given) passes. */
    public static void requireWidth(Integer width) {
        if (width != null && (width <= 0 || width % 16 != 0)) {
            throw new InputException("--width must be a positive multiple of 16, got " + width);
        }
    }

    /** {@code --stem C}: 1 to {@link AutoencoderConfig#MAX_STEM}; null (not given) passes. */
    public static void requireStem(Integer stem) {
        if (stem != null && !(stem >= 1 && stem <= AutoencoderConfig.MAX_STEM)) {
            throw new InputException("--stem must be 1 to " + AutoencoderConfig.MAX_STEM + ", got " + stem);
        }
    }
}
