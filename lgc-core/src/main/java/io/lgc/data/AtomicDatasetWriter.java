package io.lgc.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The lifecycle every {@link DatasetWriter} shares: open until committed or aborted; a commit of
 * fewer samples than announced, a failed commit and a close without commit all discard what was
 * written, so nothing partial is left. Subclasses write their format and say how to publish and
 * how to discard.
 */
abstract class AtomicDatasetWriter implements DatasetWriter {
    private boolean finished;

    /** Whether every announced sample was written. */
    abstract boolean complete();

    /** Why a commit of an incomplete output fails. */
    abstract RuntimeException incomplete();

    /** Finishes the temporary output and moves it into place; returns the files written. */
    abstract List<Path> publish() throws IOException;

    /** Removes the temporary output and releases what the writer holds. */
    abstract void discard();

    @Override
    public final List<Path> commit() throws IOException {
        requireOpen();
        if (!complete()) {
            abort();
            throw incomplete();
        }
        finished = true;
        try {
            return publish();
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** Discards the output unless {@link #commit()} succeeded. */
    @Override
    public final void close() {
        if (!finished) {
            abort();
        }
    }

    /** Ends the writer without output: after a failed write, or an incomplete commit. */
    final void abort() {
        finished = true;
        discard();
    }

    final void requireOpen() {
        if (finished) {
            throw new IllegalStateException("writer already committed or aborted");
        }
    }
}
