package io.lgc.data;

/** The content of an IDX images file: {@code count} samples of {@code shape}, one after the other. */
public record IdxImages(byte[] pixels, int count, ImageShape shape) {}
