package io.lgc.cli;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StorageOptionChecks;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.VerifiedArtifact;
import io.lgc.artifact.container.WriteReport;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.data.ResolvedDataset;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderKind;
import io.lgc.model.ConvNet;
import io.lgc.model.DecoderTuning;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.model.LearningRateSchedule;
import io.lgc.model.NetworkOptionChecks;
import io.lgc.model.RoundingTuning;
import io.lgc.model.TrainingDivergedException;
import io.lgc.network.Architectures;
import io.lgc.output.OutputTarget;
import io.lgc.pipeline.BudgetCompressor;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.DecoderGrid;
import io.lgc.pipeline.DecoderKind;
import io.lgc.pipeline.DrawJudge;
import io.lgc.pipeline.CompressionResult;
import io.lgc.pipeline.Compressor;
import io.lgc.pipeline.FittedCodec;
import io.lgc.pipeline.MeasuredSettings;
import io.lgc.pipeline.MixtureSettings;
import io.lgc.pipeline.RoundingChoice;
import io.lgc.pipeline.RoundingStage;
import io.lgc.pipeline.SharpeningStage;
import io.lgc.pipeline.SourceInfo;
import io.lgc.pipeline.StageTimes;
import io.lgc.pipeline.TrainingChoice;
import io.lgc.privacy.BudgetSplit;
import io.lgc.privacy.DpCompressor;
import io.lgc.privacy.DpConfig;
import io.lgc.privacy.DpNoise;
import io.lgc.privacy.PublicDecoder;
import io.lgc.report.ReportInputs;
import io.lgc.report.ReportWriter;
import io.lgc.report.WrittenReport;
import io.lgc.synth.SamplingPlan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "compress", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an autoencoder on DATASET, fit one Gaussian mixture per class in its latent "
                + "space, and write decoder + mixtures + metadata to one .lgc file.",
                "A CSV table (numeric feature columns and a label column) is standardised per feature and "
                + "compressed with a dense autoencoder; the scaling is stored, so a reconstruction comes back "
                + "in the original units."})
