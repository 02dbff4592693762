package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.TableFormat;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.FeatureScaling;
import io.lgc.data.Table;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A file that copies its records must be flagged; one drawn from their distribution must not. */
class PrivacyAuditTest {
    private static final int RECORDS = 400;
    private static final int D = 3;

    /** {@code n} rows from a standard normal in 3 features, one class. */
    private static Table records(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * D];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return new Table(v, new int[n], List.of("only"), TinyArtifacts.TABLE);
    }

    /** One class whose mixture has the given components (latent 4, last coordinate unused), decoded as is. */
    private static CompressedDataset artifact(double[][] means, double variance) {
        int k = means.length;
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        double[][] latentMeans = new double[k][];
        for (int c = 0; c < k; c++) {
            latentMeans[c] = Arrays.copyOf(means[c], TinyArtifacts.LATENT);
        }
        double[] variances = new double[k * TinyArtifacts.LATENT];
        Arrays.fill(variances, variance);
        GaussianMixture mixture = GaussianMixture.fromParameters(CovarianceType.DIAG, weights, latentMeans, variances);
        ArtifactMetadata meta = new ArtifactMetadata(List.of("only"), new int[] {RECORDS},
                new TableFormat(TinyArtifacts.TABLE, new FeatureScaling(new double[D], new double[] {1, 1, 1})),
                TinyArtifacts.LATENT, CovarianceType.DIAG, TinyArtifacts.firstThreeDecoder(), new JsonObject(),
                new JsonObject());
        return new CompressedDataset(meta, List.of(mixture), TinyArtifacts.firstThreeWeights());
    }

    @Test
    void aFileThatMemorisedItsRecordsIsFlagged() {
        Table train = records(RECORDS, 1);
        double[][] copies = new double[RECORDS][D];
        for (int i = 0; i < RECORDS; i++) {
            for (int j = 0; j < D; j++) {
                copies[i][j] = train.values()[i * D + j];
            }
        }
        AuditResult audit = PrivacyAudit.run(artifact(copies, 1e-14), train, records(RECORDS, 2),
                new AuditSettings(2000, 4000, 20, 7), Progress.silent());
        assertThat(audit.shareCloserToTrain()).isGreaterThan(0.95);
        assertThat(audit.nearCopies()).isGreaterThan(1900);
        assertThat(audit.baselineProtection()).isLessThan(0.01);
        assertThat(audit.distanceAttack().auc()).isGreaterThan(0.95);
        assertThat(audit.distanceAttack().lower()).isGreaterThan(0.9);
        assertThat(audit.attacks().get(1).auc()).as("density attack").isGreaterThan(0.9);
        assertThat(audit.closestPairs()).hasSize(PrivacyAudit.CLOSEST_PAIRS);
        AuditResult.Pair closest = audit.closestPairs().get(0);
        assertThat(closest.distance()).isLessThan(1e-5);
        for (AuditResult.Pair p : audit.closestPairs()) {
            assertThat(p.distance()).isGreaterThanOrEqualTo(closest.distance());
        }
    }

    @Test
    void aFileDrawnFromTheRecordsDistributionLeaksNothingMeasurable() {
        AuditResult audit = PrivacyAudit.run(artifact(new double[][] {{0, 0, 0}}, 1), records(RECORDS, 1),
                records(RECORDS, 2), new AuditSettings(2000, 2000, 5, 7), Progress.silent());
        assertThat(audit.shareCloserToTrain()).isBetween(0.45, 0.55);
        assertThat(audit.exactCopies()).isZero();
        assertThat(audit.baselineProtection()).isBetween(0.8, 1.25);
        assertThat(audit.distanceAttack().auc()).isBetween(0.44, 0.56);
        assertThat(audit.distanceAttack().lower()).isLessThan(0.5);
        assertThat(audit.distanceAttack().upper()).isGreaterThan(0.5);
        assertThat(audit.attacks().get(1).auc()).as("density attack").isBetween(0.42, 0.58);
    }

    @Test
    void theSameSeedGivesTheSameAudit() {
        CompressedDataset file = artifact(new double[][] {{0, 0, 0}, {1, 1, 1}}, 0.5);
        AuditResult a = PrivacyAudit.run(file, records(300, 1), records(200, 2), new AuditSettings(500, 500, 2, 3),
                Progress.silent());
        AuditResult b = PrivacyAudit.run(file, records(300, 1), records(200, 2), new AuditSettings(500, 500, 2, 3),
                Progress.silent());
        assertThat(b).isEqualTo(a);
        assertThat(a.records()).isEqualTo(200); // as many training records as holdout records
    }
}
