/**
 * The baselines LGC is measured against at equal bytes: real subsets chosen at random, by herding or
 * by k-center greedy, sized by a byte budget. Internal: used by {@code lgc baseline} and the sweep.
 */
package io.lgc.eval.baseline;
