package io.lgc.network;

import java.util.Arrays;

/** An encoder and the decoder that inverts it; the latent sizes must agree. */
public record AutoencoderSpec(NetworkSpec encoder, NetworkSpec decoder) {
    public AutoencoderSpec {
        long[] latent = encoder.outputShape();
        if (!Arrays.equals(latent, decoder.inputShape())) {
            throw new IllegalArgumentException("encoder yields " + Arrays.toString(latent)
                    + " but decoder takes " + Arrays.toString(decoder.inputShape()));
        }
        if (!Arrays.equals(encoder.inputShape(), decoder.outputShape())) {
            throw new IllegalArgumentException("decoder output does not match encoder input");
        }
    }

    public int latentDim() {
        return (int) decoder.inputShape()[0];
    }
}
