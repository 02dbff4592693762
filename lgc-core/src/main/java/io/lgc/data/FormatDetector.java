package io.lgc.data;

import io.lgc.InputException;
import io.lgc.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recognises the format of a dataset path when none is given.
 *
 * <p>A file is, in this order: CIFAR when it has a CIFAR batch name ({@code data_batch_N.bin},
 * {@code test_batch.bin}, {@code train.bin}, {@code test.bin}); npz when it is named
 * {@code *.npz} or is a zip archive; CSV when it is named {@code *.csv}; IDX when it starts with an IDX magic number or is gzip'd;
 * CIFAR when it is named {@code *.bin}; else IDX, whose reader then says what is wrong.
 *
 * <p>A directory is whatever it holds, when that is one kind only: IDX images files
 * ({@code *-images-idx3-ubyte*}), CIFAR batches, {@code .npz} archives, a {@code train.csv} table
 * (what {@code lgc reconstruct} writes for tables), or sub-folders with images (an image folder). Nothing of these, or several kinds, is an error that says so.
 */
final class FormatDetector {
    private FormatDetector() {}

    static InputFormat detect(Path path) {
        return Files.isDirectory(path) ? detectDirectory(path) : detectFile(path);
    }

    private static InputFormat detectFile(Path file) {
        String name = file.getFileName().toString();
        if (CifarReader.isBatchName(name)) {
            return InputFormat.CIFAR;
        }
        byte[] start = firstBytes(file, 4);
        if (NpzReader.isNpzName(name) || startsWith(start, 'P', 'K', 3, 4)) {
            return InputFormat.NPZ;
        }
        if (CsvReader.isCsvName(name)) {
            return InputFormat.CSV;
        }
        boolean idxMagic = startsWith(start, 0, 0, IdxMagic.UNSIGNED_BYTE) && start.length == 4;
        boolean gzip = startsWith(start, 0x1f, 0x8b);
        if (idxMagic || gzip) {
            return InputFormat.IDX;
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".bin") ? InputFormat.CIFAR : InputFormat.IDX;
    }

    private static InputFormat detectDirectory(Path dir) {
        Set<InputFormat> found = EnumSet.noneOf(InputFormat.class);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(entry)) {
                    continue;
                }
                if (IdxFileNames.isImagesFileName(name)) {
                    found.add(InputFormat.IDX);
                } else if (CifarReader.isBatchName(name)) {
                    found.add(InputFormat.CIFAR);
                } else if (NpzReader.isNpzName(name)) {
                    found.add(InputFormat.NPZ);
                } else if (name.equals(CsvReader.FILE_NAME)) {
                    found.add(InputFormat.CSV);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the directory (" + e + ")", e);
        }
        if (ImageFolderReader.holdsClassFolderWithImages(dir)) {
            found.add(InputFormat.FOLDER);
        }
        if (found.size() == 1) {
            return found.iterator().next();
        }
        if (found.isEmpty()) {
            throw new InputException(dir + ": holds no dataset: no IDX images file (*-images-idx3-ubyte*),"
                    + " no CIFAR batch (data_batch_N.bin, test_batch.bin, train.bin, test.bin), no .npz archive,"
                    + " no " + CsvReader.FILE_NAME + " and no class sub-folders with images");
        }
        List<String> kinds = new ArrayList<>();
        found.forEach(format -> kinds.add(describe(format)));
        throw new InputException(dir + ": holds several kinds of dataset (" + String.join(", ", kinds)
                + "); choose one with the format option (" + InputFormat.ids() + ")");
    }

    private static String describe(InputFormat format) {
        return switch (format) {
            case IDX -> "IDX images files";
            case CIFAR -> "CIFAR batches";
            case NPZ -> ".npz archives";
            case FOLDER -> "class sub-folders with images";
            case CSV -> "a " + CsvReader.FILE_NAME + " table";
        };
    }

    private static byte[] firstBytes(Path file, int n) {
        try (InputStream in = InputFiles.open(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
