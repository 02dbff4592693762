package io.lgc.sweep;

import io.lgc.artifact.Precision;
import io.lgc.eval.baseline.BaselineMethod;
import io.lgc.pipeline.DecoderKind;

/** One setting a sweep measures: an LGC artifact, or real images chosen within a byte budget. */
public sealed interface SweepPoint {
    /** Stable key: a resumed sweep recognises finished points by it. */
    String id();

    /** The curve the point belongs to in sweep.json and on the plot. */
    String method();

    /** An artifact from one codec, one mixture size and one storage precision. */
    record Lgc(DecoderKind decoder, int latentDim, int components, Precision precision) implements SweepPoint {
        @Override
        public String id() {
            return "lgc-" + decoder.cliName() + "-k" + latentDim + "-K" + components + "-" + precision.label();
        }

        @Override
        public String method() {
            return "lgc " + decoder.cliName() + " " + precision.label();
        }

        /** The points that share this one's trained codec. */
        boolean sameCodec(Lgc other) {
            return decoder == other.decoder && latentDim == other.latentDim;
        }
    }

    /**
     * The file {@code lgc compress --budget B} writes for {@code budget} B: the most accurate setting
     * measured on Fashion-MNIST that fits, the sweep's frontier.
     */
    record Budget(long budget) implements SweepPoint {
        @Override
        public String id() {
            return "lgc-budget-" + budget;
        }

        @Override
        public String method() {
            return "lgc --budget";
        }
    }

    /** Real images chosen by {@code method} with {@code budget} bytes of uint8 pixels. */
    record Baseline(BaselineMethod baseline, long budget) implements SweepPoint {
        @Override
        public String id() {
            return baseline.cliName() + "-" + budget;
        }

        @Override
        public String method() {
            return baseline.cliName();
        }
    }
}
