package io.lgc.model;

import io.lgc.InputException;

/**
 * The checks of the options that shape compression's networks: {@code --width} and {@code --stem}, shared by
 * {@code lgc compress} and {@code lgc-spark compress} so that both refuse the same values in the same words,
 * under the option the user typed, before any work, and {@code --teacher-width}.
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

    /** {@code --teacher-width W}: a multiple of 16 up to {@link FeatureMatching#MAX_TEACHER_WIDTH}; null passes. */
    public static void requireTeacherWidth(Integer width) {
        if (width != null && !FeatureMatching.validTeacherWidth(width)) {
            throw new InputException("--teacher-width must be a multiple of 16 from 16 to "
                    + FeatureMatching.MAX_TEACHER_WIDTH + ", got " + width);
        }
    }

    /** {@code --stem C}: 1 to {@link AutoencoderConfig#MAX_STEM}; null (not given) passes. */
    public static void requireStem(Integer stem) {
        if (stem != null && !(stem >= 1 && stem <= AutoencoderConfig.MAX_STEM)) {
            throw new InputException("--stem must be 1 to " + AutoencoderConfig.MAX_STEM + ", got " + stem);
        }
    }
}
