package io.lgc.report;

import io.lgc.data.Dataset;
import io.lgc.privacy.AuditResult;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The privacy audit: its measures in pixel space beside the feature space, the attacks, and the
 * closest (sample, training record) pairs drawn one above the other.
 */
final class AuditSection {
    /** Pairs drawn. */
    static final int PAIRS = 8;

    private AuditSection() {
    }

    static Optional<Section> build(ReportInputs in, Figures figures) {
        if (in.audit().isEmpty()) {
            return Optional.empty();
        }
        ReportInputs.Audit audit = in.audit().get();
        AuditResult r = audit.result();
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"headline\">Samples closer to a training record than to a holdout record: <strong>")
                .append(Html.escape(number(r.shareCloserToTrain()))).append("</strong> (0.5 = nothing memorised)</p>\n");
        body.append(Html.paragraph(String.format(Locale.ROOT, "%,d decoded samples against %,d training and %,d "
                + "holdout records. The audit can show a leak, never prove there is none: only a file made with "
                + "--epsilon carries a guarantee.", r.samples(), r.records(), r.records())));
        body.append(Html.table(headers(r), rows(r), "facts"));
        List<List<String>> attacks = new ArrayList<>();
        for (AuditResult.Attack a : r.attacks()) {
            attacks.add(List.of(Html.escape(a.name()), Html.escape(auc(a))));
        }
        body.append(Html.paragraph("Membership inference (ROC AUC, 95 % bootstrap interval; 0.5 = the attacker learns "
                + "nothing), in pixel space:"));
        body.append(Html.table(List.of("attack", "AUC"), attacks, "facts"));
        if (!r.closestPairs().isEmpty()) {
            body.append(Html.figure(pairs(audit, figures)));
        }
        return Optional.of(new Section("audit", "Privacy audit: how close samples come to the training records",
                body.toString()));
    }

    private static List<String> headers(AuditResult r) {
        List<String> h = new ArrayList<>(List.of("measure", "pixels"));
        if (r.features() != null) {
            h.add("features");
        }
        return h;
    }

    private static List<List<String>> rows(AuditResult r) {
        AuditResult.Space f = r.features();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("distance to the closest training record (median)", number(r.dcrTrain().median()),
                f == null ? null : number(f.dcrTrain().median())));
        rows.add(row("distance to the closest holdout record (median)", number(r.dcrHoldout().median()),
                f == null ? null : number(f.dcrHoldout().median())));
        rows.add(row("holdout records' distance to training (median)", number(r.holdoutToTrain().median()),
                f == null ? null : number(f.holdoutToTrain().median())));
        rows.add(row("share closer to training than to holdout", number(r.shareCloserToTrain()),
                f == null ? null : number(f.shareCloserToTrain())));
        rows.add(row("DCR baseline protection (about 1 or more: no closer than unseen data)",
                number(r.baselineProtection()), f == null ? null : number(f.baselineProtection())));
        rows.add(row("nearest-neighbour distance ratio (median)", number(r.nndrMedian()),
                f == null ? null : number(f.nndrMedian())));
        rows.add(row("exact / near copies of training records", r.exactCopies() + " / " + r.nearCopies(),
                f == null ? null : f.exactCopies() + " / " + f.nearCopies()));
        rows.add(row("attack by distance to the nearest sample, AUC", auc(r.distanceAttack()),
                f == null ? null : auc(f.distanceAttack())));
        if (f != null) {
            rows.add(List.of("feature space", "", Html.escape(f.name())));
        }
        return rows;
    }

    private static List<String> row(String measure, String pixels, String features) {
        List<String> row = new ArrayList<>(List.of(Html.escape(measure), Html.escape(pixels)));
        if (features != null) {
            row.add(Html.escape(features));
        }
        return row;
    }

    /** Samples on the top row, each above its closest training record. */
    private static Figure pairs(ReportInputs.Audit audit, Figures figures) {
        Dataset samples = audit.samples();
        Dataset train = audit.train();
        List<AuditResult.Pair> pairs = audit.result().closestPairs().subList(0,
                Math.min(PAIRS, audit.result().closestPairs().size()));
        int n = pairs.size();
        int size = samples.shape().size();
        byte[] top = new byte[n * size];
        byte[] bottom = new byte[n * size];
        List<String> distances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuditResult.Pair p = pairs.get(i);
            System.arraycopy(samples.pixels(), p.sample() * size, top, i * size, size);
            System.arraycopy(train.pixels(), p.record() * size, bottom, i * size, size);
            distances.add("#" + p.record() + " at " + number(p.distance()));
        }
        int scale = SampleStrip.scale(samples.shape());
        BufferedImage image = Tiles.grid(List.of(SampleStrip.render(top, n, samples.shape(), scale),
                SampleStrip.render(bottom, n, samples.shape(), scale)), 1, 6, Color.WHITE);
        return figures.image("audit-closest-pairs.png", image,
                "The " + n + " decoded samples closest to a training record, above those records",
                "The decoded samples closest to a training record (top) above that record (bottom), closest first, "
                        + "in pixel space: training record index and distance " + String.join(", ", distances) + ".",
                true);
    }

    private static String auc(AuditResult.Attack a) {
        return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", a.auc(), a.lower(), a.upper());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
