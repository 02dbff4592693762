/**
 * Where lgc writes: the one policy every command's outputs follow ({@link io.lgc.output.OutputTarget}),
 * the hidden temporaries outputs are built in ({@link io.lgc.output.Temporaries}) and directories
 * published as one unit ({@link io.lgc.output.PendingDirectory}). Used by the writers of every
 * stage; depends on none of them.
 *
 * <p>Internal: {@code io.lgc.api.Lgc.write} applies the policy for a library caller.
 */
package io.lgc.output;
