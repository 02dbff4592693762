package io.lgc.data;

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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A dataset directory as {@link DatasetWriter} writes it, and how it is told apart from anything
 * else: only the files a writer names ({@code classes.txt}, {@code train.npz}, {@code train.csv},
 * the IDX pair) and the class folders that {@code classes.txt} names, holding only numbered PNGs;
 * at least one of them. Hidden entries other than lgc's own temporaries, links and anything else
 * make it foreign.
 */
public final class DatasetOutput {
    private static final String PREFIX = DatasetWriter.NAME;
    private static final Set<String> FILES = Set.of(IdxFileNames.CLASS_NAMES, NpzWriter.FILE_NAME,
            CsvReader.FILE_NAME, IdxFileNames.labelsFileName(PREFIX),
            IdxFileNames.imagesFileName(PREFIX, new ImageShape(1, 1, 1)),
            IdxFileNames.imagesFileName(PREFIX, new ImageShape(3, 1, 1)));
    private static final Pattern PNG = Pattern.compile("[0-9]+\\.png");
    /** What recognises a dataset directory lgc wrote. */
    public static final OwnContent OWN = DatasetOutput::foreign;

    private DatasetOutput() {
    }

    /** DIR as an output of a dataset writer, replaced (with {@code force}) only when it is one. */
    public static OutputTarget target(Path dir, boolean force) {
        return OutputTarget.directory(dir, force, OWN);
    }

    /** Whether {@code name} is one of the files a dataset writer puts at the top of its directory. */
    public static boolean isWriterFileName(String name) {
        return FILES.contains(name);
    }

    /** Whether {@code name} is an image file of a class folder as the PNG writer names them. */
    public static boolean isPngFileName(String name) {
        return PNG.matcher(name).matches();
    }

    static Optional<String> foreign(Path dir) throws IOException {
        Path classes = dir.resolve(IdxFileNames.CLASS_NAMES);
        List<String> folders = List.of();
        if (Files.isRegularFile(classes, LinkOption.NOFOLLOW_LINKS)) {
            try {
                folders = ClassFolders.folderNames(ClassNames.read(classes));
            } catch (RuntimeException e) {
                return Optional.of("holds a " + IdxFileNames.CLASS_NAMES + " lgc cannot have written");
            }
        }
        List<Path> entries = list(dir);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            boolean own = FILES.contains(name) ? Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                    : folders.contains(name) ? pngFolder(entry) : isOwnTemporary(name);
            if (!own) {
                return Optional.of("holds " + name);
            }
        }
        if (entries.stream().noneMatch(e -> FILES.contains(e.getFileName().toString()))) {
            return Optional.of("holds none of the files lgc writes (" + String.join(", ", FILES.stream().sorted()
                    .toList()) + ")");
        }
        return Optional.empty();
    }

    /** A writer's in-directory temporary, left by an earlier version that was killed. */
    private static boolean isOwnTemporary(String name) {
        return FILES.stream().anyMatch(file -> Temporaries.isTemporaryOf(name, file));
    }

    private static boolean pngFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (Path file : list(folder)) {
            if (!isPngFileName(file.getFileName().toString())
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
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
