import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/**
 * Issue 13: would training in a narrower float type do less work on this CPU? Times one training step of the
 * default autoencoder's widest convolution (3x3, 32 to 64 filters, a batch of 128 at 14x14: the encoder's second
 * layer and its mirror in the decoder), forward and backward, with input, weights and bias cast to TYPE
 * (float32, float16 or bfloat16) through DJL's own {@code NDArray.toType}, as a mixed-precision training step
 * would cast them. Prints one line: TYPE, the mean milliseconds of REPS steps after 5 warm-up steps.
 *
 * Each type runs in its own JVM (bench/speed/low-precision.sh), because a cast the engine cannot make may end
 * the process rather than throw.
 *
 * Usage (from the repository root, after a build; `source tools/native-env.sh` first):
 *   java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 \
 *       -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/speed/LowPrecision.java TYPE [REPS]
 */
public class LowPrecision {
    public static void main(String[] args) {
        DataType type = switch (args[0]) {
            case "float32" -> DataType.FLOAT32;
            case "float16" -> DataType.FLOAT16;
            case "bfloat16" -> DataType.BFLOAT16;
            default -> throw new IllegalArgumentException("TYPE is float32, float16 or bfloat16, not " + args[0]);
        };
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(1);
            NDArray x = m.randomNormal(new Shape(128, 32, 14, 14)).toType(type, false);
            NDArray w = m.randomNormal(new Shape(64, 32, 3, 3)).mul(0.05f).toType(type, false);
            NDArray b = m.zeros(new Shape(64)).toType(type, false);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            long start = 0;
            for (int i = 0; i < reps + 5; i++) {
                if (i == 5) {
                    start = System.nanoTime();
                }
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1))
                            .singletonOrThrow();
                    collector.backward(y.mul(y).mean());
                }
            }
            System.out.printf(java.util.Locale.ROOT, "%s %.1f ms per step (conv 3x3 32->64, batch 128 at 14x14,"
                    + " forward and backward)%n", args[0], (System.nanoTime() - start) / 1e6 / reps);
        }
    }
}
