package io.lgc.pipeline;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import io.lgc.model.PcaCodec;
import java.util.Locale;

/** How the latent space is learned: a trained autoencoder, or a PCA basis (the linear baseline). */
public enum DecoderKind {
    AUTOENCODER,
    PCA;

    /**
     * Below this many images {@link #auto} takes the PCA basis: an autoencoder trained for the
     * default epochs on so few images decodes worse than a basis fitted to them exactly
     * (bench/small-data.sh, README "Small and tiny-image datasets").
     */
    public static final int PCA_BELOW_IMAGES = 2_000;

    /**
     * The decoder {@code lgc compress} takes unless told: the PCA basis for images fewer than
     * {@link #PCA_BELOW_IMAGES} whose samples it can hold ({@link PcaCodec#MAX_VALUES} values at most),
     * else the autoencoder (always for a table, which has no basis).
     */
    public static DecoderKind auto(LabelledData data) {
        return data instanceof Dataset images && images.size() < PCA_BELOW_IMAGES
                && images.shape().size() <= PcaCodec.MAX_VALUES ? PCA : AUTOENCODER;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InputException for anything but "autoencoder" or "pca" */
    public static DecoderKind parse(String text) {
        for (DecoderKind kind : values()) {
            if (kind.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new InputException("unknown decoder '" + text + "': expected autoencoder or pca");
    }
}
