package io.lgc.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.LabelledData;
import io.lgc.data.ResolvedDataset;
import io.lgc.privacy.AuditResult;
import io.lgc.privacy.AuditSettings;
import io.lgc.privacy.PrivacyAudit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure what an artifact reveals about the records it was made from: decoded samples "
                + "against the training set and against a holdout of real records that played no part in it.",
                "Distances are Euclidean, between pixels scaled to [0, 1] (table rows: their features), against "
                + "random subsets of --train and --holdout, equally large (the smaller one whole). Reported: distance to the closest record "
                + "(DCR) to training and to holdout, the share of samples closer to training (0.5 = nothing "
                + "memorised), DCR baseline protection, nearest-neighbour distance ratio, exact and near copies "
                + "of training records, and two membership-inference attacks, by distance to the nearest sample "
                + "and by the file's own mixture density through an encoder learned from the file alone "
                + "(ROC AUC with a bootstrap 95 %% interval; 0.5 = the attacker learns nothing). For images, the "
                + "distance measures again in the features of a randomly initialised ConvNet (seeded)."})
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    LgcCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE.lgc", description = "The artifact to audit.")
    Path artifact;

    @Option(names = "--train", required = true, paramLabel = "DATASET", description = "The records it was made from.")
    String train;

    @Option(names = "--holdout", required = true, paramLabel = "DATASET",
            description = "Real records of the same kind that it was not made from (e.g. the test set).")
    String holdout;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "Labels of --train, when not beside it.")
    Path trainLabels;

    @Option(names = "--holdout-labels", paramLabel = "FILE", description = "Labels of --holdout, when not beside it.")
    Path holdoutLabels;

    @Mixin
    DatasetOptions input;

    @Option(names = "--samples", paramLabel = "N", description = "Decoded samples (default: ${DEFAULT-VALUE}).")
    int samples = 10_000;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of sampling and subsets (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public Integer call() throws IOException {
        if (samples <= 0) {
            throw new InputException("--samples must be positive, got " + samples);
        }
        AuditSettings settings = AuditSettings.defaults(seed).withSamples(samples);
        JsonOutput jsonOutput = JsonOutput.of(json, outputOptions.force, artifact, train, holdout, trainLabels,
                holdoutLabels);
        CompressedDataset data = ArtifactFile.read(artifact);
        ResolvedDataset trainSource = DatasetResolver.resolveWith(train, input.readOptions(trainLabels));
        ResolvedDataset holdoutSource = DatasetResolver.resolveWith(holdout, input.readOptions(holdoutLabels));
        jsonOutput.requireApartFrom(trainSource, holdoutSource);
        LabelledData trainSet = trainSource.data();
        LabelledData holdoutSet = holdoutSource.data();
        int dim = data.metadata().layout().size();
        requireSameKind(train, trainSet, dim);
        requireSameKind(holdout, holdoutSet, dim);
        AuditResult result = PrivacyAudit.run(data, trainSet, holdoutSet, settings, common.progress(root.err));
        print(root.out, result);
        jsonOutput.write(toJson(result));
        return ExitCodes.OK;
    }

    private static void requireSameKind(String name, LabelledData set, int dim) {
        if (set.layout().size() != dim) {
            throw new InputException(name + ": samples of " + set.layout().size() + " values, the artifact decodes "
                    + dim);
        }
    }

    static void print(PrintStream out, AuditResult r) {
        out.println(String.format(Locale.ROOT, "audit: %d samples against %d training and %d holdout records",
                r.samples(), r.records(), r.records()));
        out.println(String.format(Locale.ROOT, "  DCR to training    median %.4f   5th pct %.4f", r.dcrTrain().median(),
                r.dcrTrain().p5()));
        out.println(String.format(Locale.ROOT, "  DCR to holdout     median %.4f   5th pct %.4f",
                r.dcrHoldout().median(), r.dcrHoldout().p5()));
        out.println(String.format(Locale.ROOT, "  holdout to training median %.4f  5th pct %.4f",
                r.holdoutToTrain().median(), r.holdoutToTrain().p5()));
        out.println(String.format(Locale.ROOT, "  closer to training than to holdout: %.3f (0.5 = nothing memorised)",
                r.shareCloserToTrain()));
        out.println(String.format(Locale.ROOT, "  DCR baseline protection: %.3f (about 1 or more: no closer than "
                + "unseen real data)", r.baselineProtection()));
        out.println(String.format(Locale.ROOT, "  nearest-neighbour distance ratio, median: %.3f", r.nndrMedian()));
        out.println(String.format(Locale.ROOT, "  copies of training records: %d exact, %d near", r.exactCopies(),
                r.nearCopies()));
        out.println("  membership inference, ROC AUC (0.5 = nothing learned):");
        for (AuditResult.Attack a : r.attacks()) {
            out.println(String.format(Locale.ROOT, "    %.3f (95 %% %.3f-%.3f) by %s", a.auc(), a.lower(), a.upper(),
                    a.name()));
        }
        if (r.features() != null) {
            printSpace(out, r.features());
        }
    }

    /** The same measures in the feature space, beside the pixel ones above. */
    private static void printSpace(PrintStream out, AuditResult.Space f) {
        out.println("  in feature space: " + f.name());
        out.println(String.format(Locale.ROOT, "    DCR to training median %.4f, to holdout %.4f; holdout to training %.4f",
                f.dcrTrain().median(), f.dcrHoldout().median(), f.holdoutToTrain().median()));
        out.println(String.format(Locale.ROOT, "    closer to training than to holdout: %.3f; DCR baseline protection:"
                + " %.3f; NNDR median %.3f", f.shareCloserToTrain(), f.baselineProtection(), f.nndrMedian()));
        out.println(String.format(Locale.ROOT, "    copies: %d exact, %d near; membership inference by distance to the "
                + "nearest sample: AUC %.3f (95 %% %.3f-%.3f)", f.exactCopies(), f.nearCopies(),
                f.distanceAttack().auc(), f.distanceAttack().lower(), f.distanceAttack().upper()));
    }

    static String toJson(AuditResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("samples", r.samples());
        o.addProperty("records", r.records());
        o.add("dcr_train", quantiles(r.dcrTrain()));
        o.add("dcr_holdout", quantiles(r.dcrHoldout()));
        o.add("holdout_to_train", quantiles(r.holdoutToTrain()));
        o.addProperty("share_closer_to_train", r.shareCloserToTrain());
        o.addProperty("dcr_baseline_protection", r.baselineProtection());
        o.addProperty("nndr_median", r.nndrMedian());
        o.addProperty("exact_copies", r.exactCopies());
        o.addProperty("near_copies", r.nearCopies());
        JsonArray pairs = new JsonArray();
        for (AuditResult.Pair p : r.closestPairs()) {
            JsonObject pair = new JsonObject();
            pair.addProperty("sample", p.sample());
            pair.addProperty("train_index", p.record());
            pair.addProperty("distance", p.distance());
            pairs.add(pair);
        }
        o.add("closest_pairs", pairs);
        JsonArray attacks = new JsonArray();
        for (AuditResult.Attack a : r.attacks()) {
            JsonObject attack = new JsonObject();
            attack.addProperty("name", a.name());
            attack.addProperty("auc", a.auc());
            attack.addProperty("ci95_lower", a.lower());
            attack.addProperty("ci95_upper", a.upper());
            attacks.add(attack);
        }
        o.add("membership_inference", attacks);
        if (r.features() != null) {
            o.add("feature_space", space(r.features()));
        }
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(o) + "\n";
    }

    private static JsonObject space(AuditResult.Space f) {
        JsonObject o = new JsonObject();
        o.addProperty("space", f.name());
        o.add("dcr_train", quantiles(f.dcrTrain()));
        o.add("dcr_holdout", quantiles(f.dcrHoldout()));
        o.add("holdout_to_train", quantiles(f.holdoutToTrain()));
        o.addProperty("share_closer_to_train", f.shareCloserToTrain());
        o.addProperty("dcr_baseline_protection", f.baselineProtection());
        o.addProperty("nndr_median", f.nndrMedian());
        o.addProperty("exact_copies", f.exactCopies());
        o.addProperty("near_copies", f.nearCopies());
        JsonObject attack = new JsonObject();
        attack.addProperty("name", f.distanceAttack().name());
        attack.addProperty("auc", f.distanceAttack().auc());
        attack.addProperty("ci95_lower", f.distanceAttack().lower());
        attack.addProperty("ci95_upper", f.distanceAttack().upper());
        o.add("distance_attack", attack);
        return o;
    }

    private static JsonObject quantiles(AuditResult.Quantiles q) {
        JsonObject o = new JsonObject();
        o.addProperty("median", q.median());
        o.addProperty("p5", q.p5());
        return o;
    }
}
