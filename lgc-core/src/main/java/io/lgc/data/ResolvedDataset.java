package io.lgc.data;

import io.lgc.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A dataset (images or a table) with the files it was read from, for provenance, and what reading
 * it had to say.
 *
 * @param files the files whose content makes the dataset, in reading order: for IDX images,
 *     labels and {@code classes.txt} when one was used; for an image folder every image read (not
 *     those skipped) and {@code classes.txt}; for CIFAR the batches and the names file; for npz
 *     the archive; for CSV the file
 * @param displayName what the user named: "fashion-mnist/train" or the path given
 * @param format the format it was read as
 * @param skippedImages images left out because they could not be decoded (only when asked to)
 * @param warnings lines for the user: skipped and converted images; empty when all went as stored
 */
public record ResolvedDataset(LabelledData data, List<Path> files, String displayName, InputFormat format,
        int skippedImages, List<String> warnings) {
    public ResolvedDataset {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** An IDX dataset read as stored, with nothing to report. */
    public ResolvedDataset(Dataset dataset, List<Path> files, String displayName) {
        this(dataset, files, displayName, InputFormat.IDX, 0, List.of());
    }

    /**
     * The images, for commands that work on images only; a table is an {@link InputException}
     * naming the source.
     */
    public Dataset dataset() {
        if (data instanceof Dataset images) {
            return images;
        }
        throw new InputException(displayName + ": a table (" + format + "), but this needs images");
    }

    /** Total size of the source files as stored (gzip'd when they are). */
    public long sourceBytes() {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new InputException(file + ": cannot read its size (" + e + ")", e);
            }
        }
        return total;
    }

    /**
     * SHA-256, in lower-case hex, of the source files' bytes one after the other in
     * {@link #files()} order: the same as {@code cat FILES | sha256sum}.
     */
    public String sha256() {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                while (in.read(buffer) >= 0) {
                    // DigestInputStream hashes what passes through
                }
            } catch (IOException e) {
                throw new InputException(file + ": cannot read (" + e + ")", e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
