package io.lgc.report;

import io.lgc.output.OutputTarget;
import io.lgc.output.OwnContent;
import io.lgc.output.PendingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts a report in place so that nobody sees half of one: everything is written into a hidden
 * directory beside the target, renamed onto it when complete ({@link PendingDirectory}). A report
 * lists its pictures in a manifest ({@value #MANIFEST}); that is how an earlier report is told
 * apart from a user's directory: one that holds anything besides {@value #INDEX}, the manifest and
 * the pictures the manifest names is never replaced. If anything fails before the commit, the
 * temporary directory is removed and the target is as it was.
 */
final class ReportDirectory implements AutoCloseable {
    static final String INDEX = "index.html";
    static final String MANIFEST = ".lgc-report-files";
    /** Names pictures may have: plain, lower-case, no path separators. */
    static final String PICTURE_NAME = "[a-z0-9][a-z0-9-]*\\.png";
    /** What recognises a report directory lgc wrote. */
    static final OwnContent OWN = ReportDirectory::foreign;

    private final PendingDirectory pending;

    private ReportDirectory(PendingDirectory pending) {
        this.pending = pending;
    }

    /** DIR as a report's output, replaced (with {@code force}) only when it holds an earlier report. */
    static OutputTarget target(Path dir, boolean force) {
        return OutputTarget.directory(dir, force, OWN);
    }

    static ReportDirectory stage(OutputTarget target) throws IOException {
        return new ReportDirectory(PendingDirectory.create(target));
    }

    /** Where the report is built; gone after {@link #commit} or {@link #close}. */
    Path staging() {
        return pending.temp();
    }

    void writeIndex(String html) throws IOException {
        Files.writeString(staging().resolve(INDEX), html, StandardCharsets.UTF_8);
    }

    /** Writes the manifest and moves the staged report into place. */
    void commit(List<String> pictures) throws IOException {
        for (String p : pictures) {
            if (!p.matches(PICTURE_NAME)) {
                throw new IllegalArgumentException("not a picture name: " + p);
            }
        }
        Files.write(staging().resolve(MANIFEST), pictures, StandardCharsets.UTF_8);
        pending.commit();
    }

    @Override
    public void close() {
        pending.discard();
    }

    private static Optional<String> foreign(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("has no " + MANIFEST + " (the list of a report's pictures)");
        }
        Set<String> own = new HashSet<>(Set.of(INDEX, MANIFEST));
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.strip().matches(PICTURE_NAME)) {
                own.add(line.strip());
            }
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!own.contains(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of("holds " + name);
                }
            }
        }
        return Optional.empty();
    }
}
