/**
 * The {@code lgc} command line (picocli): one class per command, the option checks, one-line errors
 * and exit codes. Internal: an application on top of the library, not an API.
 */
package io.lgc.cli;
