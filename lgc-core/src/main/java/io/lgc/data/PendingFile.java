package io.lgc.data;

import io.lgc.output.Temporaries;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * A file written to a hidden temporary beside its target, then renamed onto it, so that no reader
 * ever sees it half-written. Shared by the writers of this package.
 */
final class PendingFile {
    private static final int BUFFER = 1 << 16;

    final Path target;
    final Path temp;
    private final FileChannel channel;
    /** Where the content goes: gzip'd or buffered, flushed and forced to disk by {@link #finish()}. */
    final OutputStream out;
    private boolean moved;

    private PendingFile(Path target, Path temp, FileChannel channel, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.out = out;
    }

    static PendingFile gzip(Path target) throws IOException {
        return create(target, true);
    }

    static PendingFile plain(Path target) throws IOException {
        return create(target, false);
    }

    private static PendingFile create(Path target, boolean gzip) throws IOException {
        // Same directory, so the rename stays on one file system and can be atomic. Not
        // Files.createTempFile: its owner-only permissions would carry over to the output.
        Path temp = Temporaries.sibling(target);
        Temporaries.register(temp);
        FileChannel channel;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            Temporaries.release(temp);
            throw e;
        }
        try {
            OutputStream raw = Channels.newOutputStream(channel);
            return new PendingFile(target, temp, channel,
                    gzip ? new GZIPOutputStream(raw, BUFFER) : new BufferedOutputStream(raw, BUFFER));
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temp);
            Temporaries.release(temp);
            throw e;
        }
    }

    /** Completes the content and forces it to disk; the file is still the temporary. */
    void finish() throws IOException {
        if (out instanceof GZIPOutputStream gzip) {
            gzip.finish();
        }
        out.flush();
        channel.force(true); // on disk before the rename makes it visible
        out.close();
    }

    void moveIntoPlace() throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        moved = true;
        Temporaries.release(temp);
    }

    /** Best effort: we are already failing or aborting, and the temporary is hidden. */
    void discard() {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // closing only to release the deflater and the file handle
        }
        try {
            channel.close(); // closing the stream may have failed before it reached the file (a full disk)
        } catch (IOException e) {
            // the handle is released all the same
        }
        if (!moved) {
            Temporaries.deleteTree(temp); // best effort: a hidden leftover is never mistaken for output
            Temporaries.release(temp);
        }
    }
}
