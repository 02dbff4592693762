package io.lgc.spark.cli;

import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StorageOptionChecks;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.container.WriteReport;
import io.lgc.data.DatasetResolver;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.NetworkOptionChecks;
import io.lgc.model.RoundingTuning;
import io.lgc.output.OutputTarget;
import io.lgc.pipeline.DecoderGrid;
import io.lgc.pipeline.MixtureSettings;
import io.lgc.pipeline.RoundingChoice;
import io.lgc.pipeline.RoundingStage;
import io.lgc.pipeline.SharpeningStage;
import io.lgc.synth.SamplingPlan;
import io.lgc.spark.InputColumns;
import io.lgc.spark.LgcSpark;
import io.lgc.spark.SparkCompressConfig;
import io.lgc.spark.SparkCompression;
import io.lgc.spark.TableReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lgc-spark compress INPUT -o FILE.lgc}: the file {@code lgc compress} writes, computed on Spark. */
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = "Compress a labelled table (Parquet, or any dataset lgc compress reads) into an .lgc file.")
final class CompressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "Parquet file or directory (also hdfs://, s3a://), or a dataset lgc compress reads.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The .lgc file to write.")
    Path output;

    @Option(names = "--label", paramLabel = "COL", description = "Label column (default: label).")
    String label = "label";

    @Option(names = "--image", paramLabel = "COL",
            description = "Image column: PNG/JPEG bytes or an array of pixel values (default: image, if the table has"
                    + " one; else the numeric columns are features).")
    String image;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "Feature columns (default: all"
            + " numeric columns but the label).")
    List<String> features = List.of();

    @Option(names = "--sample-per-class", paramLabel = "N",
            description = "Records per class the autoencoder trains on (default: 6000).")
    int samplePerClass = SparkCompressConfig.DEFAULT_SAMPLE_PER_CLASS;

    @Option(names = "--latent-dim", paramLabel = "K", description = "Latent dimension (default as lgc compress).")
    int latentDim;

    @Option(names = "--epochs", paramLabel = "E", description = "Autoencoder epochs (default as lgc compress).")
    int epochs;

    @Option(names = "--feature-weight", paramLabel = "W", description = "Weight of the feature-matching loss, 0 for"
            + " pixel loss only (default as lgc compress: 0.1; images only).")
    Double featureWeight;

    @Option(names = "--feature-epochs", paramLabel = "E", description = "The last E epochs match features (default as"
            + " lgc compress: 3, or as many as --epochs; images only).")
    Integer featureEpochs;

    @Option(names = "--width", paramLabel = "W", description = "Filters of the convolutional autoencoder, a multiple of"
            + " 16; the decoder's bytes grow about as W (default: 32; images only).")
    Integer width;

    @Option(names = "--stem", paramLabel = "C", description = "The convolutional decoder's linear layer fills C"
            + " channels, which a 3x3 convolution widens, as lgc compress --stem does (default: none; images only).")
    Integer stem;

    @Option(names = "--components", paramLabel = "K", description = "Components per class: K, auto or"
            + " auto:MIN-MAX (BIC on the sample) (default: 5).")
    String components = Integer.toString(MixtureSettings.DEFAULT_COMPONENTS);

    @Option(names = "--covariance", paramLabel = "TYPE", description = "full, diag, spherical or tied (default: full).")
    String covariance = "full";

    @Option(names = "--covariance-rank", paramLabel = "R", description = "Store each full covariance as R loading"
            + " vectors plus a diagonal, as lgc compress --covariance-rank does (default: 0, whole).")
    int covarianceRank;

    @Option(names = "--n-init", paramLabel = "N", description = "Initialisations per class (default: 2).")
    int nInit = MixtureSettings.DEFAULT_N_INIT;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: 1).")
    long seed = 1;

    @Option(names = "--precision", paramLabel = "P", description = "Decoder weights: int8, int4, fp16 or fp32 (default:"
            + " int8); an int4 decoder is trained " + RoundingTuning.INT4_DEFAULT_STEPS + " steps for its grid, as lgc"
            + " compress does.")
    String precision = "int8";

    @Option(names = "--mixture-precision", paramLabel = "P", description = "auto, fp16, int8 or fp32, as lgc compress"
            + " --mixture-precision stores the mixtures (default: auto, the writer's rule).")
    String mixturePrecision = "auto";

    @Option(names = "--spread", paramLabel = "F", description = "Record in the file that receivers should draw at"
            + " spread F, as lgc compress --spread does (above 0, at most 100; default: none recorded).")
    Double spread;

    @Option(names = "--sharpen", description = "End the decoder with a gain on each ring of spatial frequency fitted to"
            + " the sampled images' spectrum, as lgc compress --sharpen does (images only).")
    boolean sharpen;

    @Option(names = "--rounding-schedule", paramLabel = "S", description = "The rounding steps' learning rate,"
            + " constant or cosine (decayed to nothing over the steps), as lgc compress --rounding-schedule sets it"
            + " (default: constant; --precision int4 only).")
    String roundingSchedule;

    @Option(names = "--int8-layers", paramLabel = "I[,I...]", split = ",", description = "Under --precision int4, the"
            + " decoder layers kept at int8, as lgc compress --int8-layers keeps them; checked against the decoder"
            + " once the sample is drawn, before training.")
    List<Integer> int8Layers;

    @Option(names = "--rounding-candidates", paramLabel = "N", description = "Run the rounding steps N times and keep"
            + " the file whose draws train the best classifiers, tested on the images sampled to the driver, as lgc"
            + " compress --rounding-candidates does (default: 1; images only).")
    int roundingCandidates = 1;

    @Option(names = "--force", description = "Replace an existing file at -o (never the input).")
    boolean force;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        SparkCompressConfig.requireFeatureWeight(featureWeight); // before Spark starts
        SparkCompressConfig.requireFeatureEpochs(featureEpochs, epochs);
        Precision storage = Precision.parse(precision);
        Precision mixtureStorage = StorageOptionChecks.mixturePrecision(mixturePrecision);
        DecoderGrid grid = DecoderGrid.fromOptions(storage, int8Layers);
        NetworkOptionChecks.requireWidth(width); // before Spark starts, in lgc compress's words
        NetworkOptionChecks.requireStem(stem);
        MixtureSettings mixtures = MixtureSettings.parse(components, CovarianceType.parse(covariance), nInit);
        if (spread != null) {
            StorageOptionChecks.requireDrawSpread(spread);
        }
        StorageOptionChecks.requireCovarianceRank(covarianceRank, mixtures.covarianceType(),
                latentDim > 0 ? latentDim : AutoencoderConfig.DEFAULT_LATENT_DIM);
        requireRoundingCandidates(storage);
        RoundingTuning rounding = rounding(storage);
        requireInput();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException(output + ": the folder " + parent + " does not exist");
        }
        // as lgc compress: never the input, never an existing file unless --force, checked before Spark starts
        OutputTarget target = OutputTarget.file(output, force);
        target.requireApartFrom(List.of(Path.of(input)));
        target.prepare();
        SparkSession spark = Sessions.get();
        TableReader.Input read = TableReader.read(spark, input, columns(spark));
        if (sharpen && read.columns().image() == null) {
            throw StorageOptionChecks.sharpenTable(input);
        }
        SparkCompressConfig config = SparkCompressConfig.defaults(read.columns()).withSamplePerClass(samplePerClass)
                .withSeed(seed).withLatentDim(latentDim).withEpochs(epochs).withMixtures(mixtures)
                .withWidth(width == null ? 0 : width).withStem(stem == null ? 0 : stem).withDecoderGrid(grid)
                .withSourceName(Path.of(input).getFileName() == null ? input : Path.of(input).getFileName().toString());
        if (featureWeight != null) {
            config = config.withFeatureWeight(featureWeight);
        }
        if (featureEpochs != null) {
            config = config.withFeatureEpochs(featureEpochs);
        }
        if (read.columns().image() == null) {
            config.requireImageOptions(input);
        }
        if (roundingCandidates > 1 && read.columns().image() == null) {
            throw new InputException(input + ": a table; --rounding-candidates judges files by classifiers trained on"
                    + " their decoded images, so it applies to images only");
        }
        SparkCompression result = LgcSpark.compress(read.table(), config);
        var out = spec.commandLine().getOut();
        CompressedDataset made = ranked(result.dataset(), out);
        StoragePrecision stored = StorageOptionChecks.storage(made, grid.stored(), mixtureStorage, out::println);
        // as lgc compress does by default: an int4 decoder is trained for its grid (on the driver, from the
        // file's own mixtures, stored at their rank)
        RoundingChoice.Chosen chosen = RoundingChoice.best(roundingCandidates, seed, roundingSeed -> {
            CompressedDataset tuned = RoundingStage.apply(made, grid, rounding, roundingSeed, result.times(),
                    Progress.silent());
            return sharpened(spread == null ? tuned : tuned.withDrawSpread(spread), result, stored, out);
        }, file -> stored, roundingCandidates == 1 ? null
                : (io.lgc.data.Dataset) result.sample(), result.times(), Progress.silent(),
                (i, n, score) -> out.println(RoundingChoice.scoreSummary(i, n, score, "the images sampled")));
        if (roundingCandidates > 1) {
            out.println(RoundingChoice.keptSummary(chosen.index(), roundingCandidates));
        }
        CompressedDataset finished = chosen.file();
        target.requireReplaceable(); // again: the file may have appeared while Spark worked
        WriteReport written = target.writing(() -> ArtifactFile.write(output, finished, stored));
        out.printf(Locale.ROOT, "wrote %s (%d bytes): %d records in %d classes, autoencoder trained on %d%n", output,
                Files.size(output), result.records(), result.dataset().metadata().numClasses(),
                result.sampleRecords());
        result.times().seconds().forEach((stage, s) -> out.printf(Locale.ROOT, "  %-20s %8.2f s%n", stage, s));
        result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        return written == null ? SparkMain.FAILURE : SparkMain.OK;
    }

    /**
     * {@code made} with its covariances to be stored at {@code --covariance-rank}, checked again against the
     * latent dimension it was given (a table with few features has a smaller default), as lgc compress says it.
     */
    private CompressedDataset ranked(CompressedDataset made, java.io.PrintWriter out) {
        if (covarianceRank == 0) {
            return made;
        }
        StorageOptionChecks.requireCovarianceRank(covarianceRank, made.metadata().covarianceType(),
                made.metadata().latentDim());
        CompressedDataset ranked = made.withCovarianceRank(covarianceRank);
        out.println(ArtifactFile.covarianceRankSummary(ranked));
        return ranked;
    }

    /**
     * {@code made} with its decoder sharpened on the records the autoencoder trained on when {@code --sharpen} asks,
     * drawn at the spread receivers draw at, as lgc compress does; a table is refused.
     */
    private CompressedDataset sharpened(CompressedDataset made, SparkCompression result, StoragePrecision stored,
            java.io.PrintWriter out) {
        if (!sharpen) {
            return made;
        }
        io.lgc.data.Dataset images = StorageOptionChecks.requireSharpenable(result.sample(), input);
        SharpeningStage.Sharpened s = result.times().time("sharpen", () -> SharpeningStage.apply(made, images,
                stored, SamplingPlan.defaultSpread(made.metadata()), seed));
        out.println(SharpeningStage.summary(s.gains()));
        return s.dataset();
    }

    /** {@code --rounding-candidates}: in range, and more than one only where the rounding steps run (int4). */
    private void requireRoundingCandidates(Precision storage) {
        RoundingChoice.requireCount(roundingCandidates);
        if (roundingCandidates > 1 && !RoundingTuning.defaultFor(storage).enabled()) {
            throw new InputException("--rounding-candidates chooses among the paths of the rounding steps, and there"
                    + " are none here (they run for --precision int4)");
        }
    }

    /**
     * The rounding steps for a decoder stored at {@code storage}, as lgc compress gives them by default (300 for
     * int4, none otherwise), at {@code --rounding-schedule}'s rate: checked before Spark starts.
     */
    private RoundingTuning rounding(Precision storage) {
        RoundingTuning tuning = RoundingTuning.defaultFor(storage);
        return roundingSchedule == null ? tuning
                : tuning.withScheduleNamed(roundingSchedule, "they run for --precision int4");
    }

    /** A local path that is missing is bad input naming it (a known name such as fashion-mnist/train is no path). */
    private void requireInput() throws NoSuchFileException {
        boolean remote = input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
        if (!remote && !Files.exists(Path.of(input)) && !DatasetResolver.knownNames().contains(input)) {
            throw new NoSuchFileException(input);
        }
    }

    /** For a Parquet table: the image column given, or "image" when there is one, else features. */
    private InputColumns columns(SparkSession spark) {
        if (image != null) {
            return new InputColumns(label, image, features, null);
        }
        if (features.isEmpty() && TableReader.isParquet(input)
                && List.of(spark.read().parquet(input).columns()).contains("image")) {
            return InputColumns.images(label, "image");
        }
        return InputColumns.features(label, features);
    }
}
