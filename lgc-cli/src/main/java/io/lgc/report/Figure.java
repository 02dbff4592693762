package io.lgc.report;

/**
 * A picture written beside the page.
 *
 * @param file name relative to the report directory
 * @param alt what the picture shows, for readers who cannot see it
 * @param pixelArt an upscaled image grid, to be scaled without smoothing
 */
record Figure(String file, String alt, String caption, int width, int height, boolean pixelArt) {
}
