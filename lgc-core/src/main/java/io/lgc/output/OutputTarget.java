package io.lgc.output;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.ParameterText;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output a command is asked to write, and the one policy every output follows:
 * <ul>
 *   <li>its parent directory must exist and be a writable directory (nothing is created on the way);
 *   <li>it may not be an input, lie inside one, or hold one;
 *   <li>what exists there is never replaced unless the user says so ({@code force}); a directory is
 *       then replaced only when it is recognisably lgc's own output ({@link OwnContent}), and an
 *       empty directory may always be filled;
 *   <li>a file where a directory is wanted, or the reverse, is refused.
 * </ul>
 * Every refusal is an {@link InputException} naming the path as the user gave it. Failures while
 * writing are mapped by {@link #failure} to one line naming that path, never a temporary's name.
 */
public final class OutputTarget {
    /** The reason at the end of a FileNotFoundException's message, after the path. */
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]*)\\)$");

    private final Path given;
    private final Path absolute;
    private final boolean directory;
    private final boolean force;
    private final OwnContent own;
    private final boolean resumable;

    private OutputTarget(Path given, boolean directory, boolean force, OwnContent own, boolean resumable) {
        this.given = given;
        this.absolute = given.toAbsolutePath().normalize();
        this.directory = directory;
        this.force = force;
        this.own = own;
        this.resumable = resumable;
    }

    /** A single file, replaced (with {@code force}) by renaming the new one over it. */
    public static OutputTarget file(Path given, boolean force) {
        return new OutputTarget(given, false, force, null, false);
    }

    /** A directory published as a whole; with {@code force} it replaces an earlier one that {@code own} recognises. */
    public static OutputTarget directory(Path given, boolean force, OwnContent own) {
        return new OutputTarget(given, true, force, own, false);
    }

    /**
     * A directory a command continues in place when it holds that command's own earlier output
     * (a sweep resumes), without --force.
     */
    public static OutputTarget resumableDirectory(Path given, boolean force, OwnContent own) {
        return new OutputTarget(given, true, force, own, true);
    }

    /** The path as the user gave it. */
    public Path path() {
        return given;
    }

    public Path absolute() {
        return absolute;
    }

    /** Whether the output is a directory rather than a single file. */
    public boolean isDirectory() {
        return directory;
    }

    public boolean force() {
        return force;
    }

    /**
     * Checks the target before any work is done and removes stale temporaries an earlier, killed
     * run left beside it. Returns whether something (a file, or a non-empty directory) is there.
     *
     * @throws InputException when the target may not be written
     */
    public boolean prepare() {
        requireParent();
        boolean present = requireReplaceable();
        try {
            Temporaries.removeStale(absolute);
        } catch (IOException e) {
            throw failure(e);
        }
        return present;
    }

    /**
     * Refuses a target that is one of {@code inputs}, lies inside one, or holds one. Inputs that
     * do not exist are skipped: they name nothing that could be lost.
     */
    public void requireApartFrom(Collection<Path> inputs) {
        Path out = real(absolute);
        for (Path input : inputs) {
            if (input == null || !Files.exists(input)) {
                continue;
            }
            Path in = real(input.toAbsolutePath().normalize());
            if (out.equals(in)) {
                throw new InputException(given + ": is the input " + input + "; write the output elsewhere");
            }
            if (out.startsWith(in)) {
                throw new InputException(given + ": lies inside the input " + input + "; write the output elsewhere");
            }
            if (in.startsWith(out)) {
                throw new InputException(given + ": holds the input " + input + "; write the output elsewhere");
            }
        }
    }

    /**
     * Checks what is at the target now: nothing, an empty directory, or (with force) what may be
     * replaced. Run again just before a directory is swapped into place.
     *
     * @return whether something is there to be replaced or continued
     */
    public boolean requireReplaceable() {
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean isDirectory = Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS);
        if (directory != isDirectory) {
            throw new InputException(given + ": exists and is " + (isDirectory ? "a directory" : "not a directory")
                    + "; the output is " + (directory ? "a directory" : "a file") + ", give another path");
        }
        if (!directory) {
            if (!force) {
                throw new ParameterException(given + ": exists; pass ", Parameter.FORCE, " to replace it");
            }
            return true;
        }
        try {
            if (isEmpty()) {
                return false;
            }
            Optional<String> foreign = own.foreign(absolute);
            if (foreign.isPresent()) {
                throw new ParameterException(given + ": exists and " + foreign.get() + ", so it is not lgc's output;"
                        + " refusing to replace it", force ? "" : ParameterText.of(" (", Parameter.FORCE,
                        " replaces only lgc's own output)"), "; give a new or empty directory");
            }
            if (!force && !resumable) {
                throw new ParameterException(given + ": exists (an earlier lgc output); pass ", Parameter.FORCE,
                        " to replace it");
            }
            return true;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private boolean isEmpty() throws IOException {
        try (Stream<Path> entries = Files.list(absolute)) {
            return entries.findAny().isEmpty();
        }
    }

    private void requireParent() {
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new InputException(given + ": cannot write to the file-system root");
        }
        if (!Files.exists(parent)) {
            throw new InputException(given + ": the directory " + parent + " does not exist; create it first");
        }
        if (!Files.isDirectory(parent)) {
            throw new InputException(given + ": " + parent + " is not a directory");
        }
        if (!Files.isWritable(parent)) {
            throw new InputException(given + ": permission denied (cannot write in " + parent + ")");
        }
    }

    /**
     * The exception to report for a failure while writing this output: one line naming the path the
     * user gave, whatever temporary the failure happened in. Disk full and permission problems are
     * bad input (exit 2); other I/O failures stay I/O failures (exit 1).
     */
    public RuntimeException failure(Throwable error) {
        if (Temporaries.shuttingDown()) {
            return new InputException(given + ": stopped before it was complete; nothing was written", error);
        }
        String reason = reason(error);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
            return new InputException(given + ": no space left on the device (" + reason + "); nothing was written",
                    error);
        }
        IOException io = find(error, IOException.class);
        if (io instanceof AccessDeniedException) {
            return new InputException(given + ": permission denied", error);
        }
        if (io instanceof NoSuchFileException || io instanceof NotDirectoryException) {
            return new InputException(given + ": its directory does not exist or was removed while writing", error);
        }
        if (io instanceof FileAlreadyExistsException) {
            return new InputException(given + ": appeared while writing; it was left as it is", error);
        }
        FileSystemException plain = new FileSystemException(given.toString(), null, "cannot write: " + reason);
        plain.initCause(error);
        return new UncheckedIOException(plain);
    }

    /** Runs {@code work}, which writes this output, reporting its I/O failures by {@link #failure}. */
    public <T> T writing(IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException | UncheckedIOException e) {
            throw failure(e);
        }
    }

    /** Work that writes an output. */
    @FunctionalInterface
    public interface IoWork<T> {
        T run() throws IOException;
    }

    /** The innermost reason given, without file names (they may be a temporary's). */
    private static String reason(Throwable error) {
        String reason = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getReason() != null) {
                reason = fs.getReason();
            } else if (t instanceof FileNotFoundException && t.getMessage() != null) {
                // "PATH (reason)": the path is a temporary's
                Matcher m = PARENTHESISED.matcher(t.getMessage());
                reason = m.find() ? m.group(1) : "cannot create a file";
            } else if (t instanceof IOException && !(t instanceof FileSystemException) && t.getMessage() != null
                    && t.getCause() == null) {
                reason = t.getMessage();
            }
        }
        return reason != null ? reason : error.getClass().getSimpleName();
    }

    private static <E extends Throwable> E find(Throwable error, Class<E> type) {
        E found = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                found = type.cast(t);
            }
        }
        return found;
    }

    /** The path with symbolic links resolved as far as it exists. */
    private static Path real(Path path) {
        Path existing = path;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return path;
        }
    }
}
