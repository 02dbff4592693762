package io.lgc.report;

import io.lgc.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts a report in place so that nobody sees half of one. Everything is first written into a
 * staging directory beside the target ({@code .NAME.tmp-…}, same file system, so renames are atomic).
 * <ul>
 *   <li>Target absent: the staging directory is renamed to it — one atomic step.
 *   <li>Target present: each picture is renamed into it (replacing a picture of the same name), then
 *       {@code index.html} last, so the page never points at a picture not yet there; then the
 *       pictures the previous report listed in its manifest ({@value #MANIFEST}) and this one did
 *       not write are deleted. Nothing else in the directory is touched; a manifest entry that is
 *       not a plain picture name is ignored, so a doctored manifest cannot delete other files.
 * </ul>
 * If anything fails before the commit, the staging directory is removed and the target is as it was.
 */
final class ReportDirectory implements AutoCloseable {
    static final String INDEX = "index.html";
    static final String MANIFEST = ".lgc-report-files";
    /** Names pictures may have: plain, lower-case, no path separators. */
    static final String PICTURE_NAME = "[a-z0-9][a-z0-9-]*\\.png";

    private final Path target;
    private final Path staging;
    private boolean committed;

    private ReportDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    static ReportDirectory stage(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new InputException(target + ": exists and is not a directory");
        }
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new InputException(target + ": cannot write a report to the file-system root");
        }
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
        try {
            // createTempDirectory makes it private (0700); a report is meant to be read by others.
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return new ReportDirectory(absolute, staging);
    }

    /** Where the report is built; gone after {@link #commit} or {@link #close}. */
    Path staging() {
        return staging;
    }

    void writeIndex(String html) throws IOException {
        Files.writeString(staging.resolve(INDEX), html, StandardCharsets.UTF_8);
    }

    /** Moves the staged report into place (see the class comment). */
    void commit(List<String> pictures) throws IOException {
        for (String p : pictures) {
            if (!p.matches(PICTURE_NAME)) {
                throw new IllegalArgumentException("not a picture name: " + p);
            }
        }
        Files.write(staging.resolve(MANIFEST), pictures, StandardCharsets.UTF_8);
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                return;
            } catch (FileAlreadyExistsException e) {
                // created meanwhile: replace into it below
            }
        }
        Set<String> previous = previousPictures();
        for (String p : pictures) {
            moveInto(p);
        }
        moveInto(INDEX);
        moveInto(MANIFEST);
        committed = true;
        previous.removeAll(new HashSet<>(pictures));
        for (String stale : previous) {
            Path file = target.resolve(stale);
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
        }
        deleteStaging();
    }

    private Set<String> previousPictures() throws IOException {
        Path manifest = target.resolve(MANIFEST);
        Set<String> names = new LinkedHashSet<>();
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.strip().matches(PICTURE_NAME)) {
                    names.add(line.strip());
                }
            }
        }
        return names;
    }

    private void moveInto(String name) throws IOException {
        try {
            Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        if (!committed || Files.exists(staging)) {
            try {
                deleteStaging();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Removes the staging directory, which holds only the plain files this report wrote. */
    private void deleteStaging() throws IOException {
        if (!Files.exists(staging)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(staging)) {
            files = new ArrayList<>(entries.toList());
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(staging);
    }
}