final class CompressCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DATASET", description = "IDX images file (labels found beside it), image folder, "
            + "CIFAR batches, .npz, CSV table, a directory holding one, or a known name: fashion-mnist/train, "
            + "fashion-mnist/test.")
    String dataset;

    @Option(names = "--labels", paramLabel = "FILE", description = "IDX labels file, when not beside the images.")
    Path labels;

    @Mixin
    DatasetOptions input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.lgc",
            description = "Artifact to write; an existing file is replaced only with --force.")
    Path output;

    @Mixin
    OutputOptions outputOptions;

    static final String AUTO_DECODER = "auto";
    /** Options only an autoencoder's training uses. */
    static final List<String> AUTOENCODER_OPTIONS = List.of("--model", "--epochs", "--batch-size", "--lr",
            "--lr-schedule", "--feature-weight", "--feature-epochs", "--teacher-epochs", "--teacher-width", "--width",
            "--stem", "--latent-noise", "--kl-weight", "--texture-weight");

    @Option(names = "--decoder", paramLabel = "auto|autoencoder|pca",
            description = "A trained autoencoder, or a PCA basis with a linear decoder (the linear "
                    + "version for images; the training options are then unused), or auto: PCA for fewer than "
                    + "2,000 images, where it decodes better, unless an autoencoder option is given; the "
                    + "autoencoder otherwise (default: ${DEFAULT-VALUE}).")
    String decoder = AUTO_DECODER;

    @Option(names = "--model", paramLabel = "auto|conv|dense",
            description = "Autoencoder: conv (images), dense (tables, or images flattened), or auto: conv for "
                    + "images, dense for tables (default: ${DEFAULT-VALUE}).")
    String model = AutoencoderKind.AUTO.id();

    @Option(names = "--latent-dim", paramLabel = "K",
            description = "Latent dimension (default: 16, or a table's number of features if fewer).")
    Integer latentDim;

    @Option(names = "--components", paramLabel = "K|auto|auto:MIN-MAX",
            description = "Mixture components per class, or chosen by BIC (default: ${DEFAULT-VALUE}).")
    String components = Integer.toString(MixtureSettings.DEFAULT_COMPONENTS);

    @Option(names = "--covariance", paramLabel = "TYPE",
            description = "full, diag, spherical or tied (default: ${DEFAULT-VALUE}).")
    String covariance = "full";

    @Option(names = "--covariance-rank", paramLabel = "R",
            description = "Store each full covariance as R loading vectors plus a diagonal, Σ ≈ W·Wᵀ + diag(ψ) (the "
                    + "top R eigen-directions, every coordinate's variance kept): (R + 1)·d numbers where the Cholesky "
                    + "triangle takes d(d + 1)/2, for wide latents; the summary says how far it moves the mixtures "
                    + "(default: 0, whole).")
    Integer covarianceRank;

    @Option(names = "--n-init", paramLabel = "N", description = "EM restarts per class, best kept (default: ${DEFAULT-VALUE}).")
    int nInit = MixtureSettings.DEFAULT_N_INIT;

    @Option(names = "--epochs", paramLabel = "E", description = "Autoencoder epochs (default: 8 for images; for "
            + "a table enough for 1,000 steps, 8 to 500).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "B", description = "Autoencoder batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = AutoencoderConfig.DEFAULT_BATCH_SIZE;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = AutoencoderConfig.DEFAULT_LEARNING_RATE;

    @Option(names = "--lr-schedule", paramLabel = "constant|cosine",
            description = "The autoencoder's learning rate over its training: constant, or cosine, decayed from "
                    + "--lr to zero over the epochs (default: ${DEFAULT-VALUE}).")
    String learningRateSchedule = "constant";

    @Option(names = "--latent-noise", paramLabel = "S",
            description = "Gaussian noise on the latents while the autoencoder trains, S times each coordinate's "
                    + "spread over the batch, so that the decoder also learns the neighbourhood of the encoder's "
                    + "outputs, where mixture samples fall (default: 0, none).")
    double latentNoise;

    @Option(names = "--kl-weight", paramLabel = "W",
            description = "Train the autoencoder as a variational one: the decoder gets each latent moved by noise of "
                    + "a learned spread per coordinate, and W times the latents' KL divergence from a standard normal, "
                    + "per value of the output, joins the loss, so that it learns to decode the neighbourhood of the "
                    + "encoder's outputs, where mixture samples fall (default: 0, a plain autoencoder).")
    double klWeight;

    @Option(names = "--feature-weight", paramLabel = "W",
            description = "Weight of the feature-matching loss, 0 for pixel loss only (default: 0.1; images only).")
    Double featureWeight;

    @Option(names = "--texture-weight", paramLabel = "W",
            description = "Weight of a texture term beside feature matching, in its epochs: the distance between "
                    + "the Gram matrices of the teacher's first-layer activations of each image and of its "
                    + "reconstruction, which asks for its stripes and prints without their exact place "
                    + "(default: 0, none; images only).")
    double textureWeight;

    @Option(names = "--feature-epochs", paramLabel = "E",
            description = "Final autoencoder epochs that use feature matching (default: 3, or all epochs if fewer).")
    Integer featureEpochs;

    @Option(names = "--teacher-epochs", paramLabel = "E",
            description = "Epochs of the classifier whose features are matched (default: 2).")
    Integer teacherEpochs;

    @Option(names = "--teacher-width", paramLabel = "W",
            description = "Filters of that classifier's first convolution, a multiple of 16 up to 512 (default: 16; "
                    + "32 is the fast evaluation protocol's own CNN).")
    Integer teacherWidth;

    @Option(names = "--width", paramLabel = "W",
            description = "Filters of the autoencoder's first convolution, a multiple of 16; the decoder mirrors it, "
                    + "so its bytes grow about as W (default: ${DEFAULT-VALUE}; images only).")
    int width = AutoencoderConfig.DEFAULT_WIDTH;

    @Option(names = "--stem", paramLabel = "C",
            description = "Start the decoder narrow: its linear layer, most of a small decoder's bytes, fills C "
                    + "channels at a quarter of the image's sides and a 3x3 convolution widens them to 2 x --width "
                    + "(default: none, the linear layer fills all 2 x --width; images only).")
    Integer stem;

    @Option(names = "--tune-steps", paramLabel = "N",
            description = "After the mixtures are fitted, train the decoder N more steps on samples of the mixtures, "
                    + "so that they decode to images a classifier trained on the real data recognises and whose "
                    + "class-wise mean features match the real ones; the classifier is not shipped (default: 0, off; "
                    + "autoencoder on images only).")
    int tuneSteps;

    @Option(names = "--tune-match", paramLabel = "W",
            description = "Weight of the class-wise feature matching in --tune-steps, against the classifier's "
                    + "cross-entropy (default: ${DEFAULT-VALUE}).")
    double tuneMatch = DecoderTuning.OFF.matchWeight();

    @Option(names = "--precision", paramLabel = "fp32|fp16|int8|int4",
            description = "How the decoder is stored (int4: about 0.6x the decoder bytes of int8, on a coarser "
                    + "grid); fp16, int8 and int4 also store the mixtures in fp16 where that changes them negligibly "
                    + "(default: ${DEFAULT-VALUE}).")
    String precision = Precision.DEFAULT.label();

    @Option(names = "--rounding-steps", paramLabel = "N",
            description = "Steps that train the decoder to decode as it did once its weights are rounded to int8's or "
                    + "int4's grid, on samples of the fitted mixtures; needs nothing but the file (default: "
                    + RoundingTuning.INT4_DEFAULT_STEPS + " for int4, 0 (off) otherwise).")
    Integer roundingSteps;

    @Option(names = "--rounding-schedule", paramLabel = "constant|cosine",
            description = "The rounding steps' learning rate: constant, or cosine, decayed to zero over the steps, "
                    + "which ends where they settle: files made with other --seed values differ less from each other "
                    + "and are as accurate on average (default: constant).")
    String roundingSchedule;

    @Option(names = "--int8-layers", paramLabel = "I[,I...]", split = ",",
            description = "Under --precision int4, the decoder layers kept at int8, numbered as the file names them "
                    + "(layers.I; a wrong number is answered with the decoder's layers that have weights): a mixed "
                    + "decoder, stored as an int8 file whose other weights lie on int4's grid. Where a layer moves the "
                    + "images most per byte saved, keeping it at int8 buys the most back.")
    List<Integer> int8Layers;

    @Option(names = "--rounding-candidates", paramLabel = "N",
            description = "Run the rounding steps N times (their draws seeded --seed, --seed + 1, ...) and keep the "
                    + "file whose draws train the best classifiers: two fast-protocol CNNs each, tested on the images "
                    + "being compressed. Files whose rounding took other paths differ by up to 0.6 points of "
                    + "accuracy; each candidate costs its rounding steps and two classifier trainings (about 4 "
                    + "minutes for Fashion-MNIST on 2 cores). Images only; not with --epsilon (default: 1).")
    Integer roundingCandidates;

    @Option(names = "--training-candidates", paramLabel = "N",
            description = "Compress N times, with seeds --seed, --seed + 1, ..., each finished as it will be written, "
                    + "and keep the file whose draws train the best classifier: a ConvNet-protocol classifier trained "
                    + "on 3,000 draws a class, tested on the images being compressed (never a test set). Trainings "
                    + "of one setting with other seeds differ by up to a point of accuracy; each candidate costs a "
                    + "whole compression and a ConvNet training (about 7 minutes for Fashion-MNIST on 2 cores). "
                    + "Images only; not with --epsilon (default: 1).")
    Integer trainingCandidates;

    @Option(names = "--mixture-precision", paramLabel = "auto|fp16|int8|fp32",
            description = "How the mixtures are stored: auto (default) as --precision says; fp16 whatever rounding "
                    + "moves them by (the summary says how far: about half their bytes); int8: the means in fp16, the "
                    + "covariance factors a byte a value on a 255-step grid per row (about 55 %% of fp16's bytes at "
                    + "latent 64, where the mixtures are most of the file; the summary says how far it moves them); "
                    + "fp32.")
    String mixturePrecision = "auto";

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--spread", paramLabel = "F",
            description = "Record in the file that receivers should draw at spread F (the factor on every covariance, "
                    + "above 0 and at most 100): lgc reconstruct, the Java library and the Python package take it as "
                    + "their default, and older readers ignore it (default: none recorded; readers draw at "
                    + SamplingPlan.DEFAULT_SPREAD + ").")
    Double spread;

    @Option(names = "--sharpen",
            description = "End the decoder with a gain on each ring of spatial frequency that gives the images it decodes "
                    + "from the mixtures the real images' power spectrum, the fine detail an autoencoder averages away "
                    + "(at most x" + SharpeningStage.MAX_GAIN_TEXT + "; one number a ring, 21 for 28x28 images). Images "
                    + "only; files with it need a reader from December 2026 or later.")
    boolean sharpen;

    @Option(names = "--budget", paramLabel = "BYTES",
            description = "Largest file to write (78400, 78.4KB, 1MiB): the most accurate of the settings measured on "
                    + "Fashion-MNIST whose file fits is chosen (decoder, latent dimension, components, width, precision; "
                    + "see the README); images only.")
    String budget;

    @Option(names = "--provenance", paramLabel = "minimal|full",
            description = "What the file records of its source: minimal, the base name, format and size; or full, "
                    + "also the path as given and the SHA-256 of the source files, for files that stay in-house "
                    + "(default: ${DEFAULT-VALUE}).")
    String provenance = SourceInfo.Record.MINIMAL.id();

    @Option(names = "--epsilon", paramLabel = "E",
            description = "Differentially private compression: the file is (E, --delta)-DP for adding or removing "
                    + "one training record. Images only; a PCA decoder (or --decoder-from) and --components Gaussians "
                    + "per class (1 by default; more by private EM) from noisy sums of clipped records (see the "
                    + "README). The training options do not apply.")
    Double epsilon;

    @Option(names = "--delta", paramLabel = "D",
            description = "The delta of --epsilon, below 1/n for n records (default: 1e-5, or 1/(10 n) when that "
                    + "is smaller).")
    Double delta;

    @Option(names = "--noise-seed", paramLabel = "S",
            description = "With --epsilon, for tests and benchmarks only: draw the privacy noise from S, so that the "
                    + "same S gives the same file byte for byte. Whoever learns S can remove the noise, and the file "
                    + "then protects nothing; S is never written to the file. Without it the noise is fresh from the "
                    + "system's secure random source each time (--seed does not draw it).")
    Long noiseSeed;

    @Option(names = "--decoder-from", paramLabel = "PUBLIC.lgc",
            description = "With --epsilon: take the decoder from this file, made from public data (disjoint from and "
                    + "independent of the private records; see the README), so that only the mixtures and counts "
                    + "spend the budget. Its latent dimension applies.")
    Path decoderFrom;

    @Option(names = "--public-data", paramLabel = "DATASET",
            description = "With --epsilon: train the autoencoder (compress's defaults; --latent-dim and --seed apply) on "
                    + "this public dataset, disjoint from and independent of the private records (see the README), and "
                    + "give each private record its latent by that autoencoder's own encoder, so that only the mixtures "
                    + "and counts spend the budget. Its name and SHA-256 are recorded; it is not protected.")
    String publicData;

    @Option(names = "--clip-quantile", paramLabel = "Q",
            description = "With --decoder-from or --public-data: clip each private latent at the Q quantile of the "
                    + "public latents' distance to their mean (default: 0.98). Lower clips more records but adds "
                    + "less noise (the second moments' noise grows as the clip squared).")
    Double clipQuantile;

    @Option(names = "--budget-split", paramLabel = "COUNTS,SUMS,MOMENTS",
            description = "With --epsilon: how the mixtures' budget is shared between the noisy class counts, sums of "
                    + "latents and sums of their outer products, as positive weights (default: 0.0625,0.3125,0.625). "
                    + "Private EM keeps the counts' share and the sums : moments ratio.")
    String budgetSplit;

    @Option(names = "--private-fit", paramLabel = "em|partition|axes",
            description = "With --epsilon: em, private EM; or, with --decoder-from or --public-data, partition: each "
                    + "record goes to the most likely of --components Gaussians fitted to its class's public latents "
                    + "(the public records' own, or latents drawn from the public file), and each component gets its "
                    + "own noisy count, sum and second moment in one pass; or axes, as partition with each covariance "
                    + "estimated along its public component's principal axes only (default: axes with a public "
                    + "decoder, else em).")
    String privateFit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML report (DIR/index.html) with the real data and latents at hand; "
                    + "DIR is new or empty, or an earlier report with --force.")
    Path report;

    @Override
    public Integer call() {
        config(null); // the options' own checks before reading data, which a typo must not waste
        checkPrivateOptions();
        Long budgetBytes = budget == null ? null : BudgetOption.parse(budget);
        if (budgetBytes != null) {
            BudgetOption.requireAlone(spec.commandLine().getParseResult());
        }
        checkCovarianceRank(latentDim != null ? latentDim : AutoencoderConfig.DEFAULT_LATENT_DIM);
        checkSpread();
        Precision storage = Precision.parse(precision);
        Precision mixtureStorage = mixtureStorage();
        roundingTuning(storage); // checked before any work
        checkRoundingCandidates(null, budgetBytes == null && epsilon == null ? roundingTuning(storage) : null);
        checkTrainingCandidates(null);
        DecoderGrid grid = decoderGrid(storage);
        SourceInfo.Record record = SourceInfo.Record.parse(provenance);
        OutputTarget target = OutputTarget.file(output, outputOptions.force);
        OutputTarget reportTarget = report == null ? null : ReportWriter.target(report, outputOptions.force);
        List<Path> given = new java.util.ArrayList<>(OutputOptions.paths(dataset, labels));
        if (decoderFrom != null) {
            given.add(decoderFrom);
        }
        target.requireApartFrom(given);
        target.prepare();
        if (reportTarget != null) {
            reportTarget.requireApartFrom(OutputOptions.paths(dataset, labels, output));
            reportTarget.prepare();
        }
        ResolvedDataset source = DatasetResolver.resolveWith(dataset, input.readOptions(labels));
        target.requireApartFrom(source.files());
        checkSharpen(source);
        checkRoundingCandidates(source, null);
        checkTrainingCandidates(source);
        if (epsilon != null) {
            return compressPrivately(source, target, storage, mixtureStorage);
        }
        CompressionConfig config = config(source.data());
        checkInt8Layers(grid, config, source.data());
        checkCovarianceRank(config.autoencoder().forData(source.data()).latentDim());
        if (report != null && source.data() instanceof Table) {
            throw new InputException(source.displayName() + ": a table; --report draws images and latents of"
                    + " images, so it applies to images only");
        }
        PrintStream out = root.out;
        source.warnings().forEach(w -> out.println("warning: " + w));
        if (budgetBytes == null && config.decoder() == DecoderKind.PCA && decoderIsAuto()) {
            out.printf(java.util.Locale.ROOT, "decoder: pca, the default for fewer than %,d images (%,d here); "
                    + "--decoder autoencoder trains one%n", DecoderKind.PCA_BELOW_IMAGES, source.data().size());
        }
        SourceInfo info = SourceInfo.of(source, record);
        Compressed made = chosenTraining(source, config.seed(), s -> budgetBytes == null
                ? compress(source, info, config.withSeed(s), grid, mixtureStorage, roundingTuning(storage))
                : compressForBudget(budgetBytes, source, info, config.withSeed(s)));
        CompressionResult result = made.result();
        StoragePrecision stored = made.stored();
        target.requireReplaceable(); // again: the file may have appeared while training
        WriteReport parts = result.times().time("write", () -> target.writing(() -> write(result, stored)));
        printSummary(out, source, result, parts);
        if (reportTarget != null) {
            writeReport(reportTarget, source, result, parts);
        }
        return ExitCodes.OK;
    }

    /** A compression and how its file will be stored. */
    private record Compressed(CompressionResult result, StoragePrecision stored) {
    }

    /**
     * Compresses with {@code config}; the file is to be stored as the writer stores {@code grid}'s precision,
     * or with its mixtures at {@code mixtures} when that is not null, its decoder trained for that
     * grid by {@code rounding}.
     */
    private Compressed compress(ResolvedDataset source, SourceInfo info, CompressionConfig config,
            DecoderGrid grid, Precision mixtures, RoundingTuning rounding) {
        CompressionResult result = trainOnce(source, info, List.of(config)).get(0);
        if (covarianceRank != null && covarianceRank > 0) {
            CompressedDataset ranked = result.dataset().withCovarianceRank(covarianceRank);
            result = new CompressionResult(ranked, result.times(), result.warnings(), result.latents());
            root.out.println(ArtifactFile.covarianceRankSummary(ranked));
        }
        long seed = config.seed();
        CompressionResult trained = result;
        StoragePrecision stored = storable(() -> storage(trained.dataset(), grid.stored(), mixtures));
        if (roundingCandidates() == 1) {
            return sharpened(finish(trained, seed, grid, stored, rounding), source, seed, sharpen);
        }
        RoundingChoice.Chosen chosen = RoundingChoice.best(roundingCandidates(), seed, roundingSeed -> sharpened(
                finish(trained, roundingSeed, grid, stored, rounding), source, seed, sharpen).result().dataset(),
                file -> stored, (Dataset) source.data(), trained.times(), common.progress(root.err), this::sayScore);
        root.out.println(RoundingChoice.keptSummary(chosen.index(), roundingCandidates()));
        return new Compressed(new CompressionResult(chosen.file(), trained.times(), trained.warnings(),
                trained.latents()), stored);
    }

    /**
     * {@code --training-candidates}: the compression {@code compression} makes for each seed from {@code first} on,
     * the best kept ({@link TrainingChoice}) with the choice recorded, its times those of every candidate and of
     * the judging; {@code compression}'s own for one.
     */
    private Compressed chosenTraining(ResolvedDataset source, long first, LongFunction<Compressed> compression) {
        int count = trainingCandidates == null ? 1 : trainingCandidates;
        if (count == 1) {
            return compression.apply(first);
        }
        StageTimes all = new StageTimes();
        DrawJudge judge = DrawJudge.CONVNET;
        DrawJudge.Kept<Compressed> chosen = TrainingChoice.best(count, first, s -> {
            Compressed made = compression.apply(s);
            all.add(made.result().times());
            return made;
        }, c -> ArtifactFile.asStored(c.result().dataset(), c.stored()), (Dataset) source.data(), judge, all,
                common.progress(root.err), (i, n, s, score) -> root.out.println(
                        TrainingChoice.scoreSummary(i, n, s, score, judge, "the images compressed")));
        root.out.println(TrainingChoice.keptSummary(chosen.index(), count, first));
        CompressionResult kept = chosen.kept().result();
        CompressedDataset file = TrainingChoice.recorded(kept.dataset(), first, chosen.index(), chosen.scores(), judge);
        return new Compressed(new CompressionResult(file, all, kept.warnings(), kept.latents()), chosen.kept().stored());
    }

    /**
     * {@code --training-candidates}: in range and, for more than one, of images a ConvNet can judge (once
     * {@code source} is read) and not with {@code --epsilon}.
     */
    private void checkTrainingCandidates(ResolvedDataset source) {
        if (trainingCandidates == null) {
            return;
        }
        TrainingChoice.requireCount(trainingCandidates);
        if (trainingCandidates == 1) {
            return;
        }
        if (epsilon != null) {
            throw new InputException("--training-candidates judges files by the real images, which --epsilon's privacy"
                    + " budget does not count; use one or the other");
        }
        if (source == null) {
            return;
        }
        if (!(source.data() instanceof Dataset images)) {
            throw new InputException(source.displayName() + ": a table; --training-candidates judges files by a"
                    + " ConvNet trained on their decoded images, so it applies to images only");
        }
        try {
            ConvNet.spec(images.shape(), images.numClasses());
        } catch (InputException e) {
            throw new InputException(source.displayName() + ": --training-candidates judges files by a ConvNet, and "
                    + e.getMessage());
        }
    }

    /** {@code --rounding-candidates}, 1 when not given. */
    private int roundingCandidates() {
        return roundingCandidates == null ? 1 : roundingCandidates;
    }

    private void sayScore(int index, int count, double score) {
        root.out.println(RoundingChoice.scoreSummary(index, count, score, "the images compressed"));
    }

    /**
     * {@code --rounding-candidates}: in range, and more than one only where there are rounding steps to run again
     * and images to judge the files by ({@code rounding}: the tuning of a compression without --budget, whose
     * setting decides it otherwise).
     */
    private void checkRoundingCandidates(ResolvedDataset source, RoundingTuning rounding) {
        if (roundingCandidates == null) {
            return;
        }
        RoundingChoice.requireCount(roundingCandidates);
        if (roundingCandidates == 1) {
            return;
        }
        if (epsilon != null) {
            throw new InputException("--rounding-candidates judges files by the real images, which --epsilon's privacy"
                    + " budget does not count; use one or the other");
        }
        if (source != null && source.data() instanceof Table) {
            throw new InputException(source.displayName() + ": a table; --rounding-candidates judges files by"
                    + " classifiers trained on their decoded images, so it applies to images only");
        }
        if (rounding != null && !rounding.enabled()) {
            throw new InputException("--rounding-candidates chooses among the paths of the rounding steps, and there"
                    + " are none here (they run for --precision int8 or int4 with --rounding-steps above 0)");
        }
    }

    /** {@code --covariance-rank}: of full covariances, below a latent dimension of {@code latent}. */
    private void checkCovarianceRank(int latent) {
        if (covarianceRank == null) {
            return;
        }
        StorageOptionChecks.requireCovarianceRank(covarianceRank, CovarianceType.parse(covariance), latent);
        if (covarianceRank > 0 && epsilon != null) {
            throw new InputException("--covariance-rank applies to fitted mixtures; --epsilon stores its own");
        }
    }

    /**
     * The compressions of configurations that differ in their mixtures only, in order, from one training
     * ({@link Compressor#compress} for one); each still to be {@link #finish finished}.
     */
    private List<CompressionResult> trainOnce(ResolvedDataset source, SourceInfo info,
            List<CompressionConfig> configs) {
        List<CompressionResult> results = new ArrayList<>();
        try {
            Compressor.compressEach(source.data(), info, configs.get(0),
                    configs.stream().map(CompressionConfig::mixtures).toList(), common.progress(root.err), results::add);
        } catch (TrainingDivergedException e) {
            throw e.withAdvice("try a lower --lr, such as " + OptionChecks.number(learningRate / 10));
        }
        return results;
    }

    /**
     * A compression to be stored as {@code stored}, its decoder trained for the grid by {@code rounding}, whose
     * steps draw with {@code roundingSeed}.
     */
    private Compressed finish(CompressionResult result, long roundingSeed, DecoderGrid grid,
            StoragePrecision stored, RoundingTuning rounding) {
        CompressedDataset tuned;
        try {
            tuned = RoundingStage.apply(result.dataset(), grid, rounding, roundingSeed, result.times(),
                    common.progress(root.err));
        } catch (TrainingDivergedException e) {
            throw e.withAdvice("try fewer --rounding-steps, or 0");
        }
        return new Compressed(new CompressionResult(recommending(tuned), result.times(), result.warnings(),
                result.latents()), stored);
    }

    /** {@code made} with its decoder sharpened ({@link SharpeningStage}) when {@code apply}. */
    private Compressed sharpened(Compressed made, ResolvedDataset source, long seed, boolean apply) {
        if (!apply) {
            return made;
        }
        CompressionResult r = made.result();
        SharpeningStage.Sharpened s = r.times().time("sharpen", () -> SharpeningStage.apply(r.dataset(),
                (Dataset) source.data(), made.stored(), SamplingPlan.defaultSpread(r.dataset().metadata()), seed));
        root.out.println(SharpeningStage.summary(s.gains()));
        return new Compressed(new CompressionResult(s.dataset(), r.times(), r.warnings(), r.latents()), made.stored());
    }

    /** {@code --sharpen}: of images a frequency gain takes ({@link StorageOptionChecks#requireSharpenable}). */
    private void checkSharpen(ResolvedDataset source) {
        if (sharpen) {
            StorageOptionChecks.requireSharpenable(source.data(), source.displayName());
        }
    }

    /** {@code --spread}: above 0 and at most what a file may recommend. */
    private void checkSpread() {
        if (spread != null) {
            StorageOptionChecks.requireDrawSpread(spread);
        }
    }

    /** {@code file} recommending {@code --spread} where it was given. */
    private CompressedDataset recommending(CompressedDataset file) {
        return spread == null ? file : file.withDrawSpread(spread);
    }

    /** {@code --int8-layers} on {@code --precision}'s grid: checked before any work but the decoder's own layers. */
    private DecoderGrid decoderGrid(Precision decoder) {
        return DecoderGrid.fromOptions(decoder, int8Layers);
    }

    /** {@code --int8-layers}: layers of the decoder {@code config} trains that have weights, before training it. */
    private static void checkInt8Layers(DecoderGrid grid, CompressionConfig config, LabelledData data) {
        if (!grid.isMixed()) {
            return;
        }
        if (config.decoder() != DecoderKind.AUTOENCODER) {
            throw new InputException("--int8-layers keeps layers of the autoencoder's decoder at int8; the "
                    + config.decoder().cliName() + " decoder is one layer: store it with --precision int8");
        }
        grid.requireWeightedLayers(config.autoencoder().forData(data).spec(data.layout()).decoder());
    }

    /**
     * {@code --rounding-steps} for a decoder stored at {@code decoder}, or that precision's default, at
     * {@code --rounding-schedule}'s rate.
     */
    private RoundingTuning roundingTuning(Precision decoder) {
        RoundingTuning tuning = RoundingTuning.defaultFor(decoder);
        if (roundingSteps != null) {
            OptionChecks.atLeast("--rounding-steps", roundingSteps, 0);
            if (roundingSteps > 0 && !decoder.isQuantized()) {
                throw new InputException("--rounding-steps trains the decoder for int8's or int4's grid; --precision "
                        + decoder.label() + " rounds nothing");
            }
            tuning = RoundingTuning.steps(roundingSteps);
        }
        return roundingSchedule == null ? tuning : tuning.withScheduleNamed(roundingSchedule,
                "they run for --precision int4, or int8 with --rounding-steps above 0");
    }

    /** {@code --mixture-precision}: null for auto (the writer's own rule), else fp16, int8 or fp32. */
    private Precision mixtureStorage() {
        return StorageOptionChecks.mixturePrecision(mixturePrecision);
    }

    /** How {@code data} is stored: the writer's rule for {@code precision}, or the mixtures at {@code mixtures}. */
    private StoragePrecision storage(CompressedDataset data, Precision precision, Precision mixtures) {
        return StorageOptionChecks.storage(data, precision, mixtures, root.out::println);
    }

    /** {@code --budget}: {@link BudgetCompressor}, its steps said as they happen. */
    private Compressed compressForBudget(long budgetBytes, ResolvedDataset source, SourceInfo info,
            CompressionConfig config) {
        if (!(source.data() instanceof Dataset images)) {
            throw new InputException(source.displayName() + ": a table; --budget chooses among settings measured on"
                    + " images (a table takes --latent-dim and --components)");
        }
        // a setting measured with longer training (or its own teacher) trains so, unless the user gave the epochs
        // (the teacher)
        MeasuredSettings.Training training = new MeasuredSettings.Training(
                !given("--epochs") && !given("--feature-epochs"),
                !given("--teacher-width") && !given("--teacher-epochs"));
        PrintStream out = root.out;
        BudgetCompressor.Listener said = new BudgetCompressor.Listener() {
            @Override
            public void choosing(MeasuredSettings.Choice choice, boolean retry) {
                sayChoice(budgetBytes, images, choice, retry, training, config);
            }

            @Override
            public void refitting(long bytes, MeasuredSettings.Setting next) {
                out.println("budget: the file came out at " + Text.bytes(bytes) + "; the same trained network"
                        + " finished as: " + next.describe());
            }

            @Override
            public void trainingNext(long bytes, String why) {
                out.println("budget: the file came out at " + Text.bytes(bytes) + ", " + why
                        + "; trying the next setting");
            }

            @Override
            public void mixturesStored(StoragePrecision stored, MeasuredSettings.Setting setting, double moved) {
                out.println(String.format(Locale.ROOT, "budget: mixtures stored in %s %s, which moves a class by at"
                        + " most %.1e nats", stored.mixtures().label(), setting.mixtures() == Precision.INT8
                        ? "as the setting was measured" : "to fit", moved));
            }

            @Override
            public void sharpened(double[] gains) {
                out.println(SharpeningStage.summary(gains));
            }

            @Override
            public void candidateScored(int index, int count, double score) {
                sayScore(index, count, score);
            }

            @Override
            public void candidateKept(int index, int count) {
                out.println(RoundingChoice.keptSummary(index, count));
            }
        };
        try {
            BudgetCompressor.Budgeted made = BudgetCompressor.compress(images, info, source.displayName(),
                    budgetBytes, config, new BudgetCompressor.Options(training, sharpen, spread, roundingCandidates()),
                    common.progress(root.err), said);
            sayBudgetRounding(made);
            return new Compressed(made.result(), made.storage());
        } catch (TrainingDivergedException e) {
            throw e.withAdvice("try a lower --lr, such as " + OptionChecks.number(learningRate / 10));
        }
    }

    /** Why the budget's file had no rounding candidates to choose from, when it had none (the listener said which it kept otherwise). */
    private void sayBudgetRounding(BudgetCompressor.Budgeted made) {
        if (roundingCandidates() > 1 && !made.setting().rounding().enabled()) {
            root.out.println("rounding: the setting chosen has no rounding steps (" + made.setting().describe()
                    + "), so there was one file to keep");
        }
    }

    /** Whether the command line named {@code option}. */
    private boolean given(String option) {
        return spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The measured setting chosen for these images, said before its training starts. */
    private void sayChoice(long budgetBytes, Dataset images, MeasuredSettings.Choice choice, boolean retry,
            MeasuredSettings.Training training, CompressionConfig config) {
        String accuracy = String.format(Locale.ROOT, "%.2f", 100 * choice.setting().fashionAccuracy());
        boolean basisOnly = DecoderKind.auto(images) == DecoderKind.PCA;
        String which = (retry ? "the next " : "the best ") + "measured " + (basisOnly ? "PCA " : "")
                + (choice.then().isEmpty() ? "setting predicted to fit" : "setting on a network predicted to fit")
                + (basisOnly ? String.format(Locale.ROOT, "; the basis decodes fewer"
                + " than %,d images better", DecoderKind.PCA_BELOW_IMAGES) : "");
        root.out.println("budget " + Text.bytes(budgetBytes) + ": " + choice.setting().describe()
                + ", predicted at most " + Text.bytes(choice.predictedBytes()) + " with "
                + MeasuredSettings.predictedStorage(choice.setting()).mixtures().label() + " mixtures (" + accuracy
                + " % on Fashion-MNIST, " + which + ")" + fallback(choice)
                + (!training.ownEpochs() && choice.setting().epochs() > 0
                        ? "; it trains for the " + config.autoencoder().fit().epochs()
                        + (config.autoencoder().fit().epochs() == 1 ? " epoch" : " epochs") + " given, not the "
                        + choice.setting().epochs() + " it was measured with" : "")
                + (!training.ownTeacher() && choice.setting().teacherWidth() > 0
                        ? "; it learns from the teacher given (width " + config.autoencoder().featureMatching()
                        .teacherWidth() + ", " + config.autoencoder().featureMatching().teacherEpochs()
                        + " epochs), not the one it was measured with" : ""));
    }

    /** What a choice predicted over its budget falls back on: the same network's mixtures as a setting predicted to fit. */
    private static String fallback(MeasuredSettings.Choice choice) {
        if (choice.then().isEmpty()) {
            return "";
        }
        MeasuredSettings.Choice fits = choice.then().get(choice.then().size() - 1);
        return "; should its file come out larger, the same trained network is finished as " + (choice.then()
                .size() > 1 ? "the settings after it, down to " : "") + fits.setting().describe() + " (predicted at most "
                + Text.bytes(fits.predictedBytes()) + ")";
    }

    /** {@code --epsilon}: nothing but noisy sums of clipped records reaches the file. */
    private int compressPrivately(ResolvedDataset source, OutputTarget target, Precision storage,
            Precision mixtures) {
        if (!(source.data() instanceof Dataset images)) {
            throw new InputException(source.displayName() + ": a table; --epsilon applies to images only");
        }
        double d = delta != null ? delta : Math.min(1e-5, 0.1 / images.size());
        if (!(d > 0 && d < 1.0 / images.size())) {
            throw new InputException("--delta must be above 0 and below 1/n = " + OptionChecks.number(1.0 / images.size())
                    + " for the " + images.size() + " records of " + source.displayName() + ", got "
                    + OptionChecks.number(d));
        }
        int k = latentDim != null ? latentDim : AutoencoderConfig.DEFAULT_LATENT_DIM;
        if (decoderFrom == null && publicData == null && k > images.shape().size()) {
            throw new InputException("--latent-dim must be at most " + images.shape().size()
                    + " (values per image) for --epsilon, got " + k);
        }
        DpConfig dp = DpConfig.of(epsilon, d, k).withComponents(privateComponents()).withSplit(split())
                .withPartition("partition".equals(privateFit));
        if ("axes".equals(privateFit())) {
            dp = dp.withPublicAxes();
        }
        DpNoise noise = noiseSeed == null ? DpNoise.secure() : DpNoise.replayable(noiseSeed);
        long start = System.nanoTime();
        CompressedDataset file;
        if (publicData != null) {
            try (PublicDecoder decoder = trainedPublicDecoder(images, source.displayName())) {
                file = DpCompressor.compress(images, decoder, dp, seed, noise);
            }
        } else if (decoderFrom == null) {
            file = DpCompressor.compress(images, dp, seed, noise);
        } else {
            try (PublicDecoder decoder = publicDecoder(images, source.displayName())) {
                file = DpCompressor.compress(images, decoder, dp, seed, noise);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        target.requireReplaceable();
        StoragePrecision stored = storage(file, storage, mixtures);
        WriteReport written = target.writing(() -> ArtifactFile.write(output, recommending(file), stored));
        root.out.println("wrote " + output + ": " + Text.bytes(written.totalBytes()));
        root.out.println("  header     " + Text.bytes(written.headerBytes()));
        written.sectionBytes().forEach((name, bytes) -> root.out.println("  " + pad(name) + Text.bytes(bytes)));
        root.out.println("differential privacy: " + InspectCommand.privacy(file.metadata().provenance()));
        InspectCommand.privacyDetails(file.metadata().provenance()).forEach(root.out::println);
        root.out.println("time: " + Text.seconds(seconds));
        return ExitCodes.OK;
    }

    /** The decoder of {@code --decoder-from}, which must make images of the private data's shape. */
    private PublicDecoder publicDecoder(Dataset images, String dataName) {
        VerifiedArtifact pub = ArtifactFile.readVerified(decoderFrom);
        if (pub.dataset().metadata().isTable()) {
            throw new InputException(decoderFrom + ": holds a table; --decoder-from needs a file of images");
        }
        if (!pub.dataset().metadata().sampleShape().equals(images.shape())) {
            throw new InputException(decoderFrom + ": decodes " + pub.dataset().metadata().sampleShape() + " images, but "
                    + dataName + " holds " + images.shape() + " images");
        }
        return clipped(PublicDecoder.of(pub.dataset(), decoderFrom.getFileName().toString(), pub.parts().sha256(),
                seed, common.progress(root.err)));
    }

    /**
     * The autoencoder of {@code --public-data}, trained as a plain compress would train it; its own
     * encoder then finds the private latents.
     */
    private PublicDecoder trainedPublicDecoder(Dataset images, String dataName) {
        ResolvedDataset pub = DatasetResolver.resolveWith(publicData, input.readOptions(null));
        if (!(pub.data() instanceof Dataset publicImages)) {
            throw new InputException(pub.displayName() + ": a table; --public-data needs images");
        }
        if (!publicImages.shape().equals(images.shape())) {
            throw new InputException(pub.displayName() + ": holds " + publicImages.shape() + " images, but " + dataName
                    + " holds " + images.shape() + " images");
        }
        FittedCodec fitted;
        try {
            fitted = Compressor.fitCodec(publicImages, SourceInfo.of(pub, SourceInfo.Record.MINIMAL),
                    config(publicImages, DecoderKind.AUTOENCODER), common.progress(root.err));
        } catch (TrainingDivergedException e) {
            throw e.withAdvice("the public data's autoencoder uses compress's defaults");
        }
        return clipped(PublicDecoder.trained(fitted.codec(), publicImages,
                SourceInfo.of(pub, SourceInfo.Record.MINIMAL).name(), pub.sha256()));
    }

    /** {@code --clip-quantile} applied; the decoder returned owns the encoder. */
    private PublicDecoder clipped(PublicDecoder decoder) {
        return clipQuantile == null ? decoder : decoder.withClipQuantile(clipQuantile);
    }

    /**
     * {@code --private-fit}, or its default: axes with a public decoder (along public axes, one Gaussian
     * per class gained 5.6 points at epsilon 1 and 5 components 4 points over private EM at epsilon 10,
     * see bench/results/dp.md), else em, the only fit without public data.
     */
    private String privateFit() {
        if (privateFit != null) {
            return privateFit;
        }
        return decoderFrom != null || publicData != null ? "axes" : "em";
    }

    /** {@code --budget-split}, or the default. */
    private BudgetSplit split() {
        if (budgetSplit == null) {
            return BudgetSplit.DEFAULT;
        }
        try {
            return BudgetSplit.parse(budgetSplit);
        } catch (IllegalArgumentException e) {
            throw new InputException("--budget-split " + e.getMessage());
        }
    }

    /** {@code --components} with --epsilon: a whole number (1 takes private moments, more run private EM). */
    private int privateComponents() {
        if (!given("--components")) {
            return 1; // the non-private default (5) is not the private one
        }
        try {
            int k = Integer.parseInt(components.trim());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("--components must be a whole number >= 1 with --epsilon (no BIC choice, which"
                + " would look at the data), got '" + components + "'");
    }

    /** Options that --epsilon replaces by its own method; given together, they are refused, not ignored. */
    private void checkPrivateOptions() {
        if (epsilon != null && sharpen) {
            throw new InputException("--sharpen fits the decoder to the real images' spectrum, which --epsilon's"
                    + " guarantee does not cover");
        }
        if (epsilon == null) {
            if (delta != null) {
                throw new InputException("--delta applies only with --epsilon");
            }
            if (decoderFrom != null) {
                throw new InputException("--decoder-from applies only with --epsilon");
            }
            if (noiseSeed != null) {
                throw new InputException("--noise-seed applies only with --epsilon, whose noise it draws");
            }
            if (publicData != null) {
                throw new InputException("--public-data applies only with --epsilon");
            }
            if (clipQuantile != null || budgetSplit != null || privateFit != null) {
                throw new InputException((clipQuantile != null ? "--clip-quantile"
                        : budgetSplit != null ? "--budget-split" : "--private-fit") + " applies only with --epsilon");
            }
            return;
        }
        if (clipQuantile != null && decoderFrom == null && publicData == null) {
            throw new InputException("--clip-quantile applies with --decoder-from or --public-data, whose public "
                    + "latents it is a quantile of");
        }
        if (clipQuantile != null && !(clipQuantile > 0 && clipQuantile <= 1)) {
            throw new InputException("--clip-quantile must be in (0, 1], got " + OptionChecks.number(clipQuantile));
        }
        split(); // checked before any data is read
        if (privateFit != null && !List.of("em", "partition", "axes").contains(privateFit)) {
            throw new InputException("--private-fit must be em, partition or axes, got '" + privateFit + "'");
        }
        boolean partition = "partition".equals(privateFit) || "axes".equals(privateFit);
        if (partition && decoderFrom == null && publicData == null) {
            throw new InputException("--private-fit " + privateFit + " needs --decoder-from or --public-data, whose "
                    + "public mixtures it assigns records to");
        }

        if (decoderFrom != null && publicData != null) {
            throw new InputException("--public-data and --decoder-from both give the decoder; use one");
        }
        if (decoderFrom != null && latentDim != null) {
            throw new InputException("--latent-dim does not apply with --decoder-from, whose decoder fixes it");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new InputException("--epsilon must be a positive number, got " + OptionChecks.number(epsilon));
        }
        List<String> training = AUTOENCODER_OPTIONS;
        List<String> refused = new java.util.ArrayList<>(List.of("--decoder", "--covariance", "--n-init",
                "--tune-steps", "--tune-match", "--rounding-steps", "--rounding-schedule", "--int8-layers", "--report",
                "--provenance"));
        if (publicData == null) {
            refused.addAll(training); // they train the public data's autoencoder, if there is one
        }
        for (String option : refused) {
            if (given(option)) {
                throw new InputException(option + " does not apply with --epsilon, which fits its own PCA decoder "
                        + "(or takes one with --decoder-from or --public-data) and mixtures from noisy statistics, and "
                        + "records no source");
            }
        }
        privateComponents(); // checked before any data is read
    }

    private void writeReport(OutputTarget reportTarget, ResolvedDataset source, CompressionResult result,
            WriteReport written) {
        // the file as written: its decoder's weights as a receiver reads them back, rounded as stored
        CompressedDataset stored = ArtifactFile.read(output);
        WrittenReport page = reportTarget.writing(() -> ReportWriter.write(reportTarget, ReportInputs.builder(stored)
                .artifactName(output.getFileName().toString())
                .partSizes(written)
                .realData(source.dataset(), source.displayName())
                .realLatents(result.latents(), source.dataset().labels())
                .seed(seed)
                .build()));
        root.out.println("wrote report " + page.index());
    }

    /**
     * The configuration for {@code data}, whose kind decides the defaults: a table gets no feature
     * matching (asking for it is an error, not silently ignored), a latent dimension no larger than
     * its features, and enough epochs for its few batches. Null data checks the options alone.
     */
    CompressionConfig config(LabelledData data) {
        return config(data, decoderKind(data));
    }

    /**
     * {@code --decoder}, with auto decided for {@code data} ({@link DecoderKind#auto}), except that
     * an option only an autoencoder uses asks for one.
     */
    DecoderKind decoderKind(LabelledData data) {
        if (!decoderIsAuto()) {
            try {
                return DecoderKind.parse(decoder);
            } catch (InputException e) {
                throw new InputException("unknown decoder '" + decoder + "': expected auto, autoencoder or pca");
            }
        }
        boolean asked = tuneSteps > 0 || AUTOENCODER_OPTIONS.stream().anyMatch(this::given);
        return data == null || asked ? DecoderKind.AUTOENCODER : DecoderKind.auto(data);
    }

    private boolean decoderIsAuto() {
        return AUTO_DECODER.equals(decoder.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private CompressionConfig config(LabelledData data, DecoderKind decoderKind) {
        checkNumbers();
        AutoencoderKind kind = AutoencoderKind.parse(model);
        boolean table = data instanceof Table;
        if (table) {
            if (decoderKind == DecoderKind.PCA) {
                throw new InputException(dataset + ": a table; --decoder pca is a basis of image pixels, so it applies"
                        + " to images only (a table trains the dense autoencoder)");
            }
            if (kind == AutoencoderKind.CONV) {
                throw new InputException(dataset + ": a table; --model conv needs images, a table trains the dense"
                        + " autoencoder (--model auto or dense)");
            }
            if (width != AutoencoderConfig.DEFAULT_WIDTH || stem != null) {
                String given = width != AutoencoderConfig.DEFAULT_WIDTH && stem != null ? "--width and --stem shape"
                        : stem != null ? "--stem shapes" : "--width shapes";
                throw new InputException(dataset + ": a table; " + given
                        + " the convolutional autoencoder and applies to images only");
            }
            if (featureWeight != null && featureWeight > 0 || featureEpochs != null && featureEpochs > 0
                    || teacherEpochs != null || teacherWidth != null || textureWeight > 0) {
                throw new InputException(dataset + ": a table; feature matching (--feature-weight, --feature-epochs,"
                        + " --teacher-epochs, --teacher-width, --texture-weight) compares a CNN's features of images"
                        + " and applies to images only");
            }
        }
        int e = epochs != null ? epochs : data == null ? AutoencoderConfig.DEFAULT_EPOCHS
                : AutoencoderConfig.defaultEpochs(data, batchSize);
        FeatureMatching defaults = AutoencoderConfig.DEFAULT_FEATURE_MATCHING;
        FeatureMatching matching = table ? FeatureMatching.OFF : new FeatureMatching(
                featureWeight != null ? featureWeight : defaults.weight(),
                featureEpochs != null ? featureEpochs : Math.min(defaults.epochs(), e),
                teacherEpochs != null ? teacherEpochs : defaults.teacherEpochs(),
                teacherWidth != null ? teacherWidth : defaults.teacherWidth(),
                textureWeight);
        int k = latentDim != null ? latentDim : data == null ? AutoencoderConfig.DEFAULT_LATENT_DIM
                : AutoencoderConfig.defaultLatentDim(data);
        AutoencoderConfig ae = new AutoencoderConfig(k, width, stem != null ? stem : Architectures.NO_STEM,
                new FitConfig(e, batchSize, learningRate, seed, LearningRateSchedule.parse(learningRateSchedule)),
                AutoencoderConfig.DEFAULT_VALIDATION_FRACTION,
                matching, kind, latentNoise, klWeight);
        MixtureSettings mixtures = MixtureSettings.parse(components, CovarianceType.parse(covariance), nInit);
        if (stem != null && !table && (decoderKind == DecoderKind.PCA || kind == AutoencoderKind.DENSE)) {
            throw new InputException("--stem shapes the convolutional decoder; "
                    + (decoderKind == DecoderKind.PCA ? "--decoder pca" : "--model dense") + " has none");
        }
        if (tuneSteps > 0 && (table || decoderKind == DecoderKind.PCA)) {
            throw new InputException("--tune-steps trains an autoencoder's decoder on images; "
                    + (table ? dataset + " is a table" : "--decoder pca has no training"));
        }
        DecoderTuning off = DecoderTuning.OFF;
        DecoderTuning tuning = new DecoderTuning(tuneSteps, off.perClass(), off.learningRate(), tuneMatch,
                off.teacherEpochs());
        return new CompressionConfig(decoderKind, ae, mixtures, seed, tuning);
    }

    /**
     * Writes the artifact. A weight that the precision cannot store (ArtifactFile's documented
     * IllegalArgumentException) comes from training that ran away without a non-finite loss, as one
     * huge step does: the user's options did that, so it is reported as bad input with what to try.
     */
    private WriteReport write(CompressionResult result, StoragePrecision storage) {
        return storable(() -> ArtifactFile.write(output, result.dataset(), storage));
    }

    /** Runs a step that stores the trained weights, turning weights beyond the precision into advice. */
    private <T> T storable(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage() + " (weights this large mean training ran away: try a lower"
                    + " --lr, such as " + OptionChecks.number(learningRate / 10) + ")", e);
        }
    }

    /** Each number under its own option, before any default is derived from it. */
    private void checkNumbers() {
        OptionChecks.atLeast("--latent-dim", latentDim, 1);
        OptionChecks.atLeast("--n-init", nInit, 1);
        OptionChecks.atLeast("--epochs", epochs, 1);
        OptionChecks.atLeast("--batch-size", batchSize, 1);
        OptionChecks.positive("--lr", learningRate);
        OptionChecks.nonNegative("--feature-weight", featureWeight);
        OptionChecks.atLeast("--feature-epochs", featureEpochs, 0);
        OptionChecks.atLeast("--teacher-epochs", teacherEpochs, 1);
        NetworkOptionChecks.requireTeacherWidth(teacherWidth);
        OptionChecks.atLeast("--tune-steps", tuneSteps, 0);
        NetworkOptionChecks.requireWidth(width);
        OptionChecks.nonNegative("--tune-match", tuneMatch);
        NetworkOptionChecks.requireStem(stem);
    }

    private void printSummary(PrintStream out, ResolvedDataset source, CompressionResult result, WriteReport written) {
        LabelledData data = source.data();
        // Raw: what the samples take as a program holds them, one byte per label.
        boolean table = data instanceof Table;
        long raw = (long) data.size() * data.layout().size() * (table ? Float.BYTES : 1) + data.size();
        out.println("wrote " + output + ": " + Text.bytes(written.totalBytes()));
        out.println("  header     " + Text.bytes(written.headerBytes()));
        written.sectionBytes().forEach((name, bytes) -> out.println("  " + pad(name) + Text.bytes(bytes)));
        out.println("ratio: " + Text.ratio(raw, written.totalBytes()) + " vs raw data (" + Text.bytes(raw)
                + (table ? " of float32 features + labels), " : " of uint8 pixels + labels), ")
                + Text.ratio(source.sourceBytes(), written.totalBytes()) + " vs the dataset files (" + Text.bytes(source.sourceBytes()) + ")");
        out.println("time: " + Text.times(result.times().seconds()) + "; total "
                + Text.seconds(result.times().total()));
        result.warnings().forEach(w -> out.println("warning: " + w));
    }

    private static String pad(String name) {
        return String.format("%-11s", name);
    }
}
