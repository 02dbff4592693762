package io.lgc.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.Precision;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.PixelScaling;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.Architectures;
import io.lgc.network.NetworkSpec;
import io.lgc.privacy.AuditResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A tiny artifact built in memory (8×8 images, 3-D latents, a conv decoder with seeded random
 * weights, hand-made mixtures), with real data and latents to match. No training: the report
 * only needs something well-formed to draw.
 */
public final class ReportFixtures {
    public static final ImageShape SHAPE = new ImageShape(1, 8, 8);
    public static final int LATENT_DIM = 3;
    public static final List<String> CLASSES = List.of("circle", "square <b>", "triangle & co");
    /** Components per class: class 1 has the most, so the K=2/K=5 picture focuses on it. */
    static final int[] COMPONENTS = {2, 3, 1};

    private ReportFixtures() {
    }

    /** The artifact; with {@code bicCurves} classes 0 and 1 carry BIC curves as if K had been chosen automatically. */
    public static CompressedDataset artifact(boolean bicCurves) {
        NetworkSpec decoder = Architectures.convAutoencoder(SHAPE, LATENT_DIM, 16).decoder();
        ArtifactMetadata meta = new ArtifactMetadata(CLASSES, new int[] {40, 50, 60}, SHAPE, PixelScaling.UINT8,
                LATENT_DIM, CovarianceType.FULL, decoder, mixtureReport(bicCurves), provenance());
        return new CompressedDataset(meta, mixtures(), decoderWeights(decoder, 11));
    }

    /** Every input there is, as lgc compress --report with --eval and --sweep would give; the file goes in {@code dir}. */
    public static ReportInputs fullInputs(Path dir) {
        CompressedDataset artifact = artifact(true);
        Path file = write(dir.resolve("shapes.lgc"), artifact);
        Latents latents = realLatents(200);
        return ReportInputs.builder(artifact).artifactFile(file).realData(realData(12), "shapes")
                .realLatents(latents.x(), latents.labels())
                .evaluation(Evaluation.parse(evaluationJson(true), "eval.json"))
                .sweep(Sweep.parse(sweepJson(), "sweep.json")).audit(audit()).seed(4).build();
    }

    /** An audit of 12 real images whose closest samples are the real images themselves. */
    static ReportInputs.Audit audit() {
        Dataset real = realData(12);
        AuditResult.Quantiles q = new AuditResult.Quantiles(0.5, 0.1);
        AuditResult.Attack attack = new AuditResult.Attack("distance to the nearest sample", 0.61, 0.55, 0.67);
        AuditResult.Space features = new AuditResult.Space("features of a randomly initialised ConvNet (seed 4, 64 "
                + "values)", q, q, q, 0.52, 0.98, 0.9, 0, 1, attack);
        List<AuditResult.Pair> pairs = List.of(new AuditResult.Pair(0, 0, 0.0), new AuditResult.Pair(1, 1, 0.25));
        AuditResult result = new AuditResult(12, 12, q, q, q, 0.531, 0.97, 0.91, 1, 2, pairs,
                List.of(attack, new AuditResult.Attack("density", 0.5, 0.45, 0.55)), features);
        return new ReportInputs.Audit(result, real, real);
    }

    static Path write(Path file, CompressedDataset artifact) {
        ArtifactFile.write(file, artifact, Precision.FP32);
        return file;
    }

    static List<GaussianMixture> mixtures() {
        Random random = new Random(5);
        GaussianMixture[] out = new GaussianMixture[CLASSES.size()];
        for (int c = 0; c < out.length; c++) {
            int k = COMPONENTS[c];
            double[] weights = new double[k];
            double[][] means = new double[k][LATENT_DIM];
            double[] covariances = new double[k * LATENT_DIM * LATENT_DIM];
            for (int j = 0; j < k; j++) {
                weights[j] = 1.0 / k;
                for (int i = 0; i < LATENT_DIM; i++) {
                    means[j][i] = 4 * c + 2 * j * (i == 0 ? 1 : 0) + random.nextGaussian() * 0.3;
                }
                double[][] a = new double[LATENT_DIM][LATENT_DIM];
                for (double[] row : a) {
                    for (int i = 0; i < LATENT_DIM; i++) {
                        row[i] = random.nextGaussian() * 0.4;
                    }
                }
                for (int r = 0; r < LATENT_DIM; r++) { // A·Aᵀ + 0.1·I: symmetric positive definite
                    for (int s = 0; s < LATENT_DIM; s++) {
                        double sum = r == s ? 0.1 : 0;
                        for (int t = 0; t < LATENT_DIM; t++) {
                            sum += a[r][t] * a[s][t];
                        }
                        covariances[j * LATENT_DIM * LATENT_DIM + r * LATENT_DIM + s] = sum;
                    }
                }
            }
            out[c] = GaussianMixture.fromParameters(CovarianceType.FULL, weights, means, covariances);
        }
        return List.of(out);
    }

