/**
 * The container under an {@code .lgc} file (docs/FORMAT.md, "Container"): framing with a magic and a
 * version, a canonical JSON header, named sections of safetensors-encoded tensors, optional deflate,
 * and checksums over all of it. It knows nothing of mixtures or decoders; {@code io.lgc.artifact}
 * gives the sections their meaning.
 *
 * <p>{@link io.lgc.artifact.container.ContainerReader} refuses anything the format does not allow
 * with a {@link io.lgc.artifact.container.ContainerFormatException} naming the file;
 * {@link io.lgc.artifact.container.ContainerWriter} writes atomically. The reports of what was written
 * or read ({@link io.lgc.artifact.container.WriteReport}, {@link io.lgc.artifact.container.VerifyReport},
 * both {@link io.lgc.artifact.container.PartSizes}) are handed out by the API; the rest is internal.
 */
package io.lgc.artifact.container;
