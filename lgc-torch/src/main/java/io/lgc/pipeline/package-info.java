/**
 * Compression, end to end: data, then autoencoder, then latents, then one mixture per class, then
 * the artifact ({@code Compressor}).
 *
 * <p>{@link io.lgc.pipeline.CompressionConfig} is part of the API: {@code CompressionConfig.defaultsFor(data,
 * seed)} holds the defaults the command line, the sweep and the demo all use, and its {@code with...}
 * methods change one setting. {@code Compressor}, {@code ClassMixtures} and the result records are
 * internal ({@code io.lgc.api.Lgc.compress} is their front).
 */
package io.lgc.pipeline;
