package io.lgc.sweep;

import io.lgc.output.OutputTarget;
import io.lgc.output.OwnContent;
import io.lgc.output.Temporaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A sweep's directory: {@value #LOG}, {@code sweep.png}, {@code sweep.md} and the artifacts in
 * {@code artifacts/}. A sweep continues in it when rerun (so it is not published as one unit:
 * each file is replaced atomically as it is written); with --force it starts over. One that holds
 * anything else is never written to.
 */
public final class SweepDirectory {
    public static final String LOG = "sweep.json";
    public static final String CHART = "sweep.png";
    public static final String TABLE = "sweep.md";
    public static final String ARTIFACTS = "artifacts";
    private static final Set<String> FILES = Set.of(LOG, CHART, TABLE);
    /** What recognises a sweep directory lgc wrote. */
    public static final OwnContent OWN = SweepDirectory::foreign;

    private SweepDirectory() {
    }

    /** DIR as a sweep's output: continued when it holds a sweep, started over with {@code force}. */
    public static OutputTarget target(Path dir, boolean force) {
        return OutputTarget.resumableDirectory(dir, force, OWN);
    }

    /** Deletes an earlier sweep's files, which {@link #OWN} recognised, so that a sweep starts over. */
    public static void clear(Path dir) throws IOException {
        if (foreign(dir).isPresent()) {
            throw new IllegalStateException(dir + " is not a sweep directory");
        }
        for (Path entry : list(dir)) {
            Temporaries.deleteTree(entry);
        }
    }

    private static Optional<String> foreign(Path dir) throws IOException {
        for (Path entry : list(dir)) {
            String name = entry.getFileName().toString();
            boolean own = FILES.contains(name) ? Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    : name.equals(ARTIFACTS) ? artifactsOnly(entry)
                    : FILES.stream().anyMatch(f -> Temporaries.isTemporaryOf(name, f));
            if (!own) {
                return Optional.of("holds " + name);
            }
        }
        if (!Files.isRegularFile(dir.resolve(LOG), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("has no " + LOG);
        }
        return Optional.empty();
    }

    private static boolean artifactsOnly(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (Path file : list(folder)) {
            String name = file.getFileName().toString();
            boolean artifact = name.endsWith(".lgc") && !name.startsWith(".");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !(artifact || name.startsWith(".") && name.contains(".lgc."))) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
