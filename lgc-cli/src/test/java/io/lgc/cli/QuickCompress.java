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
        String[] base = {"compress", data.toString(), "-o", out.toString(), "--epochs", "2"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }
}
