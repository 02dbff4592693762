/**
 * What every stage shares: {@link io.lgc.InputException} (an error about the caller's data, files or
 * parameters, whose message names them; the command line prints it as one line and exits 2) and
 * {@link io.lgc.Progress} (where long work reports how far it has got: silent, a terminal, or the
 * caller's own implementation). Both are part of the library's API ({@code io.lgc.api.Lgc}).
 *
 * <p>Internal, with no compatibility promise: {@code InputFiles} (the one guarded opener of user
 * files), {@code Numbers} and {@code TerminalProgress}.
 */
package io.lgc;
