/**
 * The entry point for using LGC as a library: {@link io.lgc.api.Lgc}. The types it hands out live
 * in the packages of their stage ({@code data}, {@code artifact}, {@code synth}, {@code pipeline}).
 */
package io.lgc.api;
