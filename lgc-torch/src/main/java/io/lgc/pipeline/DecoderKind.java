package io.lgc.pipeline;

import io.lgc.InputException;
import java.util.Locale;

/** How the latent space is learned: a trained autoencoder, or a PCA basis (the linear baseline). */
public enum DecoderKind {
    AUTOENCODER,
    PCA;

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
