package io.lgc.artifact.container;

import io.lgc.output.Temporaries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Replaces a file all at once: the bytes go to a temporary file in the target's directory, are
 * forced to disk, and the temporary file is renamed over the target. Readers see the old file
 * or the complete new one, never a prefix; on any failure the temporary file is removed.
 */
public final class AtomicFiles {
    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, List.of(ByteBuffer.wrap(content)));
    }

    static void write(Path target, List<ByteBuffer> parts) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = createTemp(absolute);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                for (ByteBuffer part : parts) {
                    ByteBuffer view = part.duplicate();
                    while (view.hasRemaining()) {
                        channel.write(view);
                    }
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            Temporaries.release(temp);
        }
        syncDirectory(absolute.getParent());
    }

    /**
     * A new, hidden file next to the target ({@link Temporaries}), deleted if the JVM shuts down
     * before it is renamed. Not Files.createTempFile: that creates it with mode 0600, which the
     * rename would hand on to the artifact; this one gets the usual umask mode.
     */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = Temporaries.sibling(target);
            Temporaries.register(temp);
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                Temporaries.release(temp);
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                Temporaries.release(temp);
                throw e;
            }
        }
    }

    /** Makes the rename itself durable. Best effort: some platforms cannot open a directory. */
    private static void syncDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the file content is already durable; only the directory entry may lag
        }
    }
}
