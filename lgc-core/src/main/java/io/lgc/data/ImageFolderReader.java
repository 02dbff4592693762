package io.lgc.data;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.InputFiles;
import io.lgc.data.ImageFiles.UnreadableImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a directory with one sub-folder of images per class ({@code DIR/cat/001.png}), as
 * torchvision's ImageFolder does.
 *
 * <ul>
 *   <li>Classes are the sub-folders, sorted by name, which is also the class name; or, when
 *       {@code DIR/classes.txt} exists, the classes it lists in its order, each in the folder
 *       {@link ClassFolders} names (that is how a PNG output keeps "T-shirt/top" exact).
 *   <li>Images are the {@code .png .jpg .jpeg .bmp .gif} files anywhere under a class folder,
 *       sorted by their path within it. Other files, and anything hidden (a name starting with a
 *       dot), are ignored.
 *   <li>Every image is resized to one size: the one asked for, or else the most common size in the
 *       folder (ties: the one met first). See {@link ImageResizer}.
 *   <li>Grayscale images give one channel, colour images three (alpha dropped). A folder mixing
 *       both is refused unless a channel count is asked for, which converts every image.
 * </ul>
 */
final class ImageFolderReader {
    /** How many skipped images the warnings name one by one. */
    private static final int NAMED_SKIPPED = 10;

    private ImageFolderReader() {}

    /** Classes, their images and the {@code classes.txt} they came from (null when none). */
    private record Layout(Path dir, List<String> classNames, List<List<Path>> images, Path classesFile) {
        int imageCount() {
            return images.stream().mapToInt(List::size).sum();
        }
    }

    /** The images (in reading order) and {@code classes.txt}, without decoding anything. */
    static List<Path> sourceFiles(Path dir) {
        Layout layout = layout(dir);
        List<Path> files = new ArrayList<>();
        layout.images.forEach(files::addAll);
        if (layout.classesFile != null) {
            files.add(layout.classesFile);
        }
        return files;
    }

    /** Whether any sub-folder (not hidden) holds an image, anywhere below it; for format detection. */
    static boolean holdsClassFolderWithImages(Path dir) {
        for (Path folder : subFolders(dir)) {
            try (Stream<Path> files = walk(folder)) {
                if (files.anyMatch(p -> ImageFiles.isImageName(p.getFileName().toString()))) {
                    return true;
                }
            }
        }
        return false;
    }

