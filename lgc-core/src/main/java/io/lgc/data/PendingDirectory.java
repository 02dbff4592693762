package io.lgc.data;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A directory built under a hidden temporary name beside its target and renamed onto it when
 * complete. An existing target is first renamed aside and deleted once the new one is in place, so
 * readers see the old directory or the new one, never a mix.
 */
final class PendingDirectory {
    final Path target;
    final Path temp;
    private boolean done;

    private PendingDirectory(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    static PendingDirectory create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("cannot replace the root directory " + target);
        }
        Files.createDirectories(parent);
        // Beside the target, so the rename stays on one file system and can be atomic.
        Path temp = parent.resolve(PendingFile.hiddenTemporaryName(absolute));
        Files.createDirectory(temp);
        return new PendingDirectory(absolute, temp);
    }

    /** Renames the temporary onto the target, replacing what was there. */
    void commit() throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return;
        }
        Path old = target.resolveSibling(PendingFile.hiddenTemporaryName(target) + ".old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous output back
            throw e;
        }
        done = true;
        deleteQuietly(old);
    }

    /** Deletes the temporary unless committed; best effort, as we are already failing. */
    void discard() {
        if (!done) {
            done = true;
            deleteQuietly(temp);
        }
    }

    /** Deletes a tree, leaving what cannot be deleted: it is hidden and never mistaken for output. */
    static void deleteQuietly(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // see above
        }
    }
}
