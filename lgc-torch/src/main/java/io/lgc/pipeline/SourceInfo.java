package io.lgc.pipeline;

/**
 * Where the compressed data came from, for provenance and size comparisons.
 *
 * @param format the input format's name (idx, folder, cifar, npz, csv): a reconstruction defaults to it
 * @param sha256 digest of the source files' bytes, concatenated in order (hex)
 * @param fileBytes size of the source files as they sit on disk (gzip'd, for Fashion-MNIST)
 */
public record SourceInfo(String name, String format, String sha256, long fileBytes) {
}
