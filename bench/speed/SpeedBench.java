import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.DatasetResolver;
import io.lgc.data.ImageShape;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderTrainer;
import io.lgc.model.ClassifierTrainer;
import io.lgc.model.ConvNet;
import io.lgc.model.Decoder;
import io.lgc.model.EpochLosses;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.model.SgdClassifierTrainer;
import io.lgc.model.SgdConfig;
import io.lgc.model.TrainedAutoencoder;
import io.lgc.model.TrainedClassifier;
import io.lgc.network.Architectures;
import io.lgc.network.AutoencoderSpec;
import io.lgc.network.NetworkSpec;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The Java side of bench/speed: trains LGC's networks through the library for a fixed number of
 * steps and decodes latents with its Decoder, printing steps (or images) per second in the same
 * line format as torch_bench.py. Run with the CLI's class path:
 *
 * <pre>java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/speed/SpeedBench.java MODE ...</pre>
 *
 * Modes:
 *   spec ae|cnn|convnet FILE.json   the network spec the Python side builds (same layers)
 *   train ae|cnn|convnet STEPS       two epochs of STEPS steps on the first STEPS x batch training
 *                                    images; the second epoch is timed (the first warms up)
 *   decode ARTIFACT.lgc N            decodes N standard-normal latents with the artifact's decoder
 */
public final class SpeedBench {
    static final ImageShape FASHION = new ImageShape(1, 28, 28);
    static final int CLASSES = 10;
    static final int BATCH = 128;
    static final int CONVNET_BATCH = 256;
    static final long SEED = 1;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "spec" -> Files.writeString(Path.of(args[2]), spec(args[1]).toString());
            case "train" -> train(args[1], Integer.parseInt(args[2]));
            case "decode" -> decode(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("mode spec|train|decode, got " + args[0]);
        }
    }

    static JsonObject spec(String kind) {
        return switch (kind) {
            case "ae" -> {
                AutoencoderSpec ae = Architectures.convAutoencoder(FASHION, AutoencoderConfig.DEFAULT_LATENT_DIM,
                        AutoencoderConfig.DEFAULT_WIDTH);
                JsonObject o = new JsonObject();
                o.add("encoder", ae.encoder().toJson());
                o.add("decoder", ae.decoder().toJson());
                o.addProperty("batch", BATCH);
                o.addProperty("optimizer", "adam");
                o.addProperty("lr", AutoencoderConfig.DEFAULT_LEARNING_RATE);
                yield o;
            }
            case "cnn" -> network(Architectures.smallCnn(FASHION, CLASSES), BATCH, "adam", 1e-3);
            case "convnet" -> {
                SgdConfig sgd = SgdConfig.distillationProtocol(2, SEED);
                JsonObject o = network(ConvNet.spec(FASHION, CLASSES), sgd.batchSize(), "sgd", sgd.learningRate());
                o.addProperty("momentum", sgd.momentum());
                o.addProperty("weight_decay", sgd.weightDecay());
                yield o;
            }
            default -> throw new IllegalArgumentException("kind ae|cnn|convnet, got " + kind);
        };
    }

    static JsonObject network(NetworkSpec spec, int batch, String optimizer, double lr) {
        JsonObject o = new JsonObject();
        o.add("network", spec.toJson());
        o.addProperty("batch", batch);
        o.addProperty("optimizer", optimizer);
        o.addProperty("lr", lr);
        return o;
    }

    static void train(String kind, int steps) {
        int batch = kind.equals("convnet") ? CONVNET_BATCH : BATCH;
        Dataset all = DatasetResolver.resolve("fashion-mnist/train", null);
        int[] first = new int[steps * batch];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        Dataset data = all.subset(first);
        StepClock clock = new StepClock(steps);
        List<EpochLosses> history = switch (kind) {
            case "ae" -> {
                FitConfig fit = new FitConfig(2, batch, AutoencoderConfig.DEFAULT_LEARNING_RATE, SEED);
                AutoencoderConfig config = new AutoencoderConfig(AutoencoderConfig.DEFAULT_LATENT_DIM,
                        AutoencoderConfig.DEFAULT_WIDTH, fit, 0, FeatureMatching.OFF);
                try (TrainedAutoencoder ae = AutoencoderTrainer.train(data, config, clock)) {
                    yield ae.history();
                }
            }
            case "cnn" -> {
                try (TrainedClassifier c = ClassifierTrainer.train(data, CLASSES, new FitConfig(2, batch, 1e-3, SEED),
                        clock)) {
                    yield c.history();
                }
            }
            case "convnet" -> {
                try (TrainedClassifier c = SgdClassifierTrainer.train(ConvNet.spec(FASHION, CLASSES), data,
                        SgdConfig.distillationProtocol(2, SEED), "convnet", clock)) {
                    yield c.history();
                }
            }
            default -> throw new IllegalArgumentException("kind ae|cnn|convnet, got " + kind);
        };
        System.out.printf(Locale.ROOT, "java %s train: %.2f steps/s, %.1f CPU ms/step (%d steps of %d in %.2f s;"
                + " loss %.4f)%n", kind, steps / clock.wallSeconds(), 1000 * clock.cpuSeconds() / steps, steps, batch,
                clock.wallSeconds(), history.get(1).train());
    }

    /** Wall and process CPU time between the last step of epoch 1 and the last of epoch 2. */
    static final class StepClock implements Progress {
        private final int steps;
        private long wall0;
        private long cpu0;
        private long wall1;
        private long cpu1;

        StepClock(int steps) {
            this.steps = steps;
        }

        @Override
        public void update(String task, long done, long total, long startNanos) {
            if (done == steps) {
                wall0 = System.nanoTime();
                cpu0 = cpuNanos();
            } else if (done == 2L * steps) {
                wall1 = System.nanoTime();
                cpu1 = cpuNanos();
            }
        }

        @Override
        public void line(String text) {
        }

        double wallSeconds() {
            return (wall1 - wall0) / 1e9;
        }

        double cpuSeconds() {
            return (cpu1 - cpu0) / 1e9;
        }
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void decode(Path artifact, int n) {
        CompressedDataset data = ArtifactFile.read(artifact);
        try (Decoder decoder = Decoder.load(data.metadata(), data.decoderWeights())) {
            int dim = decoder.latentDim();
            float[] latents = new float[n * dim];
            Random random = new Random(SEED);
            for (int i = 0; i < latents.length; i++) {
                latents[i] = (float) random.nextGaussian();
            }
            decoder.decode(latents, Math.min(n, 1000)); // warm-up
            long start = System.nanoTime();
            long cpu = cpuNanos();
            int batch = 1000; // what reconstruct hands the decoder at a time
            for (int done = 0; done < n; done += batch) {
                int rows = Math.min(batch, n - done);
                float[] part = java.util.Arrays.copyOfRange(latents, done * dim, (done + rows) * dim);
                decoder.decode(part, rows);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "java decode: %.0f images/s, %.1f CPU ms/1000 images (%d in %.2f s)%n",
                    n / seconds, 1000 * 1000 * cpuSeconds / n, n, seconds);
        }
    }
}
