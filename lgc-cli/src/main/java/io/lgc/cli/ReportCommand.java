package io.lgc.cli;

import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.privacy.AuditResult;
import io.lgc.privacy.AuditSettings;
import io.lgc.privacy.PrivacyAudit;
import io.lgc.output.OutputTarget;
import io.lgc.report.Evaluation;
import io.lgc.report.ReportInputs;
import io.lgc.report.ReportWriter;
import io.lgc.report.Sweep;
import io.lgc.report.WrittenReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write an HTML report on an .lgc file (DIR/index.html and PNG pictures beside it): decoded "
                + "samples per class, the latent space with each class's mixture, BIC curves, and, when given, "
                + "the evaluation, a rate-accuracy sweep and real samples. Open DIR/index.html in a browser.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.lgc", description = "Artifact to report on.")
    Path artifact;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Report directory: new or empty; an earlier report only with --force.")
    Path output;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--eval", paramLabel = "FILE.json", description = "Output of lgc evaluate --json.")
    Path evaluation;

    @Option(names = "--sweep", paramLabel = "FILE.json", description = "Rate-accuracy sweep results.")
    Path sweep;

    @Option(names = "--real", paramLabel = "DATASET",
            description = "The real data, to show real samples beside decoded ones (same forms as lgc compress).")
    String real;

    @Option(names = "--holdout", paramLabel = "DATASET",
            description = "Real records the file was not made from (e.g. the test set); with --real, the report runs "
                    + "the privacy audit of lgc audit (10,000 samples, seeded by --seed) and shows it.")
    String holdout;

    @Option(names = "--per-class", paramLabel = "N", description = "Samples shown per class (default: ${DEFAULT-VALUE}).")
    int perClass = ReportInputs.DEFAULT_SAMPLES_PER_CLASS;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the samples drawn (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() {
        ReportInputs.requireSamplesPerClass(perClass); // before reading anything
        OutputTarget target = ReportWriter.target(output, outputOptions.force);
        if (holdout != null && real == null) {
            throw new InputException("--holdout needs --real, the training data the audit compares it with");
        }
        target.requireApartFrom(OutputOptions.paths(artifact, evaluation, sweep, real, holdout));
        target.prepare();
        // The small inputs first, so a typo in --eval fails before any decoding work.
        Evaluation evaluated = evaluation == null ? null : Evaluation.read(evaluation);
        Sweep swept = sweep == null ? null : Sweep.read(sweep);
        CompressedDataset data = ArtifactFile.read(artifact);
        if (data.metadata().isTable()) {
            throw new InputException(artifact + ": a table artifact; the report draws decoded and real images, so it"
                    + " applies to image artifacts only (lgc inspect shows a table's columns)");
        }
        ReportInputs.Builder inputs = ReportInputs.builder(data).artifactFile(artifact).evaluation(evaluated)
                .sweep(swept).seed(seed).samplesPerClass(perClass);
        if (real != null) {
            Dataset realData = DatasetResolver.resolve(real, null);
            inputs.realData(realData, real);
            if (holdout != null) {
                inputs.audit(audit(data, realData));
            }
        }
        ReportInputs built = inputs.build();
        WrittenReport written = target.writing(() -> ReportWriter.write(target, built));
        root.out.println("wrote " + written.index() + " (" + written.pictures().size() + " pictures; sections: "
                + String.join(", ", written.sections()) + ")");
        return ExitCodes.OK;
    }

    private ReportInputs.Audit audit(CompressedDataset data, Dataset train) {
        Dataset unseen = DatasetResolver.resolve(holdout, null);
        if (!unseen.shape().equals(train.shape())) {
            throw new InputException(holdout + ": samples are " + unseen.shape() + ", those of " + real + " are "
                    + train.shape());
        }
        AuditSettings settings = AuditSettings.defaults(seed);
        AuditResult result = PrivacyAudit.run(data, train, unseen, settings, common.progress(root.err));
        return new ReportInputs.Audit(result, (Dataset) PrivacyAudit.drawnSamples(data, settings), train);
    }
}
