package io.lgc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.lgc.Progress;
import io.lgc.gmm.GaussianMixture;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@link RoundingTuning}: trains a decoder whose weights are rounded in every forward pass
 * (straight-through: the gradient at the rounded weights updates the unrounded ones) to match the
 * given decoder's outputs, by mean squared error, on latents drawn from the mixtures. The unrounded
 * weights and Adam's moments live in Java arrays: each step loads the rounded weights into the network,
 * takes the gradient there, and updates the unrounded ones. Seeded: one seed, one result, as far as
 * libtorch's kernels are deterministic.
 */
public final class RoundingTuner {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private RoundingTuner() {
    }

    /** How a parameter's values are stored: what a reader gets back for them. */
    @FunctionalInterface
    public interface Rounding {
        float[] round(String parameter, float[] values, long[] shape);
    }

    /**
     * The tuned weights as the last step decoded with them: every "*.weight" on its grid (rounding them
     * again leaves them there), the biases as trained. Not the unrounded weights after the last update:
     * the grid's scale follows the weights (int4 searches it per channel), so a last update can move a
     * whole channel onto another grid than the one the decoder learned on. {@code weights} are left as
     * they are.
     *
     * @param mixtures one per class; the draws are balanced over them
     */
    public static Map<String, float[]> tune(NetworkSpec decoder, Map<String, float[]> weights,
            List<GaussianMixture> mixtures, Rounding rounding, RoundingTuning tuning, long seed, Progress progress) {
        Engines.pytorch(seed);
        List<GaussianMixture> drawn = mixtures.stream()
                .map(m -> tuning.spread() == 1.0 ? m : m.withCovarianceScale(tuning.spread())).toList();
        SequentialBlock block = Networks.build(decoder);
        try (Decoder target = Decoder.load(decoder, weights); Model model = Model.newInstance("rounded-decoder")) {
            model.setBlock(block);
            FitConfig fit = new FitConfig(1, tuning.perClass() * mixtures.size(), tuning.learningRate(), seed);
            // The trainer records gradients for the forward passes; its optimiser never steps: the
            // unrounded weights it would update are not the ones in the network (Steps#adam).
            try (Trainer trainer = model.newTrainer(fit.adam(Loss.l2Loss()))) {
                trainer.initialize(Networks.batchShape(decoder, 1));
                Steps steps = new Steps(trainer, block, decoder, target, weights, drawn, rounding, tuning, seed);
                steps.run(progress);
                return steps.lastDecoded();
            }
        }
    }

    /**
     * {@code parameters} with every "*.weight" rounded by {@code rounding}, copies of the others, in their order:
     * later updates of {@code parameters} leave what this returns as it was.
     */
    public static Map<String, float[]> rounded(Map<String, float[]> parameters, Map<String, long[]> shapes,
            Rounding rounding) {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((name, values) -> out.put(name, name.endsWith(".weight")
                ? rounding.round(name, values, shapes.get(name)) : values.clone()));
        return out;
    }

    private static final class Steps {
        private final Trainer trainer;
        private final SequentialBlock block;
        private final NetworkSpec decoder;
        private final Decoder target;
        private final List<GaussianMixture> mixtures;
        private final Rounding rounding;
        private final RoundingTuning tuning;
        private final SplittableRandom random;
        private final int dim;
        private final Map<String, long[]> shapes;
        private final Map<String, float[]> unrounded = new LinkedHashMap<>();
        private final Map<String, double[]> firstMoment = new LinkedHashMap<>();
        private final Map<String, double[]> secondMoment = new LinkedHashMap<>();
        private final List<Parameter> parameters;
        private Map<String, float[]> lastDecoded;
        private int done;

        Steps(Trainer trainer, SequentialBlock block, NetworkSpec decoder, Decoder target,
                Map<String, float[]> weights, List<GaussianMixture> mixtures, Rounding rounding,
                RoundingTuning tuning, long seed) {
            this.trainer = trainer;
            this.block = block;
            this.decoder = decoder;
            this.target = target;
            this.mixtures = mixtures;
            this.rounding = rounding;
            this.tuning = tuning;
            this.random = new SplittableRandom(seed ^ 0x726f_756eL);
            this.dim = mixtures.get(0).dimension();
            this.shapes = decoder.parameterShapes();
            shapes.keySet().forEach(name -> {
                unrounded.put(name, weights.get(name).clone());
                firstMoment.put(name, new double[weights.get(name).length]);
                secondMoment.put(name, new double[weights.get(name).length]);
            });
            this.parameters = List.copyOf(Networks.parameters(block, decoder).values()); // in the order of shapes
        }

