import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ReadOptions;
import io.lgc.data.ResolvedDataset;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderKind;
import io.lgc.model.Decoder;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.network.Architectures;
import io.lgc.network.NetworkSpec;
import io.lgc.pipeline.ClassMixtures;
import io.lgc.pipeline.CompressionConfig;
import io.lgc.pipeline.Compressor;
import io.lgc.pipeline.FittedCodec;
import io.lgc.pipeline.MixtureSettings;
import io.lgc.pipeline.SourceInfo;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Where a file's accuracy is lost: trains the autoencoder as `lgc compress` would, then writes (1) the
 * training images passed through encoder and the shipped (int8) decoder, PER_CLASS a class, as an IDX
 * training set (DIR/round-trip; DIR/round-trip-fp32 the same through the decoder before rounding), and
 * (2) one artifact per mixture setting from that same network. A ConvNet trained on
 * (1) shows what the decoder alone loses; the artifacts' reconstructions add what the mixtures lose.
 * (3) every training image's latent and label, DIR/latents.npy (float32 [N, LATENT]) and DIR/labels.npy
 * (uint8 [N]), from which Refit.java fits other mixtures to the same network (numpy reads them too).
 *
 * Usage (from the repository root, after a build; `source tools/native-env.sh` first for ./lgc's speed, as
 * training without its malloc settings is slower):
 *   java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/diagnose/RoundTrip.java \
 *       DATASET OUT_DIR LATENT STEM EPOCHS FEATURE_EPOCHS PER_CLASS SETTING...
 *   SETTING = COVARIANCE:K, e.g. full:11 diag:100 (mixtures stored at int8, the decoder at int8)
 * The network is `lgc compress DATASET --seed 1 --latent-dim LATENT --stem STEM --epochs EPOCHS
 * --feature-epochs FEATURE_EPOCHS`'s (STEM 0: none); so `full:K` writes that command's file with
 * `--components K --mixture-precision int8`, byte for byte.
 */