    static ReadResult read(Path dir, ReadOptions options) {
        Layout layout = layout(dir);
        Decoding decoding = new Decoding(dir, options.skipBad(), layout.imageCount());
        ImageSize size = options.size() != null ? options.size() : decoding.mostCommonSize(layout);
        int fewestChannels = options.channels() != null ? options.channels() : 1;
        if ((long) layout.imageCount() * size.pixels() * fewestChannels > IdxInput.MAX_BODY_BYTES) {
            // refused before decoding: the images at that size cannot all be held
            throw new ParameterException(dir + ": " + layout.imageCount() + " images of " + size + " are more than the "
                    + IdxInput.MAX_BODY_BYTES + " bytes a dataset can hold; ask for a smaller size (",
                    Parameter.SIZE, ")");
        }
        List<DecodedImage> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        int resized = 0;
        for (int label = 0; label < layout.images.size(); label++) {
            for (Path file : layout.images.get(label)) {
                DecodedImage image = decoding.decode(file);
                if (image == null) {
                    continue;
                }
                if (!image.size().equals(size)) {
                    resized++;
                    image = image.resizedTo(size);
                }
                images.add(image);
                labels.add(label);
                read.add(file);
            }
        }
        if (images.isEmpty()) {
            throw new InputException(dir + ": none of its " + layout.imageCount()
                    + " images could be read; the first: " + decoding.firstSkipped());
        }
        List<String> warnings = new ArrayList<>(decoding.warnings());
        if (resized > 0) {
            warnings.add("resized " + resized + " of " + images.size() + " images to " + size
                    + (options.size() == null ? ", the most common size in " + dir : ""));
        }
        int channels = channelsFor(dir, images, read, options.channels(), warnings);
        ImageShape shape = new ImageShape(channels, size.height(), size.width());
        if ((long) images.size() * shape.size() > IdxInput.MAX_BODY_BYTES) {
            throw new InputException(dir + ": " + images.size() + " images of " + shape
                    + " are more than the " + IdxInput.MAX_BODY_BYTES + " bytes a dataset can hold");
        }
        byte[] pixels = new byte[images.size() * shape.size()];
        for (int i = 0; i < images.size(); i++) {
            byte[] image = images.get(i).withChannels(channels).pixels();
            System.arraycopy(image, 0, pixels, i * shape.size(), shape.size());
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        Dataset dataset = new Dataset(pixels, labelArray, layout.classNames, shape);
        if (layout.classesFile != null) {
            read.add(layout.classesFile);
        }
        return new ReadResult(dataset, read, decoding.skipped.size(), warnings);
    }

    /**
     * The channel count asked for, or the one all images share. Mixed counts without a request are
     * an error naming one image of each kind: promoting everything to RGB would triple a mostly
     * gray dataset for one stray colour image, and dropping colour loses information; the user
     * knows which is right.
     */
    private static int channelsFor(Path dir, List<DecodedImage> images, List<Path> files, Integer requested,
            List<String> warnings) {
        if (requested != null) {
            long converted = images.stream().filter(image -> image.channels() != requested).count();
            if (converted > 0) {
                warnings.add("converted " + converted + " of " + images.size() + " images to "
                        + (requested == 1 ? "grayscale" : "RGB"));
            }
            return requested;
        }
        Path gray = null;
        Path colour = null;
        for (int i = 0; i < images.size() && (gray == null || colour == null); i++) {
            if (images.get(i).channels() == 1) {
                gray = gray == null ? files.get(i) : gray;
            } else {
                colour = colour == null ? files.get(i) : colour;
            }
        }
        if (gray != null && colour != null) {
            throw new InputException(dir + ": mixes grayscale and colour images (" + gray + " is grayscale, "
                    + colour + " is RGB); ask for 1 or 3 channels to convert them all");
        }
        return gray != null ? 1 : 3;
    }

    /** Decodes images, failing on the first unreadable one or, when skipping, noting it. */
    private static final class Decoding {
        private final Path dir;
        private final boolean skipBad;
        private final int total;
        private final Map<Path, String> skipped = new LinkedHashMap<>();

        Decoding(Path dir, boolean skipBad, int total) {
            this.dir = dir;
            this.skipBad = skipBad;
            this.total = total;
        }

        /** The most common size among the readable images, from their headers alone. */
        ImageSize mostCommonSize(Layout layout) {
            Map<ImageSize, Integer> counts = new LinkedHashMap<>(); // insertion order breaks ties
            for (List<Path> files : layout.images) {
                for (Path file : files) {
                    try {
                        counts.merge(ImageFiles.readSize(file), 1, Integer::sum);
                    } catch (UnreadableImage e) {
                        bad(file, e);
                    }
                }
            }
            ImageSize best = null;
            int bestCount = 0;
            for (Map.Entry<ImageSize, Integer> entry : counts.entrySet()) {
                if (entry.getValue() > bestCount) {
                    best = entry.getKey();
                    bestCount = entry.getValue();
                }
            }
            if (best == null) {
                throw new InputException(dir + ": none of its " + total + " images could be read; the first: "
                        + firstSkipped());
            }
            return best;
        }

        /** The image, or null when it is unreadable and skipped (now or while sizing). */
        DecodedImage decode(Path file) {
            if (skipped.containsKey(file)) {
                return null;
            }
            try {
                return ImageFiles.decode(file);
            } catch (UnreadableImage e) {
                bad(file, e);
                return null;
            }
        }

        private void bad(Path file, UnreadableImage e) {
            if (!skipBad) {
                throw new ParameterException(file + ": cannot read the image: " + e.getMessage() + " (",
                        Parameter.SKIP_BAD, " leaves unreadable images out)");
            }
            skipped.put(file, e.getMessage());
        }

        String firstSkipped() {
            var first = skipped.entrySet().iterator().next();
            return first.getKey() + ": " + first.getValue();
        }

        List<String> warnings() {
            if (skipped.isEmpty()) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            lines.add("skipped " + skipped.size() + " of " + total + " images in " + dir
                    + " that could not be read");
            skipped.entrySet().stream().limit(NAMED_SKIPPED)
                    .forEach(e -> lines.add("skipped " + e.getKey() + ": " + e.getValue()));
            if (skipped.size() > NAMED_SKIPPED) {
                lines.add("skipped " + (skipped.size() - NAMED_SKIPPED) + " more images not named here");
            }
            return lines;
        }
    }

    private static Layout layout(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": not a directory; an image folder is a directory with one"
                    + " sub-folder per class");
        }
        List<Path> folders = subFolders(dir);
        Path classesFile = dir.resolve(IdxFileNames.CLASS_NAMES);
        if (InputFiles.isPresent(classesFile)) {
            return layoutFromClassesFile(dir, folders, classesFile);
        }
        if (folders.isEmpty()) {
            throw new InputException(dir + ": holds no class sub-folders; an image folder holds one"
                    + " sub-folder of images per class");
        }
        requireClassNames(folders);
        List<String> names = new ArrayList<>();
        List<List<Path>> images = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> files = imagesIn(folder);
            if (files.isEmpty()) {
                throw new InputException(folder + ": class folder holds no images ("
                        + ImageFiles.EXTENSIONS.stream().sorted().map(e -> "." + e).collect(Collectors.joining(", "))
                        + ")");
            }
            names.add(folder.getFileName().toString());
            images.add(files);
        }
        return new Layout(dir, names, images, null);
    }

    /** Every folder's name passes the class-name rule ({@link ClassNames}), checked before any image is read. */
    private static void requireClassNames(List<Path> folders) {
        Map<String, Path> byIdentity = new HashMap<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            String problem = ClassNames.problem(name);
            if (problem != null) {
                throw new InputException(folder + ": class folder: " + problem);
            }
            Path earlier = byIdentity.putIfAbsent(ClassNames.identity(name), folder);
            if (earlier != null) {
                throw new InputException(folder + ": class folder " + ClassNames.repeats(name,
                        earlier.getFileName().toString()) + " (folder " + earlier + ")");
            }
        }
    }

    /**
     * The classes {@code classes.txt} names, each in its {@link ClassFolders} folder. A class
     * folder may be empty (a class with no samples, as a writer may produce), but every class needs
     * its folder and every folder a class, so a typo cannot silently drop images.
     */
    private static Layout layoutFromClassesFile(Path dir, List<Path> folders, Path classesFile) {
        List<String> names = ClassNames.read(classesFile);
        List<String> expected = ClassFolders.folderNames(names);
        Set<String> expectedSet = new HashSet<>(expected);
        for (Path folder : folders) {
            if (!expectedSet.contains(folder.getFileName().toString())) {
                throw new InputException(folder + ": folder is not one of the classes " + classesFile
                        + " names (their folders: " + abbreviated(expected) + ")");
            }
        }
        List<List<Path>> images = new ArrayList<>();
        for (int label = 0; label < names.size(); label++) {
            Path folder = dir.resolve(expected.get(label));
            if (!Files.isDirectory(folder)) {
                throw new InputException(classesFile + ": line " + (label + 1) + " names class '" + names.get(label)
                        + "', but its folder " + folder + " is missing");
            }
            images.add(imagesIn(folder));
        }
        Layout layout = new Layout(dir, names, images, classesFile);
        if (layout.imageCount() == 0) {
            throw new InputException(dir + ": the class folders of " + classesFile + " hold no images");
        }
        return layout;
    }

    private static String abbreviated(List<String> names) {
        int shown = Math.min(names.size(), 10);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", ..." : "");
    }

    private static List<Path> subFolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !isHidden(p) && Files.isDirectory(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the directory (" + e + ")", e);
        }
    }

    /** Image files anywhere under a class folder, sorted by their path within it. */
    private static List<Path> imagesIn(Path folder) {
        try (Stream<Path> files = walk(folder)) {
            return files.filter(p -> ImageFiles.isImageName(p.getFileName().toString()))
                    .sorted((a, b) -> relative(folder, a).compareTo(relative(folder, b)))
                    .toList();
        }
    }

    /**
     * Everything but folders under a folder, following links, leaving out hidden files and folders.
     * A dangling link, a link loop or a FIFO named like an image stays in, to be refused (or skipped
     * and counted) when read, not silently dropped.
     */
    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder, FileVisitOption.FOLLOW_LINKS)
                    .filter(p -> !hasHiddenPart(folder, p))
                    .filter(p -> !Files.isDirectory(p))
                    .toList() // walks now, so that errors surface here and not in the caller
                    .stream();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof java.nio.file.FileSystemLoopException loop) {
                throw new InputException(loop.getFile() + ": symbolic link loop (a link to a folder that holds it);"
                        + " remove the link", e);
            }
            throw new InputException(folder + ": cannot list the class folder (" + e + ")", e);
        }
    }

    private static String relative(Path folder, Path file) {
        // '/' on every platform, so that the order is the same everywhere
        List<String> parts = new ArrayList<>();
        folder.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static boolean hasHiddenPart(Path folder, Path file) {
        for (Path part : folder.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
