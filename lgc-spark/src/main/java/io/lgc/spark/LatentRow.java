package io.lgc.spark;

import java.io.Serializable;

/** One record's latent vector and the index of its class, as the distributed fit reads them. */
public record LatentRow(int label, double[] latent) implements Serializable {
}