        Map<String, float[]> lastDecoded() {
            return lastDecoded;
        }

        void run(Progress progress) {
            long start = System.nanoTime();
            double first = Double.NaN;
            double last = Double.NaN;
            for (int step = 1; step <= tuning.steps(); step++) {
                last = step();
                if (!Double.isFinite(last)) {
                    throw new TrainingDivergedException("rounding tuning", step, tuning.steps(), last,
                            tuning.learningRate());
                }
                first = step == 1 ? last : first;
                progress.update("tune for rounding", step, tuning.steps(), start);
            }
            progress.line(String.format(Locale.ROOT, "tune for rounding: %d steps, squared error %.3e at the first,"
                    + " %.3e at the last (%s)", tuning.steps(), first, last,
                    Progress.duration((System.nanoTime() - start) / 1e9)));
        }

        /** Loads the rounded weights, takes the squared error's gradient there, updates the unrounded ones. */
        private double step() {
            int n = tuning.perClass() * mixtures.size();
            float[] latents = draw(n);
            float[] wanted = target.decode(latents, n);
            lastDecoded = rounded();
            Networks.importWeights(block, decoder, lastDecoded);
            List<float[]> gradients = new ArrayList<>();
            double value;
            try (NDManager batch = trainer.getManager().newSubManager();
                    GradientCollector collector = trainer.newGradientCollector()) {
                NDArray decoded = trainer.forward(new NDList(batch.create(latents, new Shape(n, dim))))
                        .singletonOrThrow();
                NDArray error = decoded.sub(batch.create(wanted, decoded.getShape())).square().mean();
                value = error.getFloat();
                if (!Double.isFinite(value)) {
                    return value;
                }
                collector.backward(error);
                for (Parameter p : parameters) {
                    try (NDArray gradient = p.getArray().getGradient()) { // a fresh handle each call
                        float[] g = gradient.toFloatArray();
                        for (float x : g) {
                            if (!Float.isFinite(x)) {
                                return Double.NaN; // reported as a diverged step, before any weight turns NaN
                            }
                        }
                        gradients.add(g);
                    }
                }
            }
            adam(gradients);
            return value;
        }

        /** The unrounded weights with every "*.weight" rounded. */
        private Map<String, float[]> rounded() {
            return RoundingTuner.rounded(unrounded, shapes, rounding);
        }

        /** One Adam step (PyTorch's defaults, bias-corrected) on the unrounded weights. */
        private void adam(List<float[]> gradients) {
            done++;
            double correction1 = 1 - Math.pow(BETA1, done);
            double correction2 = 1 - Math.pow(BETA2, done);
            double rate = tuning.schedule().rate(tuning.learningRate(), done, tuning.steps());
            int k = 0;
            for (String name : unrounded.keySet()) {
                float[] w = unrounded.get(name);
                float[] g = gradients.get(k++);
                double[] m = firstMoment.get(name);
                double[] v = secondMoment.get(name);
                for (int i = 0; i < w.length; i++) {
                    m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                    v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * (double) g[i];
                    w[i] -= (float) (rate * (m[i] / correction1)
                            / (Math.sqrt(v[i] / correction2) + EPSILON));
                }
            }
        }

        /** {@code n} latents, classes in turn. */
        private float[] draw(int n) {
            float[] out = new float[n * dim];
            int per = tuning.perClass();
            for (int c = 0; c < mixtures.size(); c++) {
                double[][] z = mixtures.get(c).sample(per, random).x();
                for (int i = 0; i < per; i++) {
                    for (int j = 0; j < dim; j++) {
                        out[(c * per + i) * dim + j] = (float) z[i][j];
                    }
                }
            }
            return out;
        }
    }
}
