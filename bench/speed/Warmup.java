import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.model.Engines;
import io.lgc.synth.SampleBatches;
import io.lgc.synth.SamplingPlan;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Issue 13: what `lgc reconstruct` pays once per process. Times the engine's start, then draws and decodes the
 * same PER_CLASS samples a class ROUNDS times in one JVM (SampleBatches, as reconstruct does, without writing):
 * the first round carries the JIT's compilation on the same cores, the later ones show the steady rate. The
 * compilers' total time in the command itself: LGC_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime"
 * ./lgc reconstruct FILE -o DIR --per-class 6000 (printed at exit).
 *
 * Usage (from the repository root, after a build; `source tools/native-env.sh` first, as ./lgc does):
 *   java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 \
 *       -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/speed/Warmup.java FILE 6000 3
 */
public class Warmup {
    public static void main(String[] a) {
        CompressedDataset data = ArtifactFile.read(Path.of(a[0]));
        int perClass = Integer.parseInt(a[1]);
        int rounds = Integer.parseInt(a[2]);
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long start = System.nanoTime();
        Engines.pytorch();
        System.out.printf("JVM up %d ms before main's work; engine started in %.0f ms%n", jvm,
                (System.nanoTime() - start) / 1e6);
        int classes = data.metadata().numClasses();
        for (int round = 1; round <= rounds; round++) {
            SamplingPlan plan = SamplingPlan.uniform(classes, perClass, 1, SamplingPlan.defaultSpread(data.metadata()));
            long t = System.nanoTime();
            try (SampleBatches batches = new SampleBatches(data, plan)) {
                while (batches.hasNext()) {
                    batches.next();
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("round %d: %d samples in %.2f s (%.0f images/s)%n", round, plan.total(), seconds,
                    plan.total() / seconds);
        }
    }
}
