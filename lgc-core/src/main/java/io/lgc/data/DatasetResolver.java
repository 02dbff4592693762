package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns a dataset argument of the command line into a dataset. The argument is one of:
 * <ul>
 *   <li>a known name, {@code fashion-mnist/train} or {@code fashion-mnist/test}, looked up under
 *       {@code $LGC_DATA} (in {@code $LGC_DATA/fashion-mnist/} or directly in {@code $LGC_DATA}),
 *       then under {@code /usr/share/datasets/fashion-mnist};
 *   <li>an IDX images file, read with the labels file beside it (or {@code labelsOverride});
 *   <li>a directory holding exactly one {@code *-images-idx3-ubyte*} file, such as the output of
 *       {@code lgc reconstruct};
 *   <li>an image folder, CIFAR batches, an {@code .npz} archive or a CSV table (see {@link InputFormat}), each
 *       as a file or a directory, recognised by {@link FormatDetector}'s rules unless
 *       {@link ReadOptions#format()} names the format.
 * </ul>
 * Known names win over a path of the same spelling; {@code ./fashion-mnist/train} is a path.
 */
public final class DatasetResolver {
    /** Environment variable naming a directory with datasets, searched before the system one. */
    public static final String DATA_DIR_VARIABLE = "LGC_DATA";
    /** Where Debian's dataset packages install. */
    public static final Path SYSTEM_DATASETS = Path.of("/usr/share/datasets");

    private final Function<String, String> environment;
    private final Path systemDatasets;

    /**
     * @param environment looks up environment variables ({@code System::getenv}); tests pass their own
     * @param systemDatasets searched after {@code $LGC_DATA}, normally {@link #SYSTEM_DATASETS}
     */
    public DatasetResolver(Function<String, String> environment, Path systemDatasets) {
        this.environment = environment;
        this.systemDatasets = systemDatasets;
    }

    /** The resolver for this process: its environment and {@code /usr/share/datasets}. */
    public static DatasetResolver system() {
        return new DatasetResolver(System::getenv, SYSTEM_DATASETS);
    }

    /**
     * Reads the image dataset an argument names, using the process environment; a table is an
     * {@link InputException} (see {@link ResolvedDataset#dataset()}).
     */
    public static Dataset resolve(String argument, Path labelsOverride) {
        return system().loadImages(argument, labelsOverride);
    }

    /** Reads the dataset an argument names, with its source files, using the process environment. */
    public static ResolvedDataset resolveWithSources(String argument, Path labelsOverride) {
        return system().load(argument, labelsOverride);
    }

    /**
     * Reads the dataset an argument names as the options say (format, image size, ...), with its
     * sources and warnings, using the process environment. (Not an overload of
     * {@link #resolveWithSources}: callers pass a literal null labels file to that.)
     */
    public static ResolvedDataset resolveWith(String argument, ReadOptions options) {
        return system().loadWith(argument, options);
    }

    /** The names {@link #load(String, Path)} knows. */
    public static List<String> knownNames() {
        return NamedDataset.names();
    }

    /** Reads the dataset an argument names, with its source files. */
    public ResolvedDataset load(String argument, Path labelsOverride) {
        return loadWith(argument, ReadOptions.builder().labels(labelsOverride).build());
    }

    /**
     * Reads the image dataset an argument names; a table is refused before it is read, since the
     * caller could make nothing of it.
     */
    public Dataset loadImages(String argument, Path labelsOverride) {
        ReadOptions options = ReadOptions.builder().labels(labelsOverride).build();
        Source source = locate(argument, options);
        if (source.format() == InputFormat.CSV) {
            throw new InputException(argument + ": a table (csv), but this needs images");
        }
        return read(source, options).dataset();
    }

    /** Reads the dataset an argument names as the options say, with its sources and warnings. */
    public ResolvedDataset loadWith(String argument, ReadOptions options) {
        return read(locate(argument, options), options);
    }

    /**
     * Reads the source; every reader checks its class names where it can say which line, folder or
     * row breaks the rule, and this checks again whatever a reader gives, so that no source lets
     * a name through that an output would refuse.
     */
    private ResolvedDataset read(Source source, ReadOptions options) {
        ResolvedDataset read = readUnchecked(source, options);
        try {
            ClassNames.validate(read.data().classNames(), "class");
        } catch (IllegalArgumentException e) {
            throw new InputException(source.displayName() + ": " + e.getMessage());
        }
        return read;
    }

    private ResolvedDataset readUnchecked(Source source, ReadOptions options) {
        if (source.idxFiles() != null) {
            Dataset dataset = IdxReader.read(source.idxFiles());
            if (source.classNames() != null) {
                dataset = dataset.withClassNames(source.classNames());
            }
            return new ResolvedDataset(dataset, source.idxFiles().all(), source.displayName());
        }
        ReadResult read = switch (source.format()) {
            case FOLDER -> ImageFolderReader.read(source.path(), options);
            case CIFAR -> CifarReader.read(source.path());
            case NPZ -> NpzReader.read(source.path(), options);
            case CSV -> CsvReader.read(source.path(), options.labelColumn());
            case IDX -> throw new IllegalStateException("IDX sources carry their files");
        };
        return new ResolvedDataset(read.data(), read.files(), source.displayName(), source.format(),
                read.skippedImages(), read.warnings());
    }

    /** The files {@link #load(String, Path)} would read, without reading them. */
    public List<Path> sourceFiles(String argument, Path labelsOverride) {
        return sourceFilesWith(argument, ReadOptions.builder().labels(labelsOverride).build());
    }

    /**
     * The files {@link #loadWith} would read, without decoding them; for an image folder every image,
     * including any that {@code skipBad} would leave out.
     */
    public List<Path> sourceFilesWith(String argument, ReadOptions options) {
        Source source = locate(argument, options);
        if (source.idxFiles() != null) {
            return source.idxFiles().all();
        }
        return switch (source.format()) {
            case FOLDER -> ImageFolderReader.sourceFiles(source.path());
            case CIFAR -> CifarReader.sourceFiles(source.path());
            case NPZ -> NpzReader.sourceFiles(source.path());
            case CSV -> CsvReader.sourceFiles(source.path());
            case IDX -> throw new IllegalStateException("IDX sources carry their files");
        };
    }

    /**
     * Where a dataset is: for IDX its files ({@code classNames} null meaning "as the files say"),
     * for the other formats the path their reader takes.
     */
    private record Source(InputFormat format, Path path, IdxFiles idxFiles, List<String> classNames,
            String displayName) {}

    private Source locate(String argument, ReadOptions options) {
        var named = NamedDataset.byName(argument);
        if (named.isPresent()) {
            if (options.format() != null && options.format() != InputFormat.IDX) {
                throw new InputException(argument + ": a known dataset stored as idx; it cannot be read as "
                        + options.format());
            }
            options.requireApplicableTo(InputFormat.IDX, argument);
            return locateNamed(named.get(), options.labels());
        }
        Path path = asPath(argument);
        if (!Files.exists(path)) {
            if (NamedDataset.looksLikeName(argument)) {
                throw new InputException(argument + ": unknown dataset; known: " + String.join(", ", knownNames()));
            }
            throw new InputException(argument + ": no such file or directory, nor a known dataset ("
                    + String.join(", ", knownNames()) + ")");
        }
        if (!Files.isDirectory(path)) {
            InputFiles.requireRegularFile(path); // before anything opens it: a FIFO would block, a device never end
        }
        InputFormat format = options.format() != null ? options.format() : FormatDetector.detect(path);
        options.requireApplicableTo(format, argument);
        if (format == InputFormat.IDX) {
            Path images = Files.isDirectory(path) ? singleImagesFileIn(path) : path;
            return new Source(format, path, IdxFiles.beside(images, options.labels()), null, argument);
        }
        return new Source(format, path, null, null, argument);
    }

    private Source locateNamed(NamedDataset dataset, Path labelsOverride) {
        for (Path dir : searchDirectories(dataset)) {
            Path images = dir.resolve(dataset.imagesFile());
            if (Files.isRegularFile(images)) {
                IdxFiles found = IdxFiles.beside(images, labelsOverride);
                // The class names are known; a classes.txt lying around does not change them.
                IdxFiles files = new IdxFiles(found.images(), found.labels(), null);
                return new Source(InputFormat.IDX, images, files, dataset.classNames(), dataset.name());
            }
        }
        throw notFound(dataset);
    }

    private List<Path> searchDirectories(NamedDataset dataset) {
        List<Path> dirs = new ArrayList<>();
        String dataDir = environment.apply(DATA_DIR_VARIABLE);
        if (dataDir != null && !dataDir.isBlank()) {
            Path root = asPath(dataDir);
            dirs.add(root.resolve(dataset.directory()));
            dirs.add(root);
        }
        dirs.add(systemDatasets.resolve(dataset.directory()));
        return dirs;
    }

    private InputException notFound(NamedDataset dataset) {
        String dataDir = environment.apply(DATA_DIR_VARIABLE);
        String where = dataDir == null || dataDir.isBlank() ? "$" + DATA_DIR_VARIABLE
                : "$" + DATA_DIR_VARIABLE + " (" + dataDir + ")";
        return new InputException(dataset.name() + " not found under " + where + " or "
                + systemDatasets.resolve(dataset.directory()) + "; install it with `"
                + dataset.installCommand() + "` or set " + DATA_DIR_VARIABLE + " (to a directory holding "
                + dataset.imagesFile() + " and " + dataset.labelsFile() + ")");
    }

    private static Path singleImagesFileIn(Path dir) {
        List<Path> images;
        try (Stream<Path> entries = Files.list(dir)) {
            images = entries
                    .filter(p -> IdxFileNames.isImagesFileName(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the directory (" + e + ")", e);
        }
        if (images.isEmpty()) {
            throw new InputException(dir + ": directory holds no *-images-idx3-ubyte* file");
        }
        if (images.size() > 1) {
            throw new InputException(dir + ": directory holds " + images.size() + " images files ("
                    + String.join(", ", images.stream().map(p -> p.getFileName().toString()).toList())
                    + "); name one of them");
        }
        return images.get(0);
    }

    private static Path asPath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InputException(text + ": not a valid path (" + e.getReason() + ")", e);
        }
    }
}