    static Map<String, float[]> decoderWeights(NetworkSpec decoder, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> weights = new LinkedHashMap<>();
        decoder.parameterShapes().forEach((name, shape) -> {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            float[] w = new float[(int) n];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * 0.2);
            }
            weights.put(name, w);
        });
        return weights;
    }

    private static JsonObject mixtureReport(boolean bicCurves) {
        JsonArray classes = new JsonArray();
        for (int c = 0; c < CLASSES.size(); c++) {
            JsonObject entry = new JsonObject();
            entry.addProperty("class", CLASSES.get(c));
            entry.addProperty("components", COMPONENTS[c]);
            if (bicCurves && c < 2) {
                JsonObject curve = new JsonObject();
                for (int k = 1; k <= 5; k++) {
                    curve.addProperty(Integer.toString(k), 1000 + 40.0 * (k - COMPONENTS[c]) * (k - COMPONENTS[c]));
                }
                entry.add("bic_curve", curve);
            }
            classes.add(entry);
        }
        JsonObject report = new JsonObject();
        report.add("classes", classes);
        return report;
    }

    private static JsonObject provenance() {
        JsonObject source = new JsonObject();
        source.addProperty("name", "shapes-test");
        JsonObject p = new JsonObject();
        p.addProperty("tool", "lgc");
        p.add("source", source);
        return p;
    }

    /** Random 8×8 images, {@code perClass} of each class. */
    public static Dataset realData(int perClass) {
        Random random = new Random(3);
        int n = perClass * CLASSES.size();
        byte[] pixels = new byte[n * SHAPE.size()];
        random.nextBytes(pixels);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES.size();
        }
        return new Dataset(pixels, labels, CLASSES, SHAPE);
    }

    /** Latents drawn from the fixture's own mixtures, as if they were the encoder's outputs. */
    static Latents realLatents(int perClass) {
        List<GaussianMixture> mixtures = mixtures();
        double[][] x = new double[perClass * mixtures.size()][];
        int[] labels = new int[x.length];
        for (int c = 0; c < mixtures.size(); c++) {
            double[][] drawn = mixtures.get(c).sample(perClass, new SplittableRandom(c)).x();
            for (int i = 0; i < perClass; i++) {
                x[c * perClass + i] = drawn[i];
                labels[c * perClass + i] = c;
            }
        }
        return new Latents(x, labels);
    }

    record Latents(double[][] x, int[] labels) {
    }

    public static String evaluationJson(boolean confusion) {
        return "{\"accuracy\": 0.8, \"per_class\": {\"circle\": 0.9, \"square <b>\": 0.7, \"triangle & co\": 0.8},"
                + " \"train_size\": 150, \"epochs\": 2, \"seconds\": 1.5"
                + (confusion ? ", \"confusion\": [[90, 5, 5], [20, 70, 10], [10, 10, 80]]" : "") + "}";
    }

    public static String sweepJson() {
        return """
                {"points": [
                   {"method": "lgc", "bytes": 20000, "accuracy": 0.70, "seed": 1},
                   {"method": "lgc", "bytes": 80000, "accuracy": 0.80},
                   {"method": "random-subset", "bytes": 7840, "accuracy": 0.55},
                   {"method": "random-subset", "bytes": 39200, "accuracy": 67.7},
                   {"method": "kcenter", "accuracy": 0.6}],
                 "published": [{"method": "DC", "ipc": 10, "bytes": 7840, "accuracy": 0.72, "source": "paper"}]}
                """;
    }
}
