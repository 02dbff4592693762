/**
 * Descriptions of networks as data: layer lists ({@link io.lgc.network.NetworkSpec}, {@link io.lgc.network.Layer})
 * and the architectures LGC builds from them. The file format stores a decoder this way; running one
 * is the torch module's business, so this package has no DJL.
 *
 * <p>{@code NetworkSpec} and {@code Layer} reach an API caller through an artifact's metadata;
 * {@code Architectures} and {@code AutoencoderSpec} are internal.
 */
package io.lgc.network;
