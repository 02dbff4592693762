package io.lgc.report;

import io.lgc.pipeline.Compressor;
import io.lgc.output.OutputTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a report on an artifact: {@code DIR/index.html} and the PNG pictures it shows, beside it.
 * The page is self-contained (inline CSS, no web fonts, no scripts or images from elsewhere) and
 * holds, in order:
 * <ol>
 *   <li>an overview of the artifact, and what the page leaves out for lack of input;
 *   <li>decoded samples per class, beside real ones when the real data is given;
 *   <li>the latent space projected on two principal axes with each class's mixture as 2-σ
 *       ellipses, and one class refitted with K=2 and K=5;
 *   <li>BIC curves, for classes whose K was chosen by BIC;
 *   <li>the evaluation: confusion matrix, or per-class accuracy (when given);
 *   <li>the rate–accuracy sweep (when given);
 *   <li>the privacy audit (when real training data and a holdout are given);
 *   <li>the file's size per part (when the file or its write report is known).
 * </ol>
 * Written atomically as described in {@link ReportDirectory}: a failure leaves DIR as it was.
 */
public final class ReportWriter {
    static {
        // Charts and PNGs use AWT; a report must never try to open a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportWriter() {
    }

    /** Writes the report into DIR, which may be new, empty or hold an earlier report (then replaced). */
    public static WrittenReport write(Path dir, ReportInputs inputs) {
        return write(target(dir, true), inputs);
    }

    /** DIR as a report's output: replaced (with {@code force}) only when it holds an earlier report. */
    public static OutputTarget target(Path dir, boolean force) {
        return ReportDirectory.target(dir, force);
    }

    public static WrittenReport write(OutputTarget output, ReportInputs inputs) {
        Path dir = output.path();
        try (ReportDirectory out = ReportDirectory.stage(output)) {
            Figures figures = new Figures(out.staging());
            List<String> leftOut = new ArrayList<>();
            List<Section> body = new ArrayList<>();
            body.add(SamplesSection.build(inputs, figures));
            if (inputs.realData().isEmpty()) {
                leftOut.add("Real samples beside the decoded ones: give the real data (lgc report --real DATASET).");
            }
            body.add(LatentSection.build(inputs, figures));
            if (!inputs.hasRealLatents()) {
                leftOut.add("The real latents: the latent-space pictures show points sampled from the mixtures "
                        + "instead (lgc compress --report DIR has the real ones).");
            }
            add(body, leftOut, BicSection.build(inputs, figures),
                    "BIC curves: every class's K was fixed, not chosen by BIC (lgc compress --components auto).");
            add(body, leftOut, EvaluationSection.build(inputs, figures),
                    "Classifier accuracy and confusion matrix: give the output of lgc evaluate --json (--eval FILE.json).");
            add(body, leftOut, SweepSection.build(inputs, figures),
                    "The rate–accuracy plot: give a sweep file (--sweep FILE.json).");
            add(body, leftOut, AuditSection.build(inputs, figures),
                    "The privacy audit: give the real training data and a holdout it was not made from (--real DATASET"
                            + " --holdout DATASET).");
            add(body, leftOut, SizeSection.build(inputs),
                    "Bytes per part of the file: the artifact's file (or its write report) was not given.");
            List<Section> sections = new ArrayList<>();
            sections.add(OverviewSection.build(inputs, leftOut));
            sections.addAll(body);
            out.writeIndex(ReportPage.render("LGC report: " + inputs.artifactName(),
                    "What this artifact holds and what it gives a receiver. Made by lgc " + Compressor.TOOL_VERSION
                            + " with seed " + inputs.seed() + ".", sections));
            out.commit(figures.files());
            Path target = dir.toAbsolutePath().normalize();
            return new WrittenReport(target.resolve(ReportDirectory.INDEX),
                    figures.files().stream().map(target::resolve).toList(),
                    sections.stream().map(Section::id).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<Section> sections, List<String> leftOut, Optional<Section> section, String missing) {
        section.ifPresentOrElse(sections::add, () -> leftOut.add(missing));
    }
}
