package io.lgc.cli;

import io.lgc.data.IdxWriter;
import io.lgc.eval.SyntheticImages;
import java.io.IOException;
import java.nio.file.Path;

/** A tiny image set (three classes of 8x8 bands) and `lgc compress` on it with 2 epochs: a CLI test's fixture. */
final class QuickCompress {
    private final Path data;

    private QuickCompress(Path data) {
        this.data = data;
    }

    /** Writes the images under {@code dir}/bands as IDX. */
    static QuickCompress in(Path dir) throws IOException {
        Path data = dir.resolve("bands");
        IdxWriter.write(SyntheticImages.bands(20, 3, 8, 1), data, "train");
        return new QuickCompress(data);
    }

    Path data() {
        return data;
    }

    /** {@code lgc compress DATA -o OUT --epochs 2 EXTRA...}. */
    CliRun to(Path out, String... extra) {
        return plain(out, concat(new String[] {"--epochs", "2"}, extra));
    }

    /** {@code lgc compress DATA -o OUT EXTRA...}: the defaults, which for so few images are a PCA basis. */
    CliRun plain(Path out, String... extra) {
        return CliRun.of(concat(new String[] {"compress", data.toString(), "-o", out.toString()}, extra));
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
