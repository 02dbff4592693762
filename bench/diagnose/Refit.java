import com.google.gson.JsonObject;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ReadOptions;
import io.lgc.gmm.CovarianceType;
import io.lgc.pipeline.ClassMixtures;
import io.lgc.pipeline.MixtureSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Other mixtures for a network already trained, without training it again: fits K full-covariance
 * components a class (seed 1, as `lgc compress` does) to the latents RoundTrip.java wrote (DIR/latents.npy,
 * DIR/labels.npy, of DATASET's training images in order) and writes FILE's decoder with them, the
 * covariances stored at RANK (0: whole), the mixtures at int8 and the decoder at FILE's precision, to OUT.
 *
 * Usage (from the repository root, after a build):
 *   java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/diagnose/Refit.java \
 *       DATASET DIR FILE.lgc K RANK OUT.lgc
 * The file differs from what `lgc compress ... --components K --covariance-rank RANK --mixture-precision int8`
 * would write from that network in its header's provenance (FILE's, with K as its components) and in its
 * decoder's int8 scales: rounding FILE's int8 weights again picks scales a float's last bit away, so a few
 * in a million pixels decode one level apart (checked on a latent-8 file, 2,000 latents). With K and RANK 0
 * as RoundTrip wrote FILE, the header is FILE's to the byte.
 */
public class Refit {
    public static void main(String[] args) throws IOException {
        Dataset data = (Dataset) DatasetResolver.resolveWith(args[0], ReadOptions.DEFAULTS).data();
        Path dir = Path.of(args[1]);
        io.lgc.artifact.VerifiedArtifact read = ArtifactFile.readVerified(Path.of(args[2]));
        CompressedDataset file = read.dataset();
        int k = Integer.parseInt(args[3]);
        int rank = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        int d = file.metadata().latentDim();
        double[][] latents = readLatents(dir.resolve("latents.npy"), data.size(), d);
        byte[] labels = Files.readAllBytes(dir.resolve("labels.npy"));
        for (int i = 0; i < data.size(); i++) {
            if (labels[labels.length - data.size() + i] != data.labels()[i]) {
                throw new IllegalArgumentException(dir + "/labels.npy is not " + args[0] + "'s labels in order");
            }
        }
        ClassMixtures mixtures = ClassMixtures.fit(data, latents, MixtureSettings.fixed(k, CovarianceType.FULL,
                MixtureSettings.DEFAULT_N_INIT), 1, Progress.silent());
        ArtifactMetadata m = file.metadata();
        JsonObject provenance = m.provenance();
        provenance.getAsJsonObject("config").addProperty("components", Integer.toString(k));
        ArtifactMetadata metadata = new ArtifactMetadata(m.classNames(), m.classCounts(), m.samples(), d,
                CovarianceType.FULL, rank, m.decoder(), mixtures.report(), provenance);
        CompressedDataset refitted = new CompressedDataset(metadata, mixtures.mixtures(), file.decoderWeights());
        System.out.printf("rank %d moves a class by at most %.3f nats%n", rank,
                ArtifactFile.covarianceRankDivergence(refitted));
        ArtifactFile.write(out, refitted, new StoragePrecision(read.precision().decoder(), Precision.INT8));
        System.out.printf("%s: %,d B%s%n", out, Files.size(out),
                mixtures.warnings().isEmpty() ? "" : " " + mixtures.warnings());
    }

    /** RoundTrip's latents.npy: format 1.0, little-endian float32 [n, d]. */
    private static double[][] readLatents(Path npy, int n, int d) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        ByteBuffer values = ByteBuffer.wrap(bytes, 10 + headerLength, n * d * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length != 10 + headerLength + n * d * Float.BYTES) {
            throw new IllegalArgumentException(npy + " does not hold " + n + " x " + d + " float32 latents");
        }
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = values.getFloat();
            }
        }
        return out;
    }
}
