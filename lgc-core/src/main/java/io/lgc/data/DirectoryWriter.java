package io.lgc.data;

import io.lgc.output.PendingDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Publishes what a format's writer writes as one directory: the writer fills a hidden temporary
 * directory beside DIR, which is renamed onto DIR on commit, so a reader finds the whole dataset or
 * none of it. Closing without a commit, or a failed one, removes the temporary.
 */
final class DirectoryWriter implements DatasetWriter {
    private final DatasetWriter inner;
    private final PendingDirectory pending;
    /** DIR as the caller named it, so that the paths returned are spelt the same way. */
    private final Path dir;

    DirectoryWriter(DatasetWriter inner, PendingDirectory pending, Path dir) {
        this.inner = inner;
        this.pending = pending;
        this.dir = dir;
    }

    @Override
    public void write(byte[] pixels, int[] labels) throws IOException {
        inner.write(pixels, labels);
    }

    @Override
    public void writeRows(float[] values, int[] labels) throws IOException {
        inner.writeRows(values, labels);
    }

    @Override
    public List<Path> commit() throws IOException {
        try {
            List<Path> files = inner.commit();
            pending.commit();
            return files.stream().map(f -> dir.resolve(pending.temp().relativize(f))).toList();
        } finally {
            pending.discard();
        }
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            pending.discard();
        }
    }
}
