package io.lgc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way LGC opens a file the user named for reading. It must be a regular file (symbolic
 * links are followed): a device such as {@code /dev/zero} never ends, and opening a FIFO blocks
 * until someone writes to it, so both are refused from their attributes alone, before anything is
 * opened. What is read is capped at the size the file had when checked, so a file that grows while
 * it is read cannot make a reader buffer without bound.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The size of a regular file; otherwise an {@link InputException} naming the path and what it
     * is instead (missing, a directory, a FIFO, a device, a dangling or looping link).
     */
    public static long requireRegularFile(Path path) {
        BasicFileAttributes attributes = attributes(path);
        if (!attributes.isRegularFile()) {
            throw new InputException(path + ": " + kind(path, attributes) + ", not a regular file");
        }
        return attributes.size();
    }

    /**
     * Whether anything, even a dangling link or a FIFO, has this name: an optional input that is
     * there must then be readable, and is refused by {@link #open} if it is not a regular file,
     * rather than silently taken as absent.
     */
    public static boolean isPresent(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** An {@link InputException} unless the path is a directory (links followed). */
    public static void requireDirectory(Path path) {
        BasicFileAttributes attributes = attributes(path);
        if (!attributes.isDirectory()) {
            throw new InputException(path + ": " + kind(path, attributes) + ", not a directory");
        }
    }

    /** Why the path cannot be read as a regular file, or null when it can (for skipping, not failing). */
    public static String problem(Path path) {
        try {
            requireRegularFile(path);
            return null;
        } catch (InputException e) {
            String message = e.getMessage();
            String prefix = path + ": ";
            return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        }
    }

    /**
     * Opens a regular file; the stream ends with an {@link IOException} if the file yields more
     * bytes than it held when it was checked.
     */
    public static InputStream open(Path path) {
        long size = requireRegularFile(path);
        try {
            return new CappedStream(Files.newInputStream(path), size, path);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /**
     * The whole of a regular file of at most {@code maxBytes} bytes; {@code what} names the kind of
     * file in the message that refuses a larger one ("a classes.txt").
     */
    public static byte[] readAll(Path path, long maxBytes, String what) {
        long size = requireRegularFile(path);
        if (size > maxBytes) {
            throw new InputException(path + ": " + size + " bytes; " + what + " may take at most " + maxBytes);
        }
        try (InputStream in = open(path)) {
            byte[] bytes = new byte[(int) size]; // filled in place: no growing copies of a big file
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n < bytes.length) {
                throw new InputException(path + ": shrank while being read (" + size + " bytes, then " + n + ")");
            }
            if (in.read() >= 0) {
                throw new InputException(path + ": grew while being read (it had " + size + " bytes)");
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The exception for an I/O failure while reading {@code path}, in the user's words. */
    public static InputException unreadable(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(path + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(path + ": permission denied", e);
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new InputException(path + ": cannot read (" + reason + ")", e);
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(path)) {
                throw new InputException(path + ": dangling symbolic link (its target " + linkTarget(path)
                        + " does not exist)", e);
            }
            throw new InputException(path + ": no such file", e);
        } catch (IOException e) {
            if (Files.isSymbolicLink(path) && isLinkLoop(e)) {
                throw new InputException(path + ": symbolic link loop (the links never reach a file)", e);
            }
            throw unreadable(path, e);
        }
    }

    private static boolean isLinkLoop(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null
                && f.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links");
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    /** What a path that is not a regular file is, from its Unix mode where the platform has one. */
    private static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
            switch (type) {
                case 0010000: return "a FIFO (named pipe)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // No Unix attributes on this platform: say what is known.
        }
        return "a special file";
    }

    /** Refuses to deliver more than {@code size} bytes: the file grew, or is not what its size said. */
    private static final class CappedStream extends FilterInputStream {
        private final long size;
        private final Path path;
        private long delivered;

        CappedStream(InputStream in, long size, Path path) {
            super(in);
            this.size = size;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            delivered += skipped; // a skip past the end reads nothing, so it is no growth
            return skipped;
        }

        private void count(long n) throws IOException {
            delivered += n;
            if (delivered > size) {
                throw new IOException(path + " grew while being read (it had " + size + " bytes)");
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
