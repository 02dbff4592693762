/**
 * The {@code .lgc} file format (docs/FORMAT.md): {@link io.lgc.artifact.CompressedDataset} (metadata,
 * one Gaussian mixture per class, the decoder's layer list and weights) and
 * {@link io.lgc.artifact.ArtifactFile}, which writes it at a {@link io.lgc.artifact.Precision} and reads
 * it back checking every rule of the format. Reading needs no DJL: the decoder is a
 * {@link io.lgc.network.NetworkSpec} plus named tensors.
 *
 * <p>The bytes underneath (framing, header, sections, tensors, checksums) are the container,
 * {@code io.lgc.artifact.container}; this package gives its sections their meaning.
 *
 * <p>Handed out by the API ({@code io.lgc.api.Lgc}): {@code CompressedDataset},
 * {@code ArtifactMetadata}, {@code Precision}, {@code VerifiedArtifact}, {@code StoragePrecision},
 * {@code ArtifactFormatException}. The codecs of the mixtures, the decoder and the header are internal.
 */
package io.lgc.artifact;
