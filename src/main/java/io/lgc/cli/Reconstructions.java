package io.lgc.cli;

import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.IdxWriter;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Streams a reconstruction into IDX files that appear only when complete. */
final class Reconstructions {
    static final String PREFIX = "train";

    private Reconstructions() {
    }

    static long write(CompressedDataset data, SamplingPlan plan, Path dir, Progress progress) {
        long total = plan.total();
        if (total < 1 || total > Integer.MAX_VALUE) {
            throw new InputException("--per-class must give between 1 and " + Integer.MAX_VALUE
                    + " samples in all, got " + total);
        }
        try (IdxWriter writer = IdxWriter.open(dir, PREFIX, data.metadata().sampleShape(), (int) total,
                data.metadata().classNames())) {
            Reconstructor.reconstruct(data, plan, (pixels, labels) -> {
                try {
                    writer.write(pixels, labels);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, progress);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
