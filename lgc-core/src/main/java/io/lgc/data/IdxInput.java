package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file opened for reading, gzip'd or plain (told apart by its first two bytes, not by its
 * name). Every problem becomes an {@link InputException} that starts with the file's path.
 *
 * <p>A header is only a claim: before allocating the body this checks the declared size against
 * what the file can hold, so a forged header cannot make us allocate gigabytes.
 */
final class IdxInput implements Closeable {
    /** The most a Java byte array can hold; no IDX body may declare more. */
    static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 8;
    /** Deflate expands data at most about 1032:1, so a gzip file of n bytes holds at most 1032·n. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    /** First allocation for a gzip'd body, which grows only as data actually arrives. */
    private static final int FIRST_CHUNK = 64 << 20;
    /** Trailing garbage is counted up to this many bytes, then reported as "more than". */
    private static final int TRAILING_COUNT_LIMIT = 1 << 20;
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final InputStream in;
    private final boolean gzipped;
    private final long fileSize;
    private long headerBytes;

    private IdxInput(Path path, InputStream in, boolean gzipped, long fileSize) {
        this.path = path;
        this.in = in;
        this.gzipped = gzipped;
        this.fileSize = fileSize;
    }

    static IdxInput open(Path path) {
        if (Files.isDirectory(path)) {
            throw new InputException(path + ": is a directory, expected an IDX file");
        }
        try {
            long size = InputFiles.requireRegularFile(path);
            if (size == 0) {
                throw new InputException(path + ": empty file");
            }
            InputStream file = new BufferedInputStream(InputFiles.open(path), BUFFER);
            try {
                boolean gzipped = startsWithGzipMagic(file);
                InputStream in = gzipped ? new GZIPInputStream(file, BUFFER) : file;
                return new IdxInput(path, in, gzipped, size);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        } catch (EOFException e) {
            throw new InputException(path + ": truncated gzip header", e);
        } catch (ZipException e) {
            throw new InputException(path + ": corrupt gzip header (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InputException(path + ": cannot read (" + e + ")", e);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    Path path() {
        return path;
    }

    /**
     * Reads the magic number, which must be one of {@code accepted}, and the dimensions it announces,
     * each of which must be positive.
     */
    int[] readHeader(String expected, int... accepted) {
        byte[] magicBytes = readUpTo(4);
        if (magicBytes.length == 0) {
            throw problem(gzipped ? "empty (the gzip stream holds no data)" : "empty file");
        }
        if (magicBytes.length < 4) {
            throw problem("truncated header: " + magicBytes.length
                    + " bytes, too short for an IDX magic number");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        if (Arrays.stream(accepted).noneMatch(m -> m == magic)) {
            throw problem("bad magic " + IdxMagic.describe(magic) + ", expected " + expected);
        }
        int rank = IdxMagic.dimensions(magic);
        byte[] dimBytes = readUpTo(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw problem("truncated header: " + (4 + dimBytes.length) + " bytes, an IDX" + rank
                    + " header has " + (4 + 4 * rank));
        }
        int[] dims = new int[rank];
        ByteBuffer.wrap(dimBytes).asIntBuffer().get(dims);
        if (Arrays.stream(dims).anyMatch(d -> d <= 0)) {
            throw problem("header declares dimensions " + joined(dims) + "; each must be positive");
        }
        headerBytes = 4 + 4L * rank;
        return dims;
    }

    /** The number of body bytes the dimensions declare, refusing sizes no array can hold. */
    long bodyBytes(int[] dims) {
        long product = 1;
        for (int d : dims) {
            if (product > MAX_BODY_BYTES / d) {
                throw problem("header declares dimensions " + joined(dims) + ", more than the "
                        + MAX_BODY_BYTES + " bytes a dataset can hold");
            }
            product *= d;
        }
        return product;
    }

    /**
     * Reads the body of {@code bytes} bytes; {@code what} says in words what the header declared
     * ("100 images of 28x28"), for messages.
     */
    byte[] readBody(long bytes, String what) {
        requireRoomFor(bytes, what);
        byte[] body = new byte[(int) Math.min(bytes, gzipped ? FIRST_CHUNK : bytes)];
        int filled = 0;
        try {
            while (filled < bytes) {
                if (filled == body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(bytes, 2L * body.length));
                }
                int n = in.read(body, filled, body.length - filled);
                if (n < 0) {
                    throw truncated(bytes, what, filled, "");
                }
                filled += n;
            }
        } catch (EOFException e) {
            throw truncated(bytes, what, filled, " (the gzip stream ends abruptly)");
        } catch (ZipException e) {
            throw problem("corrupt gzip data after " + filled + " bytes (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw problem("cannot read (" + e + ")");
        }
        return body;
    }

    /**
     * Fails when anything follows the declared body. Bytes after the end of a gzip stream itself
     * are not seen here: {@link GZIPInputStream} skips them, as {@code gzip -d} does with a warning;
     * the checksum has by then vouched for every byte of the data.
     */
    void requireEnd(String what) {
        long extra = 0;
        byte[] scratch = new byte[BUFFER];
        try {
            int n;
            while (extra <= TRAILING_COUNT_LIMIT && (n = in.read(scratch)) > 0) {
                extra += n;
            }
        } catch (EOFException e) {
            // The gzip trailer (checksum and length) is missing or cut short.
            throw problem("truncated: the gzip stream ends abruptly after the " + what);
        } catch (ZipException e) {
            throw problem("corrupt gzip data after the " + what + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw problem("cannot read (" + e + ")");
        }
        if (extra > 0) {
            throw trailing(extra > TRAILING_COUNT_LIMIT ? "more than " + TRAILING_COUNT_LIMIT : "" + extra,
                    what);
        }
    }

    /** Checks the declared size against the file before allocating anything for it. */
    private void requireRoomFor(long bytes, String what) {
        if (!gzipped) {
            long available = fileSize - headerBytes;
            if (available < bytes) {
                throw truncated(bytes, what, available, "");
            }
            if (available > bytes) {
                throw trailing("" + (available - bytes), what);
            }
        } else if (bytes > fileSize * MAX_DEFLATE_RATIO) {
            throw problem("truncated: header declares " + what + " (" + bytes + " bytes), but a gzip file of "
                    + fileSize + " bytes cannot hold more than " + fileSize * MAX_DEFLATE_RATIO);
        }
    }

    private InputException truncated(long declared, String what, long present, String note) {
        return problem("truncated: header declares " + what + " (" + declared + " bytes), but only "
                + present + " bytes follow the header" + note);
    }

    private InputException trailing(String extraBytes, String what) {
        return problem("trailing garbage: " + extraBytes + " bytes after the " + what
                + " the header declares");
    }

    InputException problem(String message) {
        return new InputException(path + ": " + message);
    }

    private byte[] readUpTo(int n) {
        try {
            return in.readNBytes(n);
        } catch (EOFException e) {
            throw problem("truncated gzip data in the header");
        } catch (IOException e) {
            throw problem((e instanceof ZipException ? "corrupt gzip data (" : "cannot read (")
                    + e.getMessage() + ")");
        }
    }

    private static String joined(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written; a failed close of a file we only read loses nothing.
        }
    }
}
