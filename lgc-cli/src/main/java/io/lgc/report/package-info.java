/**
 * An HTML report on an .lgc artifact, for people who look rather than read.
 *
 * <p>{@link io.lgc.report.ReportWriter#write} turns {@link io.lgc.report.ReportInputs} into
 * {@code DIR/index.html} with its pictures as PNG files beside it (not inlined): each picture can
 * be opened, copied into slides or diffed on its own, and the page stays small enough to read as
 * text. The page uses nothing from outside DIR. How an existing DIR is replaced is described in
 * {@link io.lgc.report.ReportDirectory}.
 *
 * <p>From {@code lgc compress … --report DIR}, with the real latents at hand:
 * <pre>
 * ReportWriter.write(dir, ReportInputs.builder(result.dataset())
 *         .artifactName(output.getFileName().toString())
 *         .partSizes(writeReport)                       // what ArtifactFile.write returned
 *         .realData(source.dataset(), source.displayName())
 *         .realLatents(latents, source.dataset().labels()) // the encoder's outputs, one row per sample
 *         .seed(seed)
 *         .build());
 * </pre>
 *
 * <p>Internal to the command line ({@code lgc report}, {@code compress --report}).
 */
package io.lgc.report;
