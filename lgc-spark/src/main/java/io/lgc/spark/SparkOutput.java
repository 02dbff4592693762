package io.lgc.spark;

import io.lgc.data.DatasetOutput;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Recognises a directory as an output {@code lgc-spark reconstruct} wrote, on any Hadoop file system,
 * so that --force replaces only that and never a user's own files: either Spark's Parquet output
 * (part files, the _SUCCESS marker and their checksums) or shards ({@code shard-00000}, ...), each a
 * dataset directory lgc writes.
 */
public final class SparkOutput {
    private static final Pattern PARQUET_ENTRY =
            Pattern.compile("\\.?(part-[0-9]{5}[^/]*\\.parquet|_SUCCESS)(\\.crc)?");
    private static final Pattern SHARD = Pattern.compile(Pattern.quote(ShardedExport.PREFIX) + "[0-9]{5,}");

    private SparkOutput() {
    }

    /**
     * What in the directory {@code dir} lgc-spark did not write, as words for the user ("holds notes.txt");
     * empty when all of it is lgc-spark's output. An empty directory is nobody's output: it holds nothing.
     */
    public static Optional<String> foreign(FileSystem fs, Path dir) throws IOException {
        FileStatus[] entries = fs.listStatus(dir);
        if (entries.length == 0) {
            return Optional.of("holds none of the files lgc-spark writes");
        }
        boolean shards = Arrays.stream(entries).anyMatch(e -> SHARD.matcher(e.getPath().getName()).matches());
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            boolean own = shards ? entry.isDirectory() && SHARD.matcher(name).matches() && ownShard(fs, entry.getPath())
                    : entry.isFile() && PARQUET_ENTRY.matcher(name).matches();
            if (!own) {
                return Optional.of("holds " + name);
            }
        }
        return Optional.empty();
    }

    /** A shard is a dataset directory: on the local file system judged exactly as lgc judges one. */
    private static boolean ownShard(FileSystem fs, Path shard) throws IOException {
        if ("file".equals(fs.getUri().getScheme())) {
            return DatasetOutput.OWN.foreign(new File(fs.makeQualified(shard).toUri()).toPath()).isEmpty();
        }
        FileStatus[] entries = fs.listStatus(shard);
        boolean anyFile = false;
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (entry.isFile() && DatasetOutput.isWriterFileName(name)) {
                anyFile = true;
            } else if (!entry.isDirectory() || !pngFolder(fs, entry.getPath())) {
                return false;
            }
        }
        return anyFile;
    }

    private static boolean pngFolder(FileSystem fs, Path folder) throws IOException {
        for (FileStatus file : fs.listStatus(folder)) {
            if (!file.isFile() || !DatasetOutput.isPngFileName(file.getPath().getName())) {
                return false;
            }
        }
        return true;
    }
}
