/**
 * Sampling and decoding: latents drawn from each class's mixture ({@link io.lgc.synth.SamplingPlan}: how
 * many per class, seed, spread), decoded in batches ({@link io.lgc.synth.SampleBatches}), written as
 * a dataset ({@link io.lgc.synth.DatasetExport}) or served to DJL training without files
 * ({@link io.lgc.synth.LgcDataset}). One artifact and one seed give byte-identical samples.
 *
 * <p>{@code SamplingPlan}, {@code SampleBatches}, {@code LgcDataset} and {@code DatasetExport} are handed
 * out by the API; the rest ({@code Reconstructor}, {@code LatentDraws}, sinks) is internal.
 */
package io.lgc.synth;
