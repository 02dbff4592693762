package io.lgc.report;

import io.lgc.InputException;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.container.ContainerReader;
import io.lgc.artifact.container.PartSizes;
import io.lgc.data.Dataset;
import io.lgc.privacy.AuditResult;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report is drawn from. Only the artifact is required; each optional input adds
 * what it can show (see {@link ReportWriter}). Immutable: arrays are copied on the way in.
 * Built with {@link #builder}; inconsistent inputs (real data of another shape, latents of another
 * dimension) are refused by {@link Builder#build()}.
 */
public final class ReportInputs {
    public static final int DEFAULT_SAMPLES_PER_CLASS = 8;
    public static final int MAX_SAMPLES_PER_CLASS = 64;

    /** The samples shown per class, checked: 1 to {@value #MAX_SAMPLES_PER_CLASS} ({@code --per-class}). */
    public static int requireSamplesPerClass(int value) {
        if (value < 1 || value > MAX_SAMPLES_PER_CLASS) {
            throw new InputException("--per-class must be between 1 and " + MAX_SAMPLES_PER_CLASS + ", got " + value);
        }
        return value;
    }

    private final CompressedDataset artifact;
    private final String artifactName;
    private final PartSizes partSizes;
    private final Dataset realData;
    private final double[][] realLatents;
    private final int[] realLabels;
    private final Evaluation evaluation;
    private final Sweep sweep;
    private final long seed;
    private final int samplesPerClass;
    private final Audit audit;

    /**
     * A privacy audit to show: its result, the decoded samples it compared (indexed by its pairs'
     * {@code sample}) and the training records (indexed by their {@code record}).
     */
    public record Audit(AuditResult result, Dataset samples, Dataset train) {
        public Audit {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(samples, "samples");
            Objects.requireNonNull(train, "train");
        }
    }

    private ReportInputs(Builder b) {
        artifact = b.artifact;
        artifactName = b.artifactName;
        partSizes = b.partSizes;
        realData = b.realData;
        realLatents = b.realLatents;
        realLabels = b.realLabels;
        evaluation = b.evaluation;
        sweep = b.sweep;
        seed = b.seed;
        samplesPerClass = b.samplesPerClass;
        audit = b.audit;
    }

    /** The privacy audit, when one was run. */
    public Optional<Audit> audit() {
        return Optional.ofNullable(audit);
    }

    public static Builder builder(CompressedDataset artifact) {
        return new Builder(artifact);
    }

    public CompressedDataset artifact() {
        return artifact;
    }

    /** How the report names the artifact (its file name when known). */
    public String artifactName() {
        return artifactName;
    }

    /** Bytes per part of the artifact's file, when the file (or its write report) is known. */
    public Optional<PartSizes> partSizes() {
        return Optional.ofNullable(partSizes);
    }

    /** The real data the artifact was made from, for real-vs-decoded grids. */
    public Optional<Dataset> realData() {
        return Optional.ofNullable(realData);
    }

    /** Whether the real data's latents (the encoder's outputs) were given. */
    public boolean hasRealLatents() {
        return realLatents != null;
    }

    /** The real latents, one row per sample (a copy); empty when not given. */
    public double[][] realLatents() {
        return realLatents == null ? new double[0][] : copy(realLatents);
    }

    /** The class of each real latent (a copy); empty when not given. */
    public int[] realLabels() {
        return realLabels == null ? new int[0] : realLabels.clone();
    }

    /** Rows of the real latents of one class, without copying them all first. */
    double[][] realLatentsOf(int label) {
        int n = 0;
        for (int l : realLabels) {
            n += l == label ? 1 : 0;
        }
        double[][] out = new double[n][];
        int row = 0;
        for (int i = 0; i < realLabels.length; i++) {
            if (realLabels[i] == label) {
                out[row++] = realLatents[i].clone();
            }
        }
        return out;
    }

    public Optional<Evaluation> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    public Optional<Sweep> sweep() {
        return Optional.ofNullable(sweep);
    }

    /** Seed of every random choice the report makes (samples drawn, points shown, refits). */
    public long seed() {
        return seed;
    }

    public int samplesPerClass() {
        return samplesPerClass;
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    /** Collects the inputs; {@link #build()} checks that they fit together. */
    public static final class Builder {
        private final CompressedDataset artifact;
        private String artifactName = "artifact";
        private PartSizes partSizes;
        private Dataset realData;
        private String realDataName;
        private double[][] realLatents;
        private int[] realLabels;
        private Evaluation evaluation;
        private Sweep sweep;
        private long seed = 1;
        private int samplesPerClass = DEFAULT_SAMPLES_PER_CLASS;
        private Audit audit;

        private Builder(CompressedDataset artifact) {
            this.artifact = Objects.requireNonNull(artifact, "artifact");
        }

        public Builder artifactName(String name) {
            artifactName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sizes of the artifact's parts, e.g. the {@code WriteReport} that writing it returned. */
        public Builder partSizes(PartSizes sizes) {
            partSizes = sizes;
            return this;
        }

        /** The artifact's file: names it and measures its parts (verifying every checksum). */
        public Builder artifactFile(Path file) {
            partSizes = ContainerReader.verify(file);
            artifactName = String.valueOf(file.getFileName());
            return this;
        }

        /** Real samples to show beside the decoded ones; {@code name} appears in messages and captions. */
        public Builder realData(Dataset data, String name) {
            realData = data;
            realDataName = name;
            return this;
        }

        /** The real data's latents (the encoder's outputs) with the class of each; copied. */
        public Builder realLatents(double[][] latents, int[] labels) {
            if ((latents == null) != (labels == null)) {
                throw new IllegalArgumentException("give both latents and labels, or neither");
            }
            realLatents = latents == null ? null : copy(latents);
            realLabels = labels == null ? null : labels.clone();
            return this;
        }

        public Builder evaluation(Evaluation value) {
            evaluation = value;
            return this;
        }

        /** Reads {@code lgc evaluate --json} output; an unreadable file is an InputException naming it. */
        public Builder evaluationFile(Path file) {
            evaluation = Evaluation.read(file);
            return this;
        }

        public Builder sweep(Sweep value) {
            sweep = value;
            return this;
        }

        /** Reads a sweep file (shape documented in {@link Sweep}). */
        public Builder sweepFile(Path file) {
            sweep = Sweep.read(file);
            return this;
        }

        public Builder audit(Audit value) {
            audit = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder samplesPerClass(int value) {
            samplesPerClass = requireSamplesPerClass(value);
            return this;
        }

        public ReportInputs build() {
            checkRealData();
            checkRealLatents();
            return new ReportInputs(this);
        }

        private void checkRealData() {
            if (realData == null) {
                return;
            }
            var meta = artifact.metadata();
            String name = realDataName == null ? "real data" : realDataName;
            if (!realData.shape().equals(meta.sampleShape())) {
                throw new InputException(name + ": samples are " + realData.shape() + ", the artifact's are "
                        + meta.sampleShape());
            }
            if (realData.numClasses() != meta.numClasses()) {
                throw new InputException(name + ": " + realData.numClasses() + " classes, the artifact has "
                        + meta.numClasses());
            }
        }

        private void checkRealLatents() {
            if (realLatents == null) {
                return;
            }
            int d = artifact.metadata().latentDim();
            int classes = artifact.metadata().numClasses();
            if (realLatents.length < 2) {
                throw new IllegalArgumentException("need at least 2 real latents to project, got "
                        + realLatents.length);
            }
            if (realLatents.length != realLabels.length) {
                throw new IllegalArgumentException(realLatents.length + " latents but " + realLabels.length
                        + " labels");
            }
            for (int i = 0; i < realLatents.length; i++) {
                if (realLatents[i].length != d) {
                    throw new IllegalArgumentException("latent " + i + " has " + realLatents[i].length
                            + " values, the latent dimension is " + d);
                }
                for (double v : realLatents[i]) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("latent " + i + " holds " + v);
                    }
                }
                if (realLabels[i] < 0 || realLabels[i] >= classes) {
                    throw new IllegalArgumentException("label " + realLabels[i] + " of latent " + i
                            + " is outside 0.." + (classes - 1));
                }
            }
        }
    }
}