public class RoundTrip {
    public static void main(String[] args) throws IOException {
        String datasetArg = args[0];
        Path out = Path.of(args[1]);
        int latent = Integer.parseInt(args[2]);
        int stem = Integer.parseInt(args[3]);
        int epochs = Integer.parseInt(args[4]);
        int featureEpochs = Integer.parseInt(args[5]);
        int perClass = Integer.parseInt(args[6]);
        long seed = 1;
        Files.createDirectories(out);
        ResolvedDataset source = DatasetResolver.resolveWith(datasetArg, ReadOptions.DEFAULTS);
        Dataset data = (Dataset) source.data();
        FeatureMatching defaults = AutoencoderConfig.DEFAULT_FEATURE_MATCHING;
        AutoencoderConfig ae = new AutoencoderConfig(latent, AutoencoderConfig.DEFAULT_WIDTH,
                stem == 0 ? Architectures.NO_STEM : stem,
                new FitConfig(epochs, AutoencoderConfig.DEFAULT_BATCH_SIZE, AutoencoderConfig.DEFAULT_LEARNING_RATE,
                        seed),
                AutoencoderConfig.DEFAULT_VALIDATION_FRACTION,
                new FeatureMatching(defaults.weight(), featureEpochs, defaults.teacherEpochs(), defaults.teacherWidth()),
                AutoencoderKind.AUTO);
        MixtureSettings first = setting(args[7]);
        CompressionConfig config = new CompressionConfig(ae, first, seed);
        SourceInfo info = SourceInfo.of(source, SourceInfo.Record.MINIMAL);
        Progress progress = Progress.silent();
        long t0 = System.nanoTime();
        try (FittedCodec fitted = Compressor.fitCodec(data, info, config, progress)) {
            System.out.printf("trained in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            double[][] latents = fitted.codec().encode(fitted.input());
            writeLatents(out, latents, data.labels());
            CompressedDataset shipped = null;
            for (int i = 7; i < args.length; i++) {
                MixtureSettings setting = setting(args[i]);
                CompressionConfig own = config.withMixtures(setting);
                ClassMixtures mixtures = ClassMixtures.fit(fitted.input(), latents, setting, seed, progress);
                CompressedDataset dataset = Compressor.assemble(fitted, info, own, data.classNames(),
                        data.classCounts(), mixtures.mixtures(), mixtures.report());
                Path file = out.resolve(args[i].replace(':', '-') + ".lgc");
                ArtifactFile.write(file, dataset, new StoragePrecision(Precision.INT8, Precision.INT8));
                System.out.printf("%s: %,d B%s%n", file, Files.size(file),
                        mixtures.warnings().isEmpty() ? "" : " " + mixtures.warnings());
                if (shipped == null) {
                    shipped = ArtifactFile.read(file); // the int8 decoder, as a receiver loads it
                }
            }
            writeRoundTrip(out.resolve("round-trip"), data, latents, shipped.metadata().decoder(),
                    shipped.decoderWeights(), perClass);
            // the same through the decoder as trained, before its weights are rounded to int8
            writeRoundTrip(out.resolve("round-trip-fp32"), data, latents, fitted.codec().decoder(),
                    fitted.codec().decoderWeights(), perClass);
        }
    }

    private static MixtureSettings setting(String arg) {
        String[] parts = arg.split(":");
        return MixtureSettings.fixed(Integer.parseInt(parts[1]), CovarianceType.parse(parts[0]),
                MixtureSettings.DEFAULT_N_INIT);
    }

    /** The first PER_CLASS images of each class, decoded from their own latents, as IDX (gzip). */
    private static void writeRoundTrip(Path dir, Dataset data, double[][] latents, NetworkSpec spec,
            Map<String, float[]> weights, int perClass) throws IOException {
        Files.createDirectories(dir);
        int[] taken = new int[data.classNames().size()];
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int label = data.labels()[i];
            if (taken[label] < perClass) {
                taken[label]++;
                rows.add(i);
            }
        }
        int k = latents[0].length;
        int h = data.shape().height();
        int w = data.shape().width();
        try (Decoder decoder = Decoder.load(spec, weights);
                DataOutputStream images = idx(dir.resolve("train-images-idx3-ubyte.gz"), 0x803, rows.size(), h, w);
                DataOutputStream labels = idx(dir.resolve("train-labels-idx1-ubyte.gz"), 0x801, rows.size())) {
            int batch = 500;
            for (int start = 0; start < rows.size(); start += batch) {
                int n = Math.min(batch, rows.size() - start);
                float[] z = new float[n * k];
                for (int r = 0; r < n; r++) {
                    double[] row = latents[rows.get(start + r)];
                    for (int j = 0; j < k; j++) {
                        z[r * k + j] = (float) row[j];
                    }
                }
                float[] pixels = decoder.decode(z, n);
                for (float v : pixels) {
                    images.writeByte((int) Math.round(Math.max(0, Math.min(1, v)) * 255.0));
                }
                for (int r = 0; r < n; r++) {
                    labels.writeByte(data.labels()[rows.get(start + r)]);
                }
            }
        }
        Files.write(dir.resolve("classes.txt"), data.classNames());
        System.out.printf("%s: %,d images decoded from their own latents%n", dir, rows.size());
    }

    private static void writeLatents(Path out, double[][] latents, int[] labels) throws IOException {
        int k = latents[0].length;
        try (DataOutputStream z = npy(out.resolve("latents.npy"), "<f4", latents.length + ", " + k)) {
            for (double[] row : latents) {
                for (double v : row) {
                    z.writeInt(Integer.reverseBytes(Float.floatToIntBits((float) v)));
                }
            }
        }
        try (DataOutputStream y = npy(out.resolve("labels.npy"), "|u1", labels.length + ",")) {
            for (int label : labels) {
                y.writeByte(label);
            }
        }
    }

    /** A .npy (format 1.0) stream whose header promises dtype DESCR and shape (SHAPE); the caller writes the data. */
    private static DataOutputStream npy(Path file, String descr, String shape) throws IOException {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.writeShort(Short.reverseBytes((short) header.length()));
        out.writeBytes(header);
        return out;
    }

    private static DataOutputStream idx(Path file, int magic, int... dims) throws IOException {
        OutputStream raw = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
        DataOutputStream out = new DataOutputStream(raw);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        return out;
    }
}
