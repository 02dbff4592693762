/**
 * {@code lgc sweep}: accuracy against artifact size over a grid of settings, with baselines at the
 * same bytes, resumable, written as JSON and Markdown. Internal to the command line.
 */
package io.lgc.sweep;
