package io.lgc.model;

import io.lgc.network.Architectures;
import io.lgc.network.AutoencoderSpec;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.ImageShape;
import io.lgc.data.SampleLayout;
import io.lgc.data.TableColumns;
import java.util.Locale;

/** Which autoencoder to train: {@code lgc compress --model auto|conv|dense}. */
public enum AutoencoderKind {
    /** Convolutional for images, dense for tables. */
    AUTO,
    /** {@link Architectures#convAutoencoder}: images only. */
    CONV,
    /** {@link Architectures#denseAutoencoder}: tables, and images flattened to a vector. */
    DENSE;

    /** The name on the command line and in the provenance. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AutoencoderKind parse(String name) {
        for (AutoencoderKind kind : values()) {
            if (kind.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new ParameterException(Parameter.MODEL, " must be auto, conv or dense, got '" + name + "'");
    }

    /** The kind {@link #AUTO} stands for with this data; CONV for a table is an {@link InputException}. */
    public AutoencoderKind resolve(SampleLayout layout) {
        boolean table = layout instanceof TableColumns;
        if (this == AUTO) {
            return table ? DENSE : CONV;
        }
        if (this == CONV && table) {
            throw new ParameterException(Parameter.MODEL, " conv needs images; a table (" + layout + ") trains the"
                    + " dense autoencoder (", Parameter.MODEL, " dense or auto)");
        }
        return this;
    }

    /** The network of this kind for the data's layout. */
    public AutoencoderSpec spec(SampleLayout layout, int latentDim, int width) {
        return spec(layout, latentDim, width, Architectures.NO_STEM);
    }

    /** The network of this kind with a convolutional decoder's stem (ignored by the dense network). */
    public AutoencoderSpec spec(SampleLayout layout, int latentDim, int width, int stem) {
        return switch (resolve(layout)) {
            case CONV -> Architectures.convAutoencoder((ImageShape) layout, latentDim, width, stem);
            case DENSE -> Architectures.denseAutoencoder(layout, latentDim);
            case AUTO -> throw new IllegalStateException("resolve never returns AUTO");
        };
    }
}
