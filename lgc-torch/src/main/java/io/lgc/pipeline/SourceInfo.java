package io.lgc.pipeline;

import io.lgc.data.DatasetResolver;
import io.lgc.data.ResolvedDataset;
import java.nio.file.InvalidPathException;
import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the compressed data came from, for provenance and size comparisons. An artifact is made to
 * be shared, so by default it records the source by its base name alone ({@link Record#MINIMAL});
 * {@link Record#FULL} keeps the path as given and the SHA-256 of the source files, for use among
 * people who may see them.
 *
 * @param name the known name ("fashion-mnist/train"), or the source's base name ({@code MINIMAL}) or
 *     the path as given ({@code FULL})
 * @param format the input format's name (idx, folder, cifar, npz, csv): a reconstruction defaults to it
 * @param sha256 digest of the source files' bytes, concatenated in order (hex); null for {@code MINIMAL}
 * @param fileBytes size of the source files as they sit on disk (gzip'd, for Fashion-MNIST)
 * @param given the source as the user named it, for error messages only: recorded only as {@code name}
 */
public record SourceInfo(String name, String format, String sha256, long fileBytes, String given) {
    /** How much an artifact says about its source. */
    public enum Record {
        /** The base name, the format and the size in bytes: nothing about the maker's file system. */
        MINIMAL,
        /** Also the path as given and the SHA-256 of the source files. */
        FULL;

        /** The name used on the command line and in the header: "minimal" or "full". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The record a command-line value names; anything else is an {@link InputException}. */
        public static Record parse(String text) {
            for (Record r : values()) {
                if (r.id().equals(text)) {
                    return r;
                }
            }
            throw new ParameterException(Parameter.PROVENANCE, " must be minimal or full, got '" + text + "'");
        }
    }

    public SourceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(given, "given");
    }

    /** A source named in messages as it is recorded. */
    public SourceInfo(String name, String format, String sha256, long fileBytes) {
        this(name, format, sha256, fileBytes, name);
    }

    /** What an artifact records of {@code source} at the given detail. */
    public static SourceInfo of(ResolvedDataset source, Record record) {
        String format = source.format().id();
        if (record == Record.FULL) {
            return new SourceInfo(source.displayName(), format, source.sha256(), source.sourceBytes(),
                    source.displayName());
        }
        return new SourceInfo(baseName(source.displayName()), format, null, source.sourceBytes(),
                source.displayName());
    }

    /** Whether the path and content digest are recorded. */
    public Record record() {
        return sha256 == null ? Record.MINIMAL : Record.FULL;
    }

    /** A known dataset name as it is (it says nothing about the maker); a path's last part. */
    static String baseName(String displayName) {
        if (DatasetResolver.knownNames().contains(displayName)) {
            return displayName;
        }
        try {
            Path file = Path.of(displayName).getFileName();
            return file == null ? displayName : file.toString();
        } catch (InvalidPathException e) {
            return displayName;
        }
    }
}
