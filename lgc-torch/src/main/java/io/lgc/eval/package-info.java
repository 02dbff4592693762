/**
 * How much a training set is worth: a classifier trained only on it, tested on real data
 * ({@code Evaluator}, under the fast protocol or the dataset-distillation ConvNet protocol,
 * {@link io.lgc.eval.Protocol}), repeated over seeds. Internal: used by {@code lgc evaluate}, the
 * sweep and the demo; results are {@link io.lgc.eval.EvaluationResult}.
 */
package io.lgc.eval;
